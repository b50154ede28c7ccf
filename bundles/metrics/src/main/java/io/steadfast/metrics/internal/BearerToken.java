package io.steadfast.metrics.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The scraper's secret: taken from the environment, else from the configuration; none (metrics off) when both are
 * empty or the one given is too short to be a secret. Holds only the token's SHA-256, compares in constant time, and
 * never says the token in {@link #toString()} or a message. Plain Java.
 */
public final class BearerToken {

    /** The shortest token accepted: a guessable one would let anyone read the server's numbers. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;
    private final String source;

    private BearerToken(byte[] digest, String source) {
        this.digest = digest;
        this.source = source;
    }

    /** What is wrong with a configured token, or empty when it is usable (or none is configured). */
    public record Problem(String source, String reason) {}

    /** The outcome of reading the configuration: a token, or none (and perhaps why not). */
    public record Resolved(Optional<BearerToken> token, Optional<Problem> problem) {}

    /** The environment's token if set, else the configuration's. */
    public static Resolved resolve(String fromEnv, String fromConfig) {
        String value;
        String source;
        if (fromEnv != null && !fromEnv.isBlank()) {
            value = fromEnv.trim();
            source = MetricsConfig.ENV_TOKEN;
        } else if (fromConfig != null && !fromConfig.isBlank()) {
            value = fromConfig.trim();
            source = "metrics.token in etc/" + MetricsConfig.PID + ".cfg";
        } else {
            return new Resolved(Optional.empty(), Optional.empty());
        }
        if (value.length() < MIN_LENGTH) {
            return new Resolved(
                    Optional.empty(),
                    Optional.of(new Problem(source, "is shorter than " + MIN_LENGTH + " characters")));
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Resolved(
                    Optional.empty(),
                    Optional.of(new Problem(source, "has characters other than visible ASCII (no spaces)")));
        }
        return new Resolved(Optional.of(new BearerToken(sha256(value), source)), Optional.empty());
    }

    /** Where the token came from (never the token). */
    public String source() {
        return source;
    }

    /** Whether an {@code Authorization} header carries this token; constant time in the token's value. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // comparing digests: the time depends neither on where the values differ nor on their lengths
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[from " + source + "]";
    }
}
