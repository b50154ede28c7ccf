package io.steadfast.media.internal.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JPEG, segment by segment: its size from the frame header (SOFn), and the same file without metadata. Kept: the
 * frame, tables, scans, the ICC profile (APP2 {@code ICC_PROFILE}), Adobe's colour transform (APP14) and JFIF
 * (APP0, without its thumbnail); dropped: EXIF and XMP (APP1), every other APPn, comments. The EXIF orientation
 * survives as a minimal EXIF block that holds only it. The entropy-coded data is copied as it is, never decoded;
 * a marker hidden after the first scan is handled like one before it.
 */
final class Jpeg {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.ISO_8859_1);

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    private Jpeg() {}

    static boolean is(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == SOI && (b[2] & 0xFF) == 0xFF;
    }

    /** What the segments before the first scan say: the size and the orientation. */
    record Header(int width, int height, int orientation) {}

    static Header header(byte[] b) {
        int width = -1;
        int height = -1;
        int orientation = 1;
        int at = 2;
        while (at < b.length) {
            int marker = marker(b, at);
            at = skipFill(b, at) + 2;
            if (standalone(marker)) {
                continue;
            }
            int length = Bytes.u16be(b, at);
            if (length < 2) {
                throw new Bytes.Truncated();
            }
            Bytes.need(b, at, length);
            if (isSof(marker)) {
                height = Bytes.u16be(b, at + 3);
                width = Bytes.u16be(b, at + 5);
            } else if (marker == APP1 && Bytes.startsWith(b, at + 2, EXIF) && orientation == 1) {
                orientation = orientation(b, at + 2 + EXIF.length, length - 2 - EXIF.length);
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            at += length;
        }
        if (width <= 0 || height <= 0) {
            throw ImageRefused.unreadable(ImageFormat.JPEG, "it has no frame header with its size");
        }
        return new Header(width, height, orientation);
    }

    /** The file without metadata, keeping {@code orientation} (1: none) as the only EXIF tag. */
    static byte[] strip(byte[] b, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(SOI);
        boolean orientationWritten = orientation == 1;
        int at = 2;
        while (at < b.length) {
            int marker = marker(b, at);
            at = skipFill(b, at) + 2;
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                return out.toByteArray();
            }
            if (standalone(marker)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            int length = Bytes.u16be(b, at);
            if (length < 2) {
                throw new Bytes.Truncated();
            }
            Bytes.need(b, at, length);
            boolean app0 = marker == APP0 && Bytes.startsWith(b, at + 2, JFIF) && length >= 16;
            if (!orientationWritten && !app0) {
                writeOrientation(out, orientation);
                orientationWritten = true;
            }
            if (app0) {
                // JFIF without its thumbnail: version, units and density only
                out.write(0xFF);
                out.write(APP0);
                out.write(0);
                out.write(16);
                out.write(b, at + 2, 12);
                out.write(0);
                out.write(0);
            } else if (keep(b, marker, at)) {
                out.write(0xFF);
                out.write(marker);
                out.write(b, at, length);
            }
            at += length;
            if (marker == SOS) {
                at = copyScan(b, at, out);
            }
        }
        // no EOI: what a truncated camera file looks like; keep what there is
        return out.toByteArray();
    }

    /** Copies entropy-coded data up to the next marker that is not a stuffed byte or a restart; answers where. */
    private static int copyScan(byte[] b, int at, ByteArrayOutputStream out) {
        int start = at;
        while (at < b.length) {
            if ((b[at] & 0xFF) == 0xFF && at + 1 < b.length) {
                int next = b[at + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    break;
                }
            }
            at++;
        }
        out.write(b, start, at - start);
        return at;
    }

    private static boolean keep(byte[] b, int marker, int at) {
        if (marker == COM) {
            return false;
        }
        if (marker >= APP0 && marker <= 0xEF) {
            return (marker == APP2 && Bytes.startsWith(b, at + 2, ICC))
                    || (marker == APP14 && Bytes.startsWith(b, at + 2, ADOBE));
        }
        return true;
    }

    private static int marker(byte[] b, int at) {
        int i = skipFill(b, at);
        if (Bytes.u8(b, at) != 0xFF) {
            throw ImageRefused.unreadable(ImageFormat.JPEG, "a segment does not start where the previous one ends");
        }
        return Bytes.u8(b, i + 1);
    }

    /** Fill bytes (FF FF ...) before a marker: the index of the last FF. */
    private static int skipFill(byte[] b, int at) {
        int i = at;
        while (i + 1 < b.length && (b[i + 1] & 0xFF) == 0xFF) {
            i++;
        }
        return i;
    }

    private static boolean standalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == SOI;
    }

    private static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** The orientation tag (0x0112) of IFD0 of a TIFF structure, 1 when absent or unreadable. */
    static int orientation(byte[] b, int tiff, int length) {
        try {
            if (length < 8) {
                return 1;
            }
            boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
            if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
                return 1;
            }
            long ifd = little ? Bytes.u32le(b, tiff + 4) : Bytes.u32be(b, tiff + 4);
            if (ifd < 8 || ifd + 2 > length) {
                return 1;
            }
            int at = tiff + (int) ifd;
            int count = little ? Bytes.u16le(b, at) : Bytes.u16be(b, at);
            for (int i = 0; i < count && at + 2 + (i + 1) * 12 <= tiff + length; i++) {
                int e = at + 2 + i * 12;
                int tag = little ? Bytes.u16le(b, e) : Bytes.u16be(b, e);
                if (tag == 0x0112) {
                    int v = little ? Bytes.u16le(b, e + 8) : Bytes.u16be(b, e + 8);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
        } catch (Bytes.Truncated e) {
            // a damaged EXIF block: no orientation
        }
        return 1;
    }

    /** APP1 with {@code Exif\0\0} and a big-endian TIFF whose IFD0 holds only the orientation. */
    private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // header, IFD0 at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no next IFD
        };
        int length = 2 + EXIF.length + tiff.length;
        out.write(0xFF);
        out.write(APP1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(EXIF, 0, EXIF.length);
        out.write(tiff, 0, tiff.length);
    }
}
