package io.steadfast.media.internal.domain;

/** Reading numbers out of byte arrays, bounds-checked: past the end is a {@link Truncated}. */
final class Bytes {

    /** A structure that claims more bytes than the file has. */
    static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super("the file ends inside a structure", null, false, false);
        }
    }

    private Bytes() {}

    static void need(byte[] b, long at, long n) {
        if (at < 0 || n < 0 || at + n > b.length) {
            throw new Truncated();
        }
    }

    static int u8(byte[] b, long at) {
        need(b, at, 1);
        return b[(int) at] & 0xFF;
    }

    static int u16be(byte[] b, long at) {
        need(b, at, 2);
        int i = (int) at;
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static long u32be(byte[] b, long at) {
        need(b, at, 4);
        int i = (int) at;
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static long u64be(byte[] b, long at) {
        return (u32be(b, at) << 32) | u32be(b, at + 4);
    }

    static int u16le(byte[] b, long at) {
        need(b, at, 2);
        int i = (int) at;
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    static int u24le(byte[] b, long at) {
        need(b, at, 3);
        int i = (int) at;
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16);
    }

    static long u32le(byte[] b, long at) {
        need(b, at, 4);
        int i = (int) at;
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((long) (b[i + 3] & 0xFF) << 24);
    }

    static String ascii(byte[] b, long at, int n) {
        need(b, at, n);
        return new String(b, (int) at, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static boolean startsWith(byte[] b, long at, byte[] prefix) {
        if (at < 0 || at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[(int) at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static void putU32le(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}
