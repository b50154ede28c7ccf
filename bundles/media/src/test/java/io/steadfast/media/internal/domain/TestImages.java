package io.steadfast.media.internal.domain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images for the tests: made with ImageIO, then given metadata by hand (GPS EXIF, XMP, comments, text chunks). */
public final class TestImages {

    /** A string every piece of metadata in these images carries, so that a test can look for it in the output. */
    public static final String SECRET = "GPS-52.5200N-13.4050E-SECRET";

    private TestImages() {}

    /** A picture with a red left half (so that orientation can be checked) as JPEG or PNG. */
    public static byte[] encode(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int w, int h) {
        return encode("jpeg", w, h);
    }

    public static byte[] png(int w, int h) {
        return encode("png", w, h);
    }

    /**
     * A TIFF (big endian) whose IFD0 has an ImageDescription with {@link #SECRET}, the orientation (0: none) and a
     * GPS IFD with a latitude reference and the latitude as rationals.
     */
    public static byte[] tiffWithGps(int orientation) {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        byte[] desc = (SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int entries = orientation > 0 ? 3 : 2;
        int ifd0 = 8;
        int ifd0Size = 2 + entries * 12 + 4;
        int descAt = ifd0 + ifd0Size;
        int gpsAt = descAt + desc.length + (desc.length & 1);
        int gpsSize = 2 + 2 * 12 + 4;
        int ratAt = gpsAt + gpsSize;
        w(t, 'M', 'M', 0, 42);
        u32(t, ifd0);
        u16(t, entries);
        entry(t, 0x010E, 2, desc.length, descAt); // ImageDescription
        if (orientation > 0) {
            u16(t, 0x0112);
            u16(t, 3);
            u32(t, 1);
            u16(t, orientation);
            u16(t, 0);
        }
        entry(t, 0x8825, 4, 1, gpsAt); // GPSInfo IFD
        u32(t, 0);
        t.write(desc, 0, desc.length);
        if ((desc.length & 1) == 1) {
            t.write(0);
        }
        u16(t, 2);
        u16(t, 0x0001); // GPSLatitudeRef "N"
        u16(t, 2);
        u32(t, 2);
        w(t, 'N', 0, 0, 0);
        entry(t, 0x0002, 5, 3, ratAt); // GPSLatitude 52/1 31/1 12/1
        u32(t, 0);
        for (int v : new int[] {52, 31, 12}) {
            u32(t, v);
            u32(t, 1);
        }
        return t.toByteArray();
    }

    /** The JPEG with, after SOI: APP1 EXIF (GPS), APP1 XMP, APP13, COM — all carrying {@link #SECRET}. */
    public static byte[] jpegWithMetadata(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps(orientation));
        segment(out, 0xE1, exif);
        segment(
                out,
                0xE1,
                ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>" + SECRET
                                + "</exif:GPSLatitude></x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8));
        segment(out, 0xED, ("Photoshop 3.0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, ("comment " + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with eXIf, tEXt, zTXt, iTXt and tIME chunks after IHDR. */
    public static byte[] pngWithMetadata(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ihdrEnd = 8 + 12 + 13;
        out.write(png, 0, ihdrEnd);
        chunk(out, "eXIf", tiffWithGps(6));
        chunk(out, "tEXt", ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "zTXt", ("Comment\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + SECRET).getBytes(StandardCharsets.UTF_8));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 12, 2, 10, 0, 0});
        out.write(png, ihdrEnd, png.length - ihdrEnd);
        return out.toByteArray();
    }

    /** A WebP: VP8X (EXIF and XMP flagged) with a canvas, a VP8L bitstream header, EXIF and XMP chunks. */
    public static byte[] webpWithMetadata(int w, int h) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04;
        put24(vp8x, 4, w - 1);
        put24(vp8x, 7, h - 1);
        riffChunk(body, "VP8X", vp8x);
        long bits = (w - 1L) | ((h - 1L) << 14);
        byte[] vp8l = {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0};
        riffChunk(body, "VP8L", vp8l);
        riffChunk(body, "EXIF", tiffWithGps(0));
        riffChunk(body, "XMP ", ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w(out, 'R', 'I', 'F', 'F');
        u32le(out, 4 + body.size());
        w(out, 'W', 'E', 'B', 'P');
        out.write(body.toByteArray(), 0, body.size());
        return out.toByteArray();
    }

    /**
     * A HEIC: ftyp, meta (hdlr, iinf with an hvc1, an Exif and an XMP item, iloc, iprp with ispe), mdat holding the
     * three items' bytes. {@code method} is the iloc construction method of the Exif item (0: file offset).
     */
    public static byte[] heicWithMetadata(String brand, int w, int h, int version) {
        byte[] image = "not really HEVC data, but where the image would be".getBytes(StandardCharsets.ISO_8859_1);
        byte[] exif = concat(
                new byte[] {0, 0, 0, 6}, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps(0)));
        byte[] xmp = ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8);
        byte[] ftyp = box("ftyp", concat(ascii(brand), concat(new byte[4], ascii("mif1" + brand))));
        for (int pass = 0; pass < 2; pass++) {
            // pass 0 measures the meta box; pass 1 writes the real offsets
            int metaSize = pass == 0 ? 0 : metaBox(0, image, exif, xmp, w, h, version).length;
            int mdatData = ftyp.length + metaSize + 8;
            byte[] meta = metaBox(mdatData, image, exif, xmp, w, h, version);
            if (pass == 1) {
                byte[] mdat = box("mdat", concat(image, concat(exif, xmp)));
                return concat(ftyp, concat(meta, mdat));
            }
        }
        throw new IllegalStateException();
    }

    private static byte[] metaBox(int mdatData, byte[] image, byte[] exif, byte[] xmp, int w, int h, int version) {
        byte[] hdlr = fullBox("hdlr", 0, concat(new byte[4], concat(ascii("pict"), new byte[13])));
        byte[] infes =
                concat(infe(1, "hvc1", null), concat(infe(2, "Exif", null), infe(3, "mime", "application/rdf+xml")));
        byte[] iinf = fullBox("iinf", 0, concat(new byte[] {0, 3}, infes));
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        w(l, 0x44, 0x00); // offset_size 4, length_size 4, base_offset_size 0, reserved/index 0
        if (version < 2) {
            u16(l, 3);
        } else {
            u32(l, 3);
        }
        int[][] items = {
            {1, mdatData, image.length},
            {2, mdatData + image.length, exif.length},
            {3, mdatData + image.length + exif.length, xmp.length}
        };
        for (int[] it : items) {
            if (version < 2) {
                u16(l, it[0]);
            } else {
                u32(l, it[0]);
            }
            if (version == 1 || version == 2) {
                u16(l, 0); // construction method 0
            }
            u16(l, 0); // data reference index
            u16(l, 1); // one extent
            u32(l, it[1]);
            u32(l, it[2]);
        }
        byte[] iloc = fullBox("iloc", version, l.toByteArray());
        ByteArrayOutputStream ispe = new ByteArrayOutputStream();
        u32(ispe, w);
        u32(ispe, h);
        ByteArrayOutputStream thumbIspe = new ByteArrayOutputStream();
        u32(thumbIspe, 320);
        u32(thumbIspe, 240);
        byte[] ipco = box(
                "ipco", concat(fullBox("ispe", 0, thumbIspe.toByteArray()), fullBox("ispe", 0, ispe.toByteArray())));
        byte[] iprp = box("iprp", ipco);
        return fullBox("meta", 0, concat(hdlr, concat(iinf, concat(iloc, iprp))));
    }

    private static byte[] infe(int id, String type, String contentType) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, id);
        u16(b, 0);
        w(b, type.charAt(0), type.charAt(1), type.charAt(2), type.charAt(3));
        b.write(0); // empty item name
        if (contentType != null) {
            byte[] ct = (contentType + "\0").getBytes(StandardCharsets.ISO_8859_1);
            b.write(ct, 0, ct.length);
        }
        return fullBox("infe", 2, b.toByteArray());
    }

    static byte[] box(String type, byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u32(b, 8 + data.length);
        byte[] t = ascii(type);
        b.write(t, 0, 4);
        b.write(data, 0, data.length);
        return b.toByteArray();
    }

    static byte[] fullBox(String type, int version, byte[] data) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, data));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        u16(out, data.length + 2);
        out.write(data, 0, data.length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        u32(out, data.length);
        byte[] t = ascii(type);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.write(t, 0, 4);
        out.write(data, 0, data.length);
        u32(out, crc.getValue());
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = ascii(type);
        out.write(t, 0, 4);
        u32le(out, data.length);
        out.write(data, 0, data.length);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void entry(ByteArrayOutputStream t, int tag, int type, int count, int value) {
        u16(t, tag);
        u16(t, type);
        u32(t, count);
        u32(t, value);
    }

    private static void w(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >> 24));
        out.write((int) (v >> 16));
        out.write((int) (v >> 8));
        out.write((int) v);
    }

    private static void u32le(ByteArrayOutputStream out, long v) {
        out.write((int) v);
        out.write((int) (v >> 8));
        out.write((int) (v >> 16));
        out.write((int) (v >> 24));
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
    }

    /** Whether {@code needle} occurs in {@code hay}. */
    public static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
