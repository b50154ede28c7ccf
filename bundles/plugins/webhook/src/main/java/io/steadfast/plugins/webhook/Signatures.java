package io.steadfast.plugins.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the lowercase hex HMAC-SHA256 of {@code "<timestamp>.<raw body>"},
 * keyed with the secret's UTF-8 bytes. The timestamp is signed with the body so that a captured request cannot be
 * replayed later with a fresh {@code X-Steadfast-Timestamp}; receivers reject timestamps older than a few minutes.
 */
public final class Signatures {

    /** The prefix of the header value, naming the algorithm. */
    public static final String SCHEME = "sha256=";

    private Signatures() {}

    /** The {@code X-Steadfast-Signature} value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return SCHEME + hmacSha256Hex(secret.getBytes(StandardCharsets.UTF_8), signed);
    }

    /** Lowercase hex HMAC-SHA256. */
    static String hmacSha256Hex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256
            throw new IllegalStateException(e);
        }
    }
}
