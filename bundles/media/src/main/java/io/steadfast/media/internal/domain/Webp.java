package io.steadfast.media.internal.domain;

import java.io.ByteArrayOutputStream;

/**
 * WebP (RIFF): its size from the {@code VP8X} canvas or the {@code VP8 }/{@code VP8L} bitstream header, and the same
 * file without its {@code EXIF} and {@code XMP } chunks (their flags in {@code VP8X} cleared, the RIFF size
 * recomputed). The image data is copied as it is.
 */
final class Webp {

    private static final int FLAG_EXIF = 0x08;
    private static final int FLAG_XMP = 0x04;

    private Webp() {}

    static boolean is(byte[] b) {
        return b.length >= 16
                && Bytes.ascii(b, 0, 4).equals("RIFF")
                && Bytes.ascii(b, 8, 4).equals("WEBP");
    }

    static int[] size(byte[] b) {
        long end = end(b);
        long at = 12;
        while (at + 8 <= end) {
            String type = Bytes.ascii(b, at, 4);
            long length = Bytes.u32le(b, at + 4);
            long data = at + 8;
            Bytes.need(b, data, length);
            switch (type) {
                case "VP8X":
                    return new int[] {Bytes.u24le(b, data + 4) + 1, Bytes.u24le(b, data + 7) + 1};
                case "VP8 ":
                    if (Bytes.u8(b, data + 3) != 0x9D
                            || Bytes.u8(b, data + 4) != 0x01
                            || Bytes.u8(b, data + 5) != 0x2A) {
                        throw ImageRefused.unreadable(ImageFormat.WEBP, "its VP8 frame has no start code");
                    }
                    return new int[] {Bytes.u16le(b, data + 6) & 0x3FFF, Bytes.u16le(b, data + 8) & 0x3FFF};
                case "VP8L":
                    if (Bytes.u8(b, data) != 0x2F) {
                        throw ImageRefused.unreadable(ImageFormat.WEBP, "its VP8L bitstream has no signature");
                    }
                    long bits = Bytes.u32le(b, data + 1);
                    return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
                default:
                    at = data + length + (length & 1);
            }
        }
        throw ImageRefused.unreadable(ImageFormat.WEBP, "it has no image chunk (VP8X, VP8 or VP8L)");
    }

    static byte[] strip(byte[] b) {
        long end = end(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        long at = 12;
        while (at + 8 <= end) {
            String type = Bytes.ascii(b, at, 4);
            long length = Bytes.u32le(b, at + 4);
            long padded = length + (length & 1);
            long total = 8 + Math.min(padded, b.length - at - 8);
            Bytes.need(b, at + 8, length);
            if (type.equals("VP8X")) {
                byte[] chunk = new byte[(int) total];
                System.arraycopy(b, (int) at, chunk, 0, (int) total);
                chunk[8] = (byte) (chunk[8] & ~(FLAG_EXIF | FLAG_XMP));
                out.write(chunk, 0, chunk.length);
            } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
                out.write(b, (int) at, (int) total);
            }
            at += 8 + padded;
        }
        byte[] result = out.toByteArray();
        Bytes.putU32le(result, 4, result.length - 8L);
        return result;
    }

    /** Where the RIFF container ends (its declared size, at most the file). */
    private static long end(byte[] b) {
        return Math.min(b.length, 8 + Bytes.u32le(b, 4));
    }
}
