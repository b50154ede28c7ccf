package io.steadfast.platform.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.junit.jupiter.api.Test;

import io.steadfast.platform.internal.health.HealthApi;
import io.steadfast.platform.internal.rest.JsonMapper;

class OpenApiDocumentTest {

    record Thing(String name, int count) {}

    @Path("/v1/things")
    public static class ThingResource {
        @GET
        @Path("/public/{x}")
        @io.steadfast.platform.rest.Public
        public Thing open(@PathParam("x") String x) {
            return null;
        }

        @GET
        @Path("/{id}")
        public Thing get(@PathParam("id") String id) {
            return null;
        }

        @POST
        @io.swagger.v3.oas.annotations.responses.ApiResponse(
                responseCode = "201",
                description = "Created",
                content =
                        @io.swagger.v3.oas.annotations.media.Content(
                                mediaType = "application/json",
                                schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Thing.class)))
        public javax.ws.rs.core.Response create(Thing t) {
            return null;
        }

        @javax.ws.rs.DELETE
        @Path("/{id}")
        public void delete(@PathParam("id") String id) {}
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesEachSuccessAndTheProblemOfEveryError() throws Exception {
        String json = OpenApiDocument.generate("1", List.of(ThingResource.class), List.of());
        Map<String, Object> doc = JsonMapper.create().readValue(json, Map.class);
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        Map<String, Object> one = (Map<String, Object>) paths.get("/api/v1/things/{id}");
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) one.get("get")).get("responses");
        assertThat(get).containsOnlyKeys("200", "default");
        assertThat(json).contains("\"$ref\":\"#/components/schemas/Thing\"");
        Map<String, Object> delete = (Map<String, Object>) ((Map<String, Object>) one.get("delete")).get("responses");
        assertThat(delete).containsOnlyKeys("204", "default");
        Map<String, Object> post = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/things")).get("post"))
                        .get("responses");
        assertThat(post).containsOnlyKeys("201", "default");
        Map<String, Object> error = (Map<String, Object>) get.get("default");
        assertThat(error.toString()).contains("application/problem+json", "#/components/schemas/Problem");
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertThat(schemas).containsKey("Problem");
    }

    @Test
    void documentsEveryResourceUnderItsApplication() throws Exception {
        String json = OpenApiDocument.generate("1.2.3", List.of(ThingResource.class), List.of(HealthApi.class));
        Map<?, ?> doc = JsonMapper.create().readValue(json, Map.class);
        assertThat(doc.get("openapi").toString()).startsWith("3.");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths.keySet())
                .contains("/api/v1/things/{id}", "/api/v1/things", "/health", "/health/live", "/health/ready");
        assertThat(json).contains("\"bearer\"").contains("\"Thing\"");
        Map<?, ?> open = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/things/public/{x}")).get("get");
        assertThat(open.get("security")).as("public operations need no token").isEqualTo(List.of());
        Map<?, ?> closed = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/things")).get("post");
        assertThat(closed.get("security")).isNull();
    }
}
