package io.steadfast.platform.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.api.error.ValidationException;
import io.steadfast.platform.rest.RestApi;

/** {@link ValidationException} → 422 with the offending fields. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.validation")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ValidationException e) {
        return Problems.response(
                request, 422, "validation-failed", "Unprocessable Content", e.getMessage(), e.errors(), null);
    }
}
