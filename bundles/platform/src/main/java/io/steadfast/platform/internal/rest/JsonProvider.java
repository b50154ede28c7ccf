package io.steadfast.platform.internal.rest;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.steadfast.platform.rest.RestApi;

/**
 * JSON for every Steadfast application ({@code application/json} and {@code application/*+json}, such as
 * problem details), with the conventions of {@link JsonMapper}. Resources ask for it with {@code @JSONRequired}.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("steadfast.json")
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(JsonMapper.create());
    }
}
