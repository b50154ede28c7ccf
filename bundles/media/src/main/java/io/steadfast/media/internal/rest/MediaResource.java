package io.steadfast.media.internal.rest;

import java.io.InputStream;
import java.time.Clock;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.media.MediaStore;
import io.steadfast.media.internal.domain.SignedUrls;
import io.steadfast.media.internal.service.MediaCatalog;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A stored photo behind its signed URL: no bearer token (an {@code <img src>} sends none); the signature, made when
 * someone allowed to see the photo listed it, is the permission. Expired, altered or unknown: 404.
 */
@Component(service = MediaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/media")
@Tag(name = "attachments")
public class MediaResource {

    private final MediaCatalog catalog;
    private final Clock clock;

    @Activate
    public MediaResource(@Reference MediaCatalog catalog, @Reference Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Path("/{token}")
    @Public
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "A photo or thumbnail by its signed URL",
            description = "The URLs come in the attachment and avatar answers and are valid for minutes "
                    + "(Cache-Control: private, max-age=<seconds left>). 404 once expired or when altered.")
    public Response get(@PathParam("token") String token) {
        MediaCatalog.Served served =
                Failures.call(() -> catalog.open(token)).orElseThrow(() -> new NotFoundException("Media"));
        MediaStore.Blob blob = served.blob();
        SignedUrls.Grant grant = served.grant();
        StreamingOutput out = sink -> {
            try (MediaStore.Blob b = blob;
                    InputStream in = b.stream()) {
                in.transferTo(sink);
            }
        };
        return Response.ok(out)
                .type(blob.contentType())
                .header("Content-Length", blob.size())
                .header("Cache-Control", "private, max-age=" + grant.secondsLeft(clock.instant()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .build();
    }
}
