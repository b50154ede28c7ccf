package io.steadfast.identity.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.identity.internal.service.ClientContext;
import io.steadfast.identity.internal.service.Throttling;
import io.steadfast.platform.rest.RestApi;

/** Tells the security log who the client of a request is ({@link ClientContext}), for the request's thread. */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("steadfast.identity.client")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
public class ClientContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Context
    HttpServletRequest servletRequest;

    private final Throttling throttling;

    @Activate
    public ClientContextFilter(@Reference Throttling throttling) {
        this.throttling = throttling;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        HttpServletRequest r = servletRequest;
        if (r == null) {
            ClientContext.clear();
            return;
        }
        ClientContext.set(new ClientContext.Client(
                throttling.clientAddress(r.getRemoteAddr(), r.getHeader("X-Forwarded-For")),
                AuthResource.userAgent(r)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ClientContext.clear();
    }
}
