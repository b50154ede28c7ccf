package io.steadfast.media.internal.domain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Thumbnails: a JPEG whose longest side is at most {@code longest} pixels (or a centred square of that side), the
 * EXIF orientation applied, made with the JDK's ImageIO for the formats it decodes (JPEG, PNG). Large images are
 * read subsampled, so decoding never holds more than a few times the thumbnail's pixels. The caller has checked
 * the declared size first ({@link ImageCheck}).
 */
public final class Thumbnails {

    /** The longest side of a thumbnail. */
    public static final int LONGEST = 320;

    private Thumbnails() {}

    /** The thumbnail, or empty when the format is not one ImageIO decodes or the image cannot be decoded. */
    public static Optional<byte[]> of(CheckedImage image, int longest, boolean square) {
        if (!image.format().thumbnails()) {
            return Optional.empty();
        }
        try {
            BufferedImage decoded = decode(image, longest);
            if (decoded == null) {
                return Optional.empty();
            }
            // scaled first: turning a thumbnail is cheap
            return Optional.of(jpeg(orient(scale(decoded, longest, square), image.orientation())));
        } catch (IOException | RuntimeException e) {
            // CMYK JPEGs, damaged data: the original is kept, without a thumbnail
            return Optional.empty();
        }
    }

    private static BufferedImage decode(CheckedImage image, int longest) throws IOException {
        ImageIO.setUseCache(false);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image.bytes()))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int side = Math.max(image.width(), image.height());
                int step = Math.max(1, side / (longest * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Applies the EXIF orientation (1 to 8): the pixels as they are meant to be shown. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = orientation >= 5;
        int dw = turned ? h : w;
        int dh = turned ? w : h;
        BufferedImage out = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int rgb =
                        switch (orientation) {
                            case 2 -> src.getRGB(w - 1 - x, y);
                            case 3 -> src.getRGB(w - 1 - x, h - 1 - y);
                            case 4 -> src.getRGB(x, h - 1 - y);
                            case 5 -> src.getRGB(y, x);
                            case 6 -> src.getRGB(y, h - 1 - x);
                            case 7 -> src.getRGB(w - 1 - y, h - 1 - x);
                            default -> src.getRGB(w - 1 - y, x);
                        };
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int longest, boolean square) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        int sx = 0;
        int sy = 0;
        if (square) {
            int side = Math.min(sw, sh);
            sx = (sw - side) / 2;
            sy = (sh - side) / 2;
            sw = side;
            sh = side;
        }
        double f = Math.min(1.0, (double) longest / Math.max(sw, sh));
        int w = Math.max(1, (int) Math.round(sw * f));
        int h = Math.max(1, (int) Math.round(sh * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
