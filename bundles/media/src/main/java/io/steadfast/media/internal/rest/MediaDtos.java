package io.steadfast.media.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.domain.Avatar;
import io.steadfast.media.internal.service.Signer;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON forms of the media resources. */
final class MediaDtos {

    private MediaDtos() {}

    /** A photo of a day. */
    record AttachmentDto(
            UUID id,
            UUID habitId,
            LocalDate date,
            @Schema(description = "told from the file's bytes", example = "image/jpeg") String contentType,
            @Schema(description = "bytes of the stored file (its metadata removed)") long size,
            @Schema(description = "pixels as shown (EXIF orientation applied)") int width,
            int height,
            @Schema(description = "the name it was uploaded with, if any", nullable = true) String fileName,
            @Schema(description = "a signed URL of the file, valid for minutes (no bearer token needed)") String url,
            @Schema(
                            description = "a signed URL of a JPEG thumbnail (longest side 320 px); null for formats "
                                    + "the server does not decode (WebP, HEIC)",
                            nullable = true)
                    String thumbnailUrl,
            Instant createdAt) {

        static AttachmentDto of(Attachment a, Signer signer) {
            return new AttachmentDto(
                    a.id(),
                    a.habitId(),
                    a.date(),
                    a.contentType(),
                    a.size(),
                    a.width(),
                    a.height(),
                    a.fileName(),
                    signer.url(a.originalKey()),
                    a.thumbKey() == null ? null : signer.url(a.thumbKey()),
                    a.createdAt());
        }
    }

    /** A user's profile picture. */
    record AvatarDto(
            String contentType,
            long size,
            int width,
            int height,
            @Schema(description = "a signed URL of the file, valid for minutes") String url,
            @Schema(
                            description = "a signed URL of a square JPEG thumbnail (320 px); null for WebP and HEIC",
                            nullable = true)
                    String thumbnailUrl,
            Instant updatedAt) {

        static AvatarDto of(Avatar a, Signer signer) {
            return new AvatarDto(
                    a.contentType(),
                    a.size(),
                    a.width(),
                    a.height(),
                    signer.url(a.originalKey()),
                    a.thumbKey() == null ? null : signer.url(a.thumbKey()),
                    a.createdAt());
        }
    }

    /** Whether those who see a shared habit see its photos. */
    record SharingDto(
            @Schema(
                            description = "true: the partners or group members who see the habit see its photos too; "
                                    + "the referee sees them either way")
                    boolean shareAttachments) {}
}
