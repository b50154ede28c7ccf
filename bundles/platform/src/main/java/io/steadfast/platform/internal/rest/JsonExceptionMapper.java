package io.steadfast.platform.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steadfast.platform.rest.RestApi;

/** Malformed JSON, or a value of the wrong type → 400. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.json")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(JsonProcessingException e) {
        return JsonErrors.response(request, e);
    }
}
