package io.steadfast.platform.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steadfast.platform.rest.RestApi;

/**
 * Anything else. A JSON error wrapped by the runtime is still a 400; a client that went away while its answer was
 * being written is not the server's error (one DEBUG line, status 499 in the access log); a real bug is logged with
 * its request id and stack trace, and answered as a 500 problem without any detail of the cause.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.fallback")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    /** The status the access log shows for a request whose client went away (nginx's convention). */
    static final int CLIENT_CLOSED_REQUEST = 499;

    /**
     * Whether the cause is the client closing the connection: an end of stream while writing (Jetty's
     * {@code EofException} is an {@link java.io.EOFException}) or a reset or broken connection.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                String m = t.getMessage();
                if (m.contains("Broken pipe") || m.contains("Connection reset by peer")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        JsonProcessingException json = JsonErrors.find(e);
        if (json != null) {
            return JsonErrors.response(request, json);
        }
        Object id = null;
        try {
            id = request == null ? null : request.getAttribute(RequestFilter.REQUEST_ID_ATTRIBUTE);
        } catch (RuntimeException ignored) {
            // outside a request
        }
        if (clientWentAway(e)) {
            LOG.debug("Request {}: the client closed the connection before the answer was written", id);
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        LOG.error("Unhandled error in request {}", id, e);
        return Problems.response(
                request,
                500,
                "server-error",
                "Internal Server Error",
                "The server could not complete the request; quote the request id when reporting it",
                null,
                null);
    }
}
