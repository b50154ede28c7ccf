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

    /**
     * Whether the cause is the database being out of reach (stopped, restarting, the network to it down, its pool
     * out of connections): a JDBC connection error (SQLState class 08), PostgreSQL shutting down or starting (57P01,
     * 57P02, 57P03), a refused TCP connection, or the pool giving up waiting. Such a request is answered 503 with
     * Retry-After, not 500: nothing is wrong with the request, and nothing was written.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            String m = t.getMessage();
            if (m != null
                    && (m.contains("Connection is not available, request timed out")
                            || m.contains("This connection has been closed"))) {
                return true;
            }
        }
        return false;
    }

    /** Seconds a client is asked to wait while the database is out of reach. */
    static final int DATABASE_RETRY_AFTER = 5;

    private static final java.util.concurrent.atomic.AtomicLong LAST_DATABASE_WARNING =
            new java.util.concurrent.atomic.AtomicLong();

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
        if (databaseUnavailable(e)) {
            long now = System.nanoTime();
            long last = LAST_DATABASE_WARNING.get();
            if (now - last > java.util.concurrent.TimeUnit.SECONDS.toNanos(10)
                    && LAST_DATABASE_WARNING.compareAndSet(last, now)) {
                LOG.warn(
                        "The database is out of reach; requests answer 503 until it is back (request {}: {})",
                        id,
                        rootMessage(e));
            }
            return Problems.response(
                    request,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The database is not reachable right now; nothing was changed. Try again in " + DATABASE_RETRY_AFTER
                            + " seconds",
                    null,
                    java.util.Map.of("Retry-After", Integer.toString(DATABASE_RETRY_AFTER)));
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
