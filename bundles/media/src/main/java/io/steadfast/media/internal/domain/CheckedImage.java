package io.steadfast.media.internal.domain;

/**
 * An upload that passed the checks: its format, its size in pixels and its bytes without metadata.
 *
 * @param orientation the EXIF orientation (1 to 8) the original carried and the stripped file keeps, 1 when none
 */
public record CheckedImage(ImageFormat format, int width, int height, byte[] bytes, int orientation) {

    /** The width and height as shown: swapped for the orientations that turn the image by 90 degrees. */
    public int shownWidth() {
        return orientation >= 5 ? height : width;
    }

    public int shownHeight() {
        return orientation >= 5 ? width : height;
    }
}
