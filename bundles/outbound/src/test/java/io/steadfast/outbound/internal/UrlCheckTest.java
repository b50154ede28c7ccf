package io.steadfast.outbound.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.steadfast.outbound.OutboundSettings;
import io.steadfast.outbound.UrlCheck;

/** {@link GuardedHttp#check}: no test looks up a name on a DNS server (literals, localhost, or a table). */
class UrlCheckTest {

    private static final OutboundSettings GUARDED = OutboundSettings.DEFAULT;

    private static Resolver table(Map<String, List<String>> names) {
        return host -> {
            List<String> literals = names.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            return literals.stream().map(UrlCheckTest::ip).toList();
        };
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static GuardedHttp client(OutboundSettings settings, Resolver resolver) {
        return new GuardedHttp(settings, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private static UrlCheck check(String url) {
        return client(GUARDED, Resolver.SYSTEM).check(url);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''| is required",
                "'   '| is required",
                "ftp://files.example.com/x| must be an http:// or https:// URL",
                "example.com/hook| must be an http:// or https:// URL",
                "javascript:alert(1)| must be an http:// or https:// URL",
                "http://user:pw@hooks.example.com/| must not contain a user name or password",
                "https://token@hooks.example.com/| must not contain a user name or password",
                "http:///path| must name a host (a domain name or an IP address)",
                "http://a_b.example/| must name a host (a domain name or an IP address)",
                "http://127.1/| must name a host (a domain name or an IP address)",
                "http://hooks example.com/| is not a valid URL",
            })
    void refusesMalformedUrls(String url, String problem) {
        assertThat(check(url).problem()).isEqualTo(problem.strip());
    }

    @Test
    void refusesNull() {
        assertThat(check(null).problem()).isEqualTo("is required");
    }

    @Test
    void refusesOverlongUrls() {
        assertThat(check("https://hooks.example.com/" + "a".repeat(2048)).problem())
                .isEqualTo("must be at most 2048 characters long");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:8080/hook| is a loopback address (127.0.0.1)",
                "https://10.1.2.3/| is a private address (10.1.2.3)",
                "http://169.254.169.254/latest/meta-data/| is a link-local address (169.254.169.254)",
                "http://[::1]:8181/| is a loopback address (0:0:0:0:0:0:0:1)",
                "http://[fd00::5]/| is a private address (fd00:0:0:0:0:0:0:5)",
                "http://[::ffff:10.1.2.3]/| is a private address (10.1.2.3)",
                "http://[::ffff:7f00:1]/| is a loopback address (127.0.0.1)",
                "http://[fe80::1]/| is a link-local address (fe80:0:0:0:0:0:0:1)",
                "http://0.0.0.0/| is an unspecified address (0.0.0.0)",
                "http://[::]/| is an unspecified address (0:0:0:0:0:0:0:0)",
                "http://100.64.0.1/| is a shared (carrier-grade NAT) address (100.64.0.1)",
                "http://255.255.255.255/| is a broadcast address (255.255.255.255)",
                "http://192.0.2.1/| is a documentation address (192.0.2.1)",
                "http://2130706433/| is a loopback address (127.0.0.1)", // a decimal IPv4 literal
                "http://0/| is an unspecified address (0.0.0.0)",
            })
    void refusesLiteralNonPublicAddresses(String url, String problem) {
        assertThat(check(url).problem()).isEqualTo(problem.strip() + "; only public internet addresses may be called");
    }

    @Test
    void refusesLocalhost() {
        // localhost comes from the hosts file, not from a DNS server
        UrlCheck check = check("http://localhost:8181/api");
        assertThat(check.ok()).isFalse();
        assertThat(check.problem()).startsWith("resolves to a loopback address (");
    }

    @Test
    void refusesAHostNameThatResolvesToAPrivateAddress() {
        GuardedHttp http = client(GUARDED, table(Map.of("hooks.example.com", List.of("10.1.2.3"))));
        assertThat(http.check("https://hooks.example.com/in").problem())
                .isEqualTo("resolves to a private address (10.1.2.3); only public internet addresses may be called");
    }

    @Test
    void refusesAHostNameWithOneNonPublicAddressAmongPublicOnes() {
        GuardedHttp http =
                client(GUARDED, table(Map.of("mixed.example.com", List.of("93.184.216.34", "fd00::1", "1.1.1.1"))));
        assertThat(http.check("https://mixed.example.com/").problem())
                .startsWith("resolves to a private address (fd00");
    }

    @Test
    void acceptsAHostNameThatResolvesToPublicAddresses() {
        GuardedHttp http =
                client(GUARDED, table(Map.of("hooks.example.com", List.of("93.184.216.34", "2606:2800:220:1::1"))));
        UrlCheck check = http.check("https://hooks.example.com/in?x=1");
        assertThat(check.ok()).isTrue();
        assertThat(check.problem()).isNull();
        assertThat(check.uri().getHost()).isEqualTo("hooks.example.com");
        assertThat(check.addresses()).hasSize(2);
    }

    @Test
    void acceptsPublicLiterals() {
        assertThat(check("https://93.184.216.34/hook").ok()).isTrue();
        assertThat(check("https://[2606:4700:4700::1111]:8443/").ok()).isTrue();
    }

    @Test
    void reportsAnUnknownHost() {
        GuardedHttp http = client(GUARDED, table(Map.of()));
        assertThat(http.check("https://nowhere.example.com/").problem())
                .isEqualTo("names a host that was not found (nowhere.example.com)");
    }

    @Test
    void acceptsPrivateAddressesWhenTheOperatorAllowsThem() {
        GuardedHttp http =
                client(new OutboundSettings(true, GUARDED.connectTimeout(), GUARDED.requestTimeout()), Resolver.SYSTEM);
        assertThat(http.check("http://127.0.0.1:9/").ok()).isTrue();
        assertThat(http.check("http://localhost:9/").ok()).isTrue();
        assertThat(http.check("http://[::1]:9/").ok()).isTrue();
        // the shape of a URL is checked all the same
        assertThat(http.check("ftp://127.0.0.1/").ok()).isFalse();
    }
}
