package io.steadfast.media.internal.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The image formats an upload may be, told from its bytes. */
public enum ImageFormat {
    JPEG("image/jpeg", true),
    PNG("image/png", true),
    WEBP("image/webp", false),
    HEIC("image/heic", false),
    HEIF("image/heif", false);

    private final String contentType;
    private final boolean thumbnails;

    ImageFormat(String contentType, boolean thumbnails) {
        this.contentType = contentType;
        this.thumbnails = thumbnails;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether the JDK decodes it, so that a thumbnail can be made. */
    public boolean thumbnails() {
        return thumbnails;
    }

    /** The accepted types, for messages: {@code image/jpeg, image/png, image/webp, image/heic, image/heif}. */
    public static String accepted() {
        return Arrays.stream(values()).map(ImageFormat::contentType).collect(Collectors.joining(", "));
    }
}
