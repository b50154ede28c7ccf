package io.steadfast.media.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** A user's check-in photos, for an export: what there is, and each one's bytes. Provided by the media bundle. */
@ProviderType
public interface AttachmentExport {

    /** Every attachment of the user, by habit, day and time of upload. */
    List<AttachmentFile> attachments(UUID userId);

    /**
     * The stored bytes of one of the user's attachments (metadata already removed), to be closed by the caller;
     * empty for an attachment that is not the user's or is gone.
     *
     * @throws IOException the media store cannot be reached
     */
    Optional<InputStream> open(UUID userId, UUID attachmentId) throws IOException;
}
