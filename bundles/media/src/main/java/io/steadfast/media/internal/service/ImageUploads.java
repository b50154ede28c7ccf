package io.steadfast.media.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.media.internal.domain.CheckedImage;
import io.steadfast.media.internal.domain.ImageCheck;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.domain.Thumbnails;

/**
 * An uploaded image checked, stripped of its metadata and stored with its thumbnail under a prefix of the media
 * store. Throws {@link io.steadfast.media.internal.domain.ImageRefused} for what is not an image it takes.
 */
@Component(
        service = ImageUploads.class,
        configurationPid = MediaConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ImageUploads {

    /** What was stored: the checked image, its keys ({@code thumbKey} null without a thumbnail). */
    public record Stored(CheckedImage image, String originalKey, String thumbKey) {

        public long size() {
            return image.bytes().length;
        }
    }

    private final MediaFiles files;
    private volatile MediaConfig config;

    @Activate
    public ImageUploads(@Reference MediaFiles files, MediaConfig config) {
        this.files = files;
        this.config = config;
    }

    @Modified
    void configure(MediaConfig config) {
        this.config = config;
    }

    /** The most bytes of one upload. */
    public long maxFileBytes() {
        return config.maxFileBytes();
    }

    /** Checks and stores {@code bytes} under {@code prefix} (which ends with {@code /}). */
    public Stored store(byte[] bytes, String prefix, boolean squareThumbnail) {
        CheckedImage image = ImageCheck.check(bytes, config.maxPixels());
        Optional<byte[]> thumb = Thumbnails.of(image, Thumbnails.LONGEST, squareThumbnail);
        String original = MediaKeys.original(prefix);
        String thumbKey = thumb.map(t -> MediaKeys.thumbnail(prefix)).orElse(null);
        try {
            files.put(original, image.bytes(), image.format().contentType());
            if (thumb.isPresent()) {
                files.put(thumbKey, thumb.get(), "image/jpeg");
            }
        } catch (RuntimeException e) {
            files.deleteQuietly(prefix);
            throw e;
        }
        return new Stored(image, original, thumbKey);
    }
}
