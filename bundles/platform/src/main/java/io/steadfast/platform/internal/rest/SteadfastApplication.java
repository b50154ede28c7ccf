package io.steadfast.platform.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.platform.rest.RestApi;

/** The one JAX-RS application of the Steadfast API, under {@code /api}. Resources of every bundle select it. */
@Component(service = Application.class)
@JaxrsApplicationBase("api")
@JaxrsName(RestApi.APP_NAME)
public class SteadfastApplication extends Application {}
