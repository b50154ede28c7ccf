package io.steadfast.media.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The media bundle's settings ({@code etc/io.steadfast.media.cfg}; live with {@code config:edit}). */
@ObjectClassDefinition(name = "Steadfast media (photos on check-ins, avatars)")
public @interface MediaConfig {

    /** The configuration PID. */
    String PID = "io.steadfast.media";

    @AttributeDefinition(description = "The most bytes of one uploaded photo (a larger one is refused with 413)")
    long maxFileBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "The most photos on one day of one habit")
    int maxPerDay() default 5;

    @AttributeDefinition(
            description = "The most pixels (width x height) an image may declare; refused before it is decoded")
    long maxPixels() default 50_000_000L;

    @AttributeDefinition(description = "Seconds a signed media URL stays valid (rounded up to the minute)")
    int urlSeconds() default 600;

    @AttributeDefinition(
            description = "The secret (at least 16 characters) that signs media URLs; the environment variable "
                    + "STEADFAST_MEDIA_SIGNING_KEY wins. Empty: a random secret kept in the database, shared by "
                    + "every node. The property is .signingKey: the leading dot keeps it out of the service properties")
    String _signingKey() default "";

    @AttributeDefinition(
            description = "Where the file system store keeps the files; empty: ${karaf.data}/media. Used while no "
                    + "other store (S3) is configured")
    String filesystem_directory() default "";
}
