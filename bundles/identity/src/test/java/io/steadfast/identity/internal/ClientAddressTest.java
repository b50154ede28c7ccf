package io.steadfast.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void thePeerIsTheClientUnlessItIsATrustedProxy() {
        Set<String> proxies = ClientAddress.parse(" 10.0.0.1, 10.0.0.2 ,");
        assertThat(proxies).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
        assertThat(ClientAddress.of("203.0.113.9", "1.2.3.4", proxies))
                .as("untrusted peer: header ignored")
                .isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("10.0.0.1", "198.51.100.7", proxies)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", proxies))
                .as("the right-most untrusted hop; a client-supplied left part is ignored")
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.1", " ", proxies)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of("10.0.0.1", "10.0.0.2", proxies)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", "9.9.9.9", ClientAddress.parse("")))
                .isEqualTo("127.0.0.1");
    }
}
