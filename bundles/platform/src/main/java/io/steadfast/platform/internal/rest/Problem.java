package io.steadfast.platform.internal.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.steadfast.api.error.FieldError;

/**
 * RFC 9457 problem details, as every error of the API is answered.
 *
 * @param type      a URI naming the kind of problem, {@code urn:steadfast:problem:<slug>}
 * @param title     a short summary of the kind of problem
 * @param status    the HTTP status
 * @param detail    what went wrong with this request, for people
 * @param instance  the request path
 * @param requestId the request's {@code X-Request-Id}
 * @param errors    the offending fields, for validation failures
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors) {

    public static final String TYPE_PREFIX = "urn:steadfast:problem:";
}
