package io.steadfast.media.internal.domain;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * PNG, chunk by chunk: its size from {@code IHDR}, and the same file without the chunks that carry metadata
 * ({@code eXIf}, {@code tEXt}, {@code zTXt}, {@code iTXt}, {@code tIME}). Every other chunk is copied with its CRC.
 */
final class Png {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final Set<String> DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

    private Png() {}

    static boolean is(byte[] b) {
        return Bytes.startsWith(b, 0, SIGNATURE);
    }

    static int[] size(byte[] b) {
        if (!"IHDR".equals(Bytes.ascii(b, 12, 4))) {
            throw ImageRefused.unreadable(ImageFormat.PNG, "it does not start with its header chunk (IHDR)");
        }
        long w = Bytes.u32be(b, 16);
        long h = Bytes.u32be(b, 20);
        if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw ImageRefused.unreadable(ImageFormat.PNG, "its header gives no valid size");
        }
        return new int[] {(int) w, (int) h};
    }

    static byte[] strip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, SIGNATURE.length);
        long at = SIGNATURE.length;
        while (at < b.length) {
            long length = Bytes.u32be(b, at);
            String type = Bytes.ascii(b, at + 4, 4);
            long total = 12 + length;
            Bytes.need(b, at, total);
            if (!DROPPED.contains(type)) {
                out.write(b, (int) at, (int) total);
            }
            at += total;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }
}
