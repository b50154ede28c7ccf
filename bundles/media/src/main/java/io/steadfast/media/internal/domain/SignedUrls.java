package io.steadfast.media.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived capabilities for one stored object: a token that names the key and the instant it expires, with an
 * HMAC-SHA256 over both. Whoever holds the token may read the object until then (an {@code <img src>} carries no
 * bearer token); a token that is expired, altered or signed with another secret is worth nothing. Expiry is rounded
 * up to the minute, so that the same object listed twice within a minute has the same URL (a browser's cache hit).
 */
public final class SignedUrls {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Duration ttl;

    /** A grant that a token carries: the object's key and until when. */
    public record Grant(String key, Instant expires) {

        /** Whole seconds left at {@code now}, at least 0. */
        public long secondsLeft(Instant now) {
            return Math.max(0, Duration.between(now, expires).getSeconds());
        }
    }

    public SignedUrls(byte[] secret, Duration ttl) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the signing secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
    }

    /** A token for {@code key}, valid from {@code now} for the ttl (rounded up to the minute). */
    public String sign(String key, Instant now) {
        MediaKeys.require(key);
        long expires = ((now.plus(ttl).getEpochSecond() + 59) / 60) * 60;
        String payload = key + "\n" + expires;
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    /** The grant of a token that is genuine and not expired at {@code now}, or empty. */
    public Optional<Grant> verify(String token, Instant now) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String payload = new String(UNB64.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            // the whole token against its one canonical spelling: base64 leaves a last character's low bits unused, so
            // comparing decoded bytes would accept an altered token
            String expected = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(mac(payload));
            if (!MessageDigest.isEqual(
                    token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            int nl = payload.lastIndexOf('\n');
            if (nl <= 0) {
                return Optional.empty();
            }
            String key = payload.substring(0, nl);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(payload.substring(nl + 1)));
            if (!now.isBefore(expires) || !MediaKeys.valid(key)) {
                return Optional.empty();
            }
            return Optional.of(new Grant(key, expires));
        } catch (IllegalArgumentException e) {
            // not base64, not a number: a token made by hand
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
