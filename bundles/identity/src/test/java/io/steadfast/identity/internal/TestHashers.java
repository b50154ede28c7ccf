package io.steadfast.identity.internal;

/** Argon2id with test parameters: as correct as the real hasher, hundreds of times faster. */
public final class TestHashers {

    private TestHashers() {}

    /** 64 KiB, one iteration. */
    public static PasswordHasher cheap() {
        return withMemory(64);
    }

    /** One iteration with this much memory: hashes of another amount need a rehash. */
    public static PasswordHasher withMemory(int memoryKib) {
        return new PasswordHasher(memoryKib, 1, 2);
    }
}
