/**
 * Where user uploads (check-in photos, avatars, files of an import) are kept: the {@link
 * io.steadfast.api.media.MediaStore} SPI. The media bundle registers the file system store under {@code data/}
 * (ranking 0, zero set-up); the {@code steadfast-media-s3} feature registers an S3-compatible store (ranking 100)
 * when a bucket is configured. Users never reach a store directly: the media bundle serves its objects behind
 * short-lived signed URLs after deciding who may see them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.media;
