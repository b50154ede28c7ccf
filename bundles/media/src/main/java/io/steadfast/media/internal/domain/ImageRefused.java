package io.steadfast.media.internal.domain;

/**
 * An upload that is not an image this server takes, or not one it can read safely. The message says what to do
 * and is safe to show; {@link #unsupportedType()} tells a file of another kind (a PDF, a GIF) from a damaged or
 * oversized image.
 */
public class ImageRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unsupportedType;

    private ImageRefused(String message, boolean unsupportedType) {
        super(message);
        this.unsupportedType = unsupportedType;
    }

    /** Not one of the accepted formats. */
    public static ImageRefused unsupported() {
        return new ImageRefused(
                "The file is not an image this server accepts; send one of " + ImageFormat.accepted()
                        + " (told from the file's content, not its name)",
                true);
    }

    /** An accepted format that cannot be read safely. */
    public static ImageRefused unreadable(ImageFormat format, String why) {
        return new ImageRefused("The " + format.name() + " image cannot be read: " + why, false);
    }

    /** Larger than the server allows, before anything is decoded. */
    public static ImageRefused tooManyPixels(long width, long height, long maxPixels) {
        return new ImageRefused(
                "The image is " + width + " x " + height + " pixels; the most allowed is " + maxPixels + " pixels ("
                        + (maxPixels / 1_000_000) + " megapixels): send a smaller one",
                false);
    }

    public boolean unsupportedType() {
        return unsupportedType;
    }
}
