package io.steadfast.platform.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.DomainException;
import io.steadfast.api.error.ForbiddenException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.platform.rest.RestApi;

/** The services' {@link DomainException}s → their HTTP problems (404, 409, 401, 403, 422 limit-reached, 429 with Retry-After). */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.domain")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(DomainException e) {
        ApiException p = problem(e);
        return Problems.response(request, p.status(), p.type(), p.title(), p.getMessage(), null, p.headers());
    }

    /** The HTTP problem of a domain exception. Plain Java. */
    static ApiException problem(DomainException e) {
        String m = e.getMessage();
        if (e instanceof NotFoundException) {
            return new ApiException(404, "not-found", "Not Found", m, null);
        } else if (e instanceof ConflictException) {
            return ApiException.conflict(m);
        } else if (e instanceof NotAuthenticatedException) {
            return ApiException.unauthorized(m);
        } else if (e instanceof ForbiddenException) {
            return ApiException.forbidden(m);
        } else if (e instanceof LimitReachedException) {
            return new ApiException(422, "limit-reached", "Limit Reached", m, null);
        } else if (e instanceof TooManyAttemptsException t) {
            long seconds = (t.retryAfter().toMillis() + 999) / 1000;
            return ApiException.tooManyRequests(m, seconds);
        }
        return ApiException.badRequest(m);
    }
}
