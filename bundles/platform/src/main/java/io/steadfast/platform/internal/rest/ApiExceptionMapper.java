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
import io.steadfast.platform.rest.RestApi;

/** {@link ApiException} → its status as problem+json. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.api")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ApiException e) {
        return Problems.response(request, e.status(), e.type(), e.title(), e.getMessage(), null, e.headers());
    }
}
