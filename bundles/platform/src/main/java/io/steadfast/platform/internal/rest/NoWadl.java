package io.steadfast.platform.internal.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.apache.cxf.jaxrs.model.wadl.WadlGenerator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.platform.rest.RestApi;

/**
 * Switches off CXF's WADL: the runtime answers {@code ?_wadl} on every path with a description of the application,
 * to anyone, before any filter of ours runs. It takes a provider that extends its {@link WadlGenerator} as the
 * application's generator instead of its own; this one describes nothing, and the request goes on to
 * {@link RequestFilter}, which answers 404 (see {@link ServiceDescriptions}). The OpenAPI document is the API's
 * description.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("steadfast.no-wadl")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
@PreMatching
public class NoWadl extends WadlGenerator {

    @Override
    public void filter(ContainerRequestContext context) {
        // nothing: no description of the application
    }
}
