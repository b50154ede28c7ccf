package io.steadfast.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Known vectors, computed outside Java, e.g.
 * {@code printf '%s' '1700000000.{"id":...}' | openssl dgst -sha256 -hmac 'whsec_k3Y-example_secret'}.
 */
class SignaturesTest {

    @Test
    void signsTimestampDotBody() {
        byte[] body = "{\"id\":\"0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a\",\"type\":\"channel.test\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.sign("whsec_k3Y-example_secret", 1_700_000_000L, body))
                .isEqualTo("sha256=3e98df73d1b2f09312695599365fbdcddc22f2a54d04d803973c5c34f275e935");
    }

    @Test
    void signsAnEmptyBody() {
        assertThat(Signatures.sign("whsec_k3Y-example_secret", 1_700_000_000L, new byte[0]))
                .isEqualTo("sha256=19af6cf53289f7dcc2523658206597d6451efb7aec2f1ad3c5ea8846f0393fca");
    }

    @Test
    void keysWithTheSecretsUtf8BytesAndSignsTheRawBody() {
        byte[] body = "{\"title\":\"Café ☕\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.sign("clé", 1_700_000_000L, body))
                .isEqualTo("sha256=a55da6b18f693227d8bd7a818308dbaa12314e5b41ad8396b2349ec8a27d597d");
    }

    @Test
    void matchesRfc4231TestCase2() {
        assertThat(Signatures.hmacSha256Hex(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void dependsOnTheTimestamp() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.sign("whsec_k3Y-example_secret", 1L, body))
                .isNotEqualTo(Signatures.sign("whsec_k3Y-example_secret", 2L, body));
    }
}
