package io.steadfast.api.account;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Another form of the account export than the JSON document, offered as {@code GET /api/v1/me/export?format=}
 * {@link #format()}: registered as an OSGi service by the bundle that writes it (the transfer bundle: {@code csv},
 * {@code ics}), looked up by the identity bundle by its format. The identity bundle checks the caller's account
 * first and streams what {@link #write} writes as the response, a download named
 * {@code steadfast-export-<date>.<fileExtension>}.
 *
 * @since 1.5
 */
@ConsumerType
public interface UserDataExporter {

    /** The format of the JSON document, written by the identity bundle itself (not a service of this kind). */
    String JSON = "json";

    /** The JSON document's {@code format} member. */
    String DOCUMENT_FORMAT = "steadfast-export";

    /** The JSON document's {@code version}: additive changes keep it; only an incompatible change raises it. */
    int DOCUMENT_VERSION = 1;

    /** The value of {@code ?format=} that asks for this form, lower case: {@code csv}, {@code ics}. */
    String format();

    /** The response's media type: {@code application/zip}, {@code text/calendar; charset=utf-8}. */
    String mediaType();

    /** The download's file name extension, without the dot: {@code zip}, {@code ics}. */
    String fileExtension();

    /**
     * Writes the user's export to {@code out}, as it goes (memory must not grow with the user's history). Does not
     * close {@code out}.
     *
     * @throws IOException when the client went away or the output failed
     */
    void write(UUID userId, OutputStream out) throws IOException;
}
