package io.steadfast.media.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores a photo on a user's day, for an import (re-importing an export): the same checks and limits as an upload
 * through the API. Provided by the media bundle.
 */
@ProviderType
public interface AttachmentImport {

    /** What {@link #store} did: the day's photo, and whether it was added now (not there already). */
    record Stored(AttachmentFile file, boolean added) {}

    /**
     * Checks and stores the image read from {@code data} (read to its end or to one byte past the size limit, not
     * closed) as an attachment of the day {@code date} of the user's habit. The same bytes stored on the same day
     * before by this method are the same photo: that attachment is returned and nothing is added, so that importing
     * an export twice, or resuming an import, adds no copies.
     *
     * @param fileName the name to keep with it, or {@code null}
     * @throws io.steadfast.api.error.NotFoundException      not the user's habit
     * @throws io.steadfast.api.error.ConflictException      the day has no check-in record (import the days first)
     * @throws io.steadfast.api.error.ValidationException    not an accepted image, unreadable, or too large (field
     *                                                        {@code file})
     * @throws io.steadfast.api.error.LimitReachedException  the day has as many attachments as allowed
     * @throws IOException                                    the media store cannot be reached
     */
    Stored store(UUID userId, UUID habitId, LocalDate date, InputStream data, String fileName) throws IOException;
}
