package io.steadfast.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    // IP literals only: InetAddress parses them without a look-up
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.255.255.254, a loopback address",
        "10.1.2.3, a private address",
        "10.255.255.255, a private address",
        "172.16.0.1, a private address",
        "172.31.255.255, a private address",
        "192.168.1.1, a private address",
        "169.254.169.254, a link-local address",
        "100.64.0.1, a shared (carrier-grade NAT) address",
        "100.127.255.255, a shared (carrier-grade NAT) address",
        "0.0.0.0, an unspecified address",
        "0.1.2.3, a reserved address",
        "255.255.255.255, a broadcast address",
        "224.0.0.1, a multicast address",
        "239.255.255.250, a multicast address",
        "240.0.0.1, a reserved address",
        "255.255.255.254, a reserved address",
        "192.0.2.1, a documentation address",
        "198.51.100.7, a documentation address",
        "203.0.113.9, a documentation address",
        "198.18.0.1, a benchmarking address",
        "198.19.255.255, a benchmarking address",
        "192.0.0.8, a reserved address",
        "192.88.99.1, a reserved address",
    })
    void refusesNonPublicIpv4(String literal, String kind) throws Exception {
        assertThat(AddressRules.refusal(ip(literal))).contains(kind);
        assertThat(AddressRules.isPublic(ip(literal))).isFalse();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "::, an unspecified address",
        "::1, a loopback address",
        "fc00::1, a private address",
        "fd12:3456:789a::1, a private address",
        "fe80::1, a link-local address",
        "febf:ffff::1, a link-local address",
        "fec0::1, a reserved address",
        "ff02::1, a multicast address",
        "ff0e::1, a multicast address",
        "2001:db8::1, a documentation address",
        "3fff::1, a documentation address",
        "2001:2::1, a benchmarking address",
        "2001::1, a reserved address", // Teredo
        "2001:1ff::1, a reserved address",
        "100::1, a reserved address",
        "::127.0.0.1, a reserved address", // IPv4-compatible
        "::ffff:0:a01:203, a reserved address", // IPv4-translated
        "64:ff9b:1::1, a private address",
        "4000::1, a reserved address", // outside global unicast
        "::ffff:127.0.0.1, a loopback address", // IPv4-mapped
        "::ffff:10.1.2.3, a private address",
        "::ffff:a9fe:a9fe, a link-local address",
        "0:0:0:0:0:ffff:6440:1, a shared (carrier-grade NAT) address",
        "64:ff9b::a01:203, a private address", // NAT64 of 10.1.2.3
        "64:ff9b::7f00:1, a loopback address",
        "2002:a01:203::1, a private address", // 6to4 of 10.1.2.3
        "2002:7f00:1::1, a loopback address",
    })
    void refusesNonPublicIpv6(String literal, String kind) throws Exception {
        assertThat(AddressRules.refusal(ip(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0.0",
                "8.8.8.8",
                "93.184.216.34",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.255",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2a00:1450:4001::1",
                "2001:200::1",
                "3ffe::1",
                "::ffff:8.8.8.8", // mapped public
                "64:ff9b::808:808", // NAT64 of 8.8.8.8
                "2002:808:808::1", // 6to4 of 8.8.8.8
            })
    void acceptsPublicAddresses(String literal) throws Exception {
        assertThat(AddressRules.refusal(ip(literal))).isEmpty();
        assertThat(AddressRules.isPublic(ip(literal))).isTrue();
    }

    @Test
    void judgesTheMappedFormEvenWhenItStaysAnIpv6Address() throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; an Inet6Address can still carry it
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = 127;
        bytes[15] = 1;
        InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(AddressRules.refusal(mapped)).contains(AddressRules.LOOPBACK);
    }

    @Test
    void judgesScopedLinkLocalAddresses() throws Exception {
        assertThat(AddressRules.refusal(ip("fe80::1%1"))).contains(AddressRules.LINK_LOCAL);
    }
}
