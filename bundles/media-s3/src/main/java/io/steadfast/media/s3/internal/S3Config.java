package io.steadfast.media.s3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where media are kept on S3-compatible object storage ({@code etc/io.steadfast.media.s3.cfg}; the shipped file reads
 * each value from the environment, {@code $[env:STEADFAST_MEDIA_S3_BUCKET;default=]} and so on). Empty bucket: this
 * bundle registers nothing and the media bundle's file system store serves. Credentials are never configured here:
 * they come from the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}) or the machine's role.
 */
@ObjectClassDefinition(
        name = "Steadfast media on S3",
        description = "S3-compatible object storage for photos and files; empty bucket: the file system store under "
                + "data/ serves")
public @interface S3Config {

    String PID = "io.steadfast.media.s3";

    @AttributeDefinition(
            name = "Bucket",
            description = "The bucket's name; empty: not used (STEADFAST_MEDIA_S3_BUCKET)",
            required = false)
    String bucket() default "";

    @AttributeDefinition(
            name = "Endpoint",
            description = "Empty for AWS S3; the URL of an S3-compatible service otherwise (MinIO, Cloudflare R2, "
                    + "s3proxy), e.g. https://minio.example.org:9000, reached with path-style requests "
                    + "(STEADFAST_MEDIA_S3_ENDPOINT)",
            required = false)
    String endpoint() default "";

    @AttributeDefinition(
            name = "Region",
            description = "The bucket's region, us-east-1 by default (STEADFAST_MEDIA_S3_REGION)")
    String region() default S3Settings.DEFAULT_REGION;

    @AttributeDefinition(
            name = "Key prefix",
            description = "Put before every key, e.g. steadfast/ to share a bucket; empty: none "
                    + "(STEADFAST_MEDIA_S3_PREFIX)",
            required = false)
    String prefix() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", description = "Of one connection to the storage")
    int connectTimeoutMillis() default 3000;

    @AttributeDefinition(
            name = "Read timeout (ms)",
            description = "The longest silence while sending or receiving an object")
    int socketTimeoutMillis() default 30000;
}
