package io.steadfast.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Argon2id password hashing (Bouncy Castle), with OWASP's recommended parameters: 19 MiB of memory, 2 iterations,
 * parallelism 1. Hashes are PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so parameters can be
 * raised later and old hashes still verify. At most one hash per core runs at a time: a burst of logins queues
 * here instead of taking every CPU from the requests of other users. One instance (a component) serves every
 * service of the bundle, so the limit holds for logins, registrations and password changes together.
 */
@Component(service = PasswordHasher.class)
public final class PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits;
    private final int memoryKib;
    private final int iterations;
    private final String dummy;

    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    PasswordHasher(int memoryKib, int iterations, int concurrent) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.permits = new Semaphore(concurrent, true);
        this.dummy = hash("not-a-real-password-" + random.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** Whether {@code password} matches {@code phc}; false for a malformed hash. Constant-time comparison. */
    public boolean verify(String password, String phc) {
        if (phc == null) {
            verify(password, dummy);
            return false;
        }
        String[] parts = phc.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        try {
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=", 2);
                int v = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m":
                        m = v;
                        break;
                    case "t":
                        t = v;
                        break;
                    case "p":
                        p = v;
                        break;
                    default:
                        return false;
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            if (m < 8 || t < 1 || p < 1 || expected.length < 16) {
                return false;
            }
            byte[] actual = derive(password, salt, m, t, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification, so that an unknown email answers as slowly as a wrong password. */
    public void verifyDummy(String password) {
        verify(password, dummy);
    }

    /** Whether a hash uses weaker parameters than the current ones and should be replaced at the next login. */
    public boolean needsRehash(String phc) {
        return phc == null
                || !phc.startsWith("$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$");
    }

    private byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        permits.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            permits.release();
        }
        return out;
    }
}
