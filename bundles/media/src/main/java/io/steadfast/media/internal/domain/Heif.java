package io.steadfast.media.internal.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HEIC and HEIF (ISOBMFF): the format from the {@code ftyp} brands, the size from the image spatial extents
 * ({@code ispe}, the largest: the primary image, not a tile or thumbnail), and the same file with the payload of its
 * {@code Exif} items and XMP ({@code mime} items of {@code application/rdf+xml}) overwritten with zeros where the
 * item location ({@code iloc}) says they are — nothing moves, so every offset in the file stays valid. A location
 * this code cannot follow safely (data in another item, an extent without a length) refuses the file rather than
 * keep what it may hold.
 */
final class Heif {

    private static final Set<String> HEIC = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");
    private static final Set<String> HEIF = Set.of("mif1", "msf1");
    private static final Set<String> AVIF = Set.of("avif", "avis");
    private static final String XMP = "application/rdf+xml";

    private Heif() {}

    record Box(String type, long start, long data, long end) {}

    /** HEIC, HEIF, or empty for any other file (AVIF included). */
    static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length < 16 || !Bytes.ascii(b, 4, 4).equals("ftyp")) {
            return Optional.empty();
        }
        long size = Math.min(Bytes.u32be(b, 0), b.length);
        List<String> brands = new ArrayList<>();
        brands.add(Bytes.ascii(b, 8, 4));
        for (long at = 16; at + 4 <= size; at += 4) {
            brands.add(Bytes.ascii(b, at, 4));
        }
        if (brands.stream().anyMatch(HEIC::contains)) {
            return Optional.of(ImageFormat.HEIC);
        }
        if (brands.stream().anyMatch(AVIF::contains)) {
            return Optional.empty();
        }
        return brands.stream().anyMatch(HEIF::contains) ? Optional.of(ImageFormat.HEIF) : Optional.empty();
    }

    static List<Box> boxes(byte[] b, long from, long to) {
        List<Box> out = new ArrayList<>();
        long at = from;
        while (at + 8 <= to) {
            long size = Bytes.u32be(b, at);
            String type = Bytes.ascii(b, at + 4, 4);
            long data = at + 8;
            if (size == 1) {
                size = Bytes.u64be(b, at + 8);
                data = at + 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < data - at || at + size > to) {
                throw new Bytes.Truncated();
            }
            out.add(new Box(type, at, data, at + size));
            at += size;
        }
        return out;
    }

    private static Optional<Box> child(List<Box> boxes, String type) {
        return boxes.stream().filter(x -> x.type().equals(type)).findFirst();
    }

    private static Optional<Box> meta(byte[] b) {
        return child(boxes(b, 0, b.length), "meta");
    }

    /** The children of the full box {@code meta} (after its version and flags). */
    private static List<Box> metaChildren(byte[] b, Box meta) {
        return boxes(b, meta.data() + 4, meta.end());
    }

    static int[] size(byte[] b, ImageFormat f) {
        Box meta = meta(b).orElseThrow(() -> ImageRefused.unreadable(f, "it has no meta box"));
        List<Box> children = metaChildren(b, meta);
        Box iprp = child(children, "iprp").orElseThrow(() -> ImageRefused.unreadable(f, "it has no properties"));
        Box ipco = child(boxes(b, iprp.data(), iprp.end()), "ipco")
                .orElseThrow(() -> ImageRefused.unreadable(f, "it has no property container"));
        long bestW = 0;
        long bestH = 0;
        for (Box p : boxes(b, ipco.data(), ipco.end())) {
            if (p.type().equals("ispe")) {
                long w = Bytes.u32be(b, p.data() + 4);
                long h = Bytes.u32be(b, p.data() + 8);
                if (w * h > bestW * bestH) {
                    bestW = w;
                    bestH = h;
                }
            }
        }
        if (bestW <= 0 || bestH <= 0 || bestW > Integer.MAX_VALUE || bestH > Integer.MAX_VALUE) {
            throw ImageRefused.unreadable(f, "it declares no image size (ispe)");
        }
        return new int[] {(int) bestW, (int) bestH};
    }

    static byte[] strip(byte[] original, ImageFormat f) {
        byte[] b = original.clone();
        Optional<Box> meta = meta(b);
        if (meta.isEmpty()) {
            return b;
        }
        List<Box> children = metaChildren(b, meta.get());
        Set<Long> targets = metadataItems(b, children);
        if (targets.isEmpty()) {
            return b;
        }
        Box iloc = child(children, "iloc")
                .orElseThrow(() -> ImageRefused.unreadable(f, "its metadata items have no location (iloc)"));
        Optional<Box> idat = child(children, "idat");
        int version = Bytes.u8(b, iloc.data());
        long p = iloc.data() + 4;
        int offsetSize = Bytes.u8(b, p) >> 4;
        int lengthSize = Bytes.u8(b, p) & 0x0F;
        int baseSize = Bytes.u8(b, p + 1) >> 4;
        int indexSize = version == 1 || version == 2 ? Bytes.u8(b, p + 1) & 0x0F : 0;
        p += 2;
        long count;
        if (version < 2) {
            count = Bytes.u16be(b, p);
            p += 2;
        } else {
            count = Bytes.u32be(b, p);
            p += 4;
        }
        for (long i = 0; i < count; i++) {
            long id;
            if (version < 2) {
                id = Bytes.u16be(b, p);
                p += 2;
            } else {
                id = Bytes.u32be(b, p);
                p += 4;
            }
            int method = 0;
            if (version == 1 || version == 2) {
                method = Bytes.u16be(b, p) & 0x0F;
                p += 2;
            }
            p += 2; // data_reference_index
            long base = read(b, p, baseSize, f);
            p += baseSize;
            int extents = Bytes.u16be(b, p);
            p += 2;
            for (int e = 0; e < extents; e++) {
                p += indexSize;
                long offset = read(b, p, offsetSize, f);
                p += offsetSize;
                long length = read(b, p, lengthSize, f);
                p += lengthSize;
                if (!targets.contains(id)) {
                    continue;
                }
                long start;
                if (method == 0) {
                    start = base + offset;
                } else if (method == 1 && idat.isPresent()) {
                    start = idat.get().data() + base + offset;
                    if (start + length > idat.get().end()) {
                        throw ImageRefused.unreadable(f, "its metadata lies outside its item data");
                    }
                } else {
                    throw ImageRefused.unreadable(
                            f, "its metadata is stored in a way that cannot be removed safely; convert it to JPEG");
                }
                if (length <= 0 || start < 0 || start + length > b.length) {
                    throw ImageRefused.unreadable(f, "its metadata has no exact location");
                }
                java.util.Arrays.fill(b, (int) start, (int) (start + length), (byte) 0);
            }
        }
        return b;
    }

    /** The ids of the {@code Exif} and XMP items listed in {@code iinf}. */
    private static Set<Long> metadataItems(byte[] b, List<Box> metaChildren) {
        Set<Long> ids = new HashSet<>();
        Optional<Box> iinf = child(metaChildren, "iinf");
        if (iinf.isEmpty()) {
            return ids;
        }
        Box box = iinf.get();
        int version = Bytes.u8(b, box.data());
        long first = box.data() + 4 + (version == 0 ? 2 : 4);
        for (Box infe : boxes(b, first, box.end())) {
            if (!infe.type().equals("infe")) {
                continue;
            }
            int v = Bytes.u8(b, infe.data());
            if (v < 2) {
                continue;
            }
            long p = infe.data() + 4;
            long id;
            if (v == 2) {
                id = Bytes.u16be(b, p);
                p += 2;
            } else {
                id = Bytes.u32be(b, p);
                p += 4;
            }
            p += 2; // item_protection_index
            String type = Bytes.ascii(b, p, 4);
            p += 4;
            if (type.equals("Exif")) {
                ids.add(id);
            } else if (type.equals("mime")) {
                long name = p;
                while (name < infe.end() && b[(int) name] != 0) {
                    name++;
                }
                long ct = name + 1;
                long ctEnd = ct;
                while (ctEnd < infe.end() && b[(int) ctEnd] != 0) {
                    ctEnd++;
                }
                if (ct < ctEnd) {
                    String contentType =
                            new String(b, (int) ct, (int) (ctEnd - ct), StandardCharsets.ISO_8859_1).trim();
                    if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith(XMP)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    private static long read(byte[] b, long at, int size, ImageFormat f) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> Bytes.u32be(b, at);
            case 8 -> Bytes.u64be(b, at);
            default -> throw ImageRefused.unreadable(f, "its item locations use an unknown field size");
        };
    }
}
