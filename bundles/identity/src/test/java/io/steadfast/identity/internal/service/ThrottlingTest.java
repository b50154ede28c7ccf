package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ThrottlingTest {

    @Test
    void theClientAddressIsThePeerUnlessATrustedProxyForwardedForSomeone() {
        Throttling none = new Fixture().throttling;
        assertThat(none.clientAddress("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        Throttling proxied = new Fixture(Map.of("clientAddress_trustedProxies", "10.0.0.1, 10.0.0.2")).throttling;
        assertThat(proxied.clientAddress("10.0.0.1", "198.51.100.1, 10.0.0.2")).isEqualTo("198.51.100.1");
        assertThat(proxied.clientAddress("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void aChangedConfigurationAppliesAtOnce() {
        Fixture f = new Fixture();
        f.throttling.modified(Fixture.config(Map.of("clientAddress_trustedProxies", "10.0.0.1")));
        assertThat(f.throttling.clientAddress("10.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }
}
