/**
 * The S3 media store: {@link io.steadfast.media.s3.internal.S3Connector} registers an
 * {@link io.steadfast.api.media.MediaStore} of kind {@code s3} (ranking 100), its health and its doctor check when a
 * bucket is configured; the AWS SDK it uses is embedded in this bundle (see the pom).
 */
package io.steadfast.media.s3.internal;
