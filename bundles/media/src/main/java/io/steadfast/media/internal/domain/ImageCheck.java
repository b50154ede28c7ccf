package io.steadfast.media.internal.domain;

import java.util.Optional;

/**
 * The checks of an upload, in order: what it is (from its first bytes: JPEG, PNG, WebP, HEIC/HEIF; the name and the
 * declared type are never asked), how many pixels it declares (refused past the limit before anything is decoded:
 * a decompression bomb is a small file that declares a huge image), and the same file without its metadata.
 */
public final class ImageCheck {

    private ImageCheck() {}

    /** The format of a file from its first bytes, or empty for anything else. */
    public static Optional<ImageFormat> sniff(byte[] b) {
        if (Jpeg.is(b)) {
            return Optional.of(ImageFormat.JPEG);
        } else if (Png.is(b)) {
            return Optional.of(ImageFormat.PNG);
        } else if (Webp.is(b)) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Heif.sniff(b);
    }

    /**
     * Checks an upload and strips its metadata.
     *
     * @param maxPixels the most pixels (width x height) an image may declare
     * @throws ImageRefused not an accepted image, unreadable, or too large
     */
    public static CheckedImage check(byte[] b, long maxPixels) {
        ImageFormat f = sniff(b).orElseThrow(ImageRefused::unsupported);
        try {
            int width;
            int height;
            int orientation = 1;
            switch (f) {
                case JPEG -> {
                    Jpeg.Header h = Jpeg.header(b);
                    width = h.width();
                    height = h.height();
                    orientation = h.orientation();
                }
                case PNG -> {
                    int[] s = Png.size(b);
                    width = s[0];
                    height = s[1];
                }
                case WEBP -> {
                    int[] s = Webp.size(b);
                    width = s[0];
                    height = s[1];
                }
                default -> {
                    int[] s = Heif.size(b, f);
                    width = s[0];
                    height = s[1];
                }
            }
            if (width <= 0 || height <= 0) {
                throw ImageRefused.unreadable(f, "it declares no size");
            }
            if ((long) width * height > maxPixels) {
                throw ImageRefused.tooManyPixels(width, height, maxPixels);
            }
            byte[] stripped =
                    switch (f) {
                        case JPEG -> Jpeg.strip(b, orientation);
                        case PNG -> Png.strip(b);
                        case WEBP -> Webp.strip(b);
                        default -> Heif.strip(b, f);
                    };
            return new CheckedImage(f, width, height, stripped, orientation);
        } catch (Bytes.Truncated e) {
            throw ImageRefused.unreadable(f, "it is damaged or cut short (" + e.getMessage() + ")");
        }
    }
}
