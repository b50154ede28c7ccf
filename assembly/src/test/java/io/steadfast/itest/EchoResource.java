package io.steadfast.itest;

import java.time.LocalDate;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;

/** A resource the tests register from outside the product, to see what any plugin's resource gets. */
@io.steadfast.platform.rest.Public
@Path("/itest/echo")
public class EchoResource {

    public record Body(String name, int count, LocalDate day) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Body post(Body body) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        if (body.name() == null || body.name().isBlank()) {
            throw new ValidationException("name", "must not be blank");
        }
        return body;
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/things/{id}")
    public String thing(@PathParam("id") String id) {
        throw ApiException.notFound("Thing");
    }
}
