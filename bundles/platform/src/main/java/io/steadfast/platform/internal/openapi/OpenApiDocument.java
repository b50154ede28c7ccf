package io.steadfast.platform.internal.openapi;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Generates the OpenAPI 3 document from the JAX-RS resource classes that are registered right now (swagger-core
 * reads their annotations), so the document never drifts from the code. Plain Java.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {}

    /**
     * @param version     the API version to print
     * @param apiClasses  resources of the {@code /api} application
     * @param healthClasses resources of the {@code /health} application
     * @return the document as JSON
     */
    public static String generate(String version, Collection<Class<?>> apiClasses, Collection<Class<?>> healthClasses) {
        OpenAPI api = read(apiClasses, "/api");
        OpenAPI health = read(healthClasses, "/health");

        OpenAPI doc = new OpenAPI()
                .info(new Info()
                        .title("Steadfast API")
                        .version(version)
                        .description("The REST API of Steadfast, the self-hosted habit tracker that holds people "
                                + "accountable. Authenticate with `Authorization: Bearer <token>` (a session token "
                                + "from login or a personal access token). Errors are RFC 9457 "
                                + "`application/problem+json`.")
                        .license(new License().name("Apache-2.0")))
                .addServersItem(new Server().url("/"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A session token or a personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        doc.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        Paths paths = new Paths();
        merge(paths, health);
        merge(paths, api);
        doc.setPaths(paths);
        Set<Tag> tags = new LinkedHashSet<>();
        for (OpenAPI part : new OpenAPI[] {health, api}) {
            if (part.getTags() != null) {
                tags.addAll(part.getTags());
            }
            if (part.getComponents() != null && part.getComponents().getSchemas() != null) {
                part.getComponents().getSchemas().forEach((k, v) -> doc.getComponents()
                        .addSchemas(k, v));
            }
        }
        if (!tags.isEmpty()) {
            doc.setTags(new java.util.ArrayList<>(tags));
        }
        try {
            return Json.mapper().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write the OpenAPI document", e);
        }
    }

    private static OpenAPI read(Collection<Class<?>> classes, String prefix) {
        Reader reader = new Reader(new SwaggerConfiguration()
                .openAPI(new OpenAPI())
                .prettyPrint(false)
                .readAllResources(true));
        OpenAPI part = reader.read(new LinkedHashSet<>(classes));
        markPublic(part, classes);
        declareResponses(part, classes);
        Paths prefixed = new Paths();
        if (part.getPaths() != null) {
            for (Map.Entry<String, PathItem> e : part.getPaths().entrySet()) {
                String p = e.getKey();
                String full = prefix + (p.isEmpty() || "/".equals(p) ? "" : p.startsWith("/") ? p : "/" + p);
                prefixed.addPathItem(full, e.getValue());
            }
        }
        part.setPaths(prefixed);
        return part;
    }

    /** The schema of every error answer, RFC 9457 problem details (docs/api.md, "Errors"). */
    static final String PROBLEM_SCHEMA = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Names each operation's success the way the server answers it, and its errors: swagger-core documents a
     * method it knows nothing more of as a {@code default} response; a method that returns nothing answers
     * {@code 204} and one that returns its body {@code 200} (a method answering {@code 201} or {@code 202} says so
     * with {@code @ApiResponse}). Every operation's {@code default} is then the problem+json error.
     */
    private static void declareResponses(OpenAPI part, Collection<Class<?>> classes) {
        if (part.getPaths() == null) {
            return;
        }
        for (Class<?> cls : classes) {
            javax.ws.rs.Path classPath = cls.getAnnotation(javax.ws.rs.Path.class);
            for (java.lang.reflect.Method m : cls.getMethods()) {
                Operation op = operation(part, classPath, m);
                if (op == null) {
                    continue;
                }
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                ApiResponse fallback = responses.remove(ApiResponses.DEFAULT);
                boolean declared = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
                if (!declared) {
                    if (m.getReturnType() == void.class) {
                        responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
                    } else {
                        ApiResponse ok = fallback == null ? new ApiResponse() : fallback;
                        if (ok.getContent() != null
                                && ok.getContent().values().stream().allMatch(media -> media.getSchema() == null)) {
                            ok.setContent(null); // a Response of no declared type: the body is not documented
                        }
                        responses.addApiResponse("200", ok.description("OK"));
                    }
                }
                responses.addApiResponse(
                        ApiResponses.DEFAULT,
                        new ApiResponse()
                                .description("An error: RFC 9457 problem details")
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
                op.setResponses(responses);
            }
        }
    }

    private static Operation operation(OpenAPI part, javax.ws.rs.Path classPath, java.lang.reflect.Method m) {
        String http = httpMethod(m);
        if (http == null) {
            return null;
        }
        javax.ws.rs.Path methodPath = m.getAnnotation(javax.ws.rs.Path.class);
        String path = normalize(
                (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value()));
        PathItem item = part.getPaths().get(path);
        if (item == null) {
            return null;
        }
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(http));
    }

    /** The problem details schema, written out (the record lives in an internal package of the platform). */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The offending field, e.g. `schedule.days`"))
                .addProperty("message", new StringSchema().description("What is wrong with it, for people"));
        fieldError.setRequired(java.util.List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details: every error of the API")
                .addProperty("type", new StringSchema().description("`urn:steadfast:problem:<slug>`"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, for people"))
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        problem.setRequired(java.util.List.of("type", "title", "status"));
        return problem;
    }

    /** Operations of {@code @Public} methods or classes need no token: {@code security: []}. */
    private static void markPublic(OpenAPI part, Collection<Class<?>> classes) {
        if (part.getPaths() == null) {
            return;
        }
        for (Class<?> cls : classes) {
            boolean classPublic = cls.isAnnotationPresent(io.steadfast.platform.rest.Public.class);
            javax.ws.rs.Path classPath = cls.getAnnotation(javax.ws.rs.Path.class);
            for (java.lang.reflect.Method m : cls.getMethods()) {
                if (!classPublic && !m.isAnnotationPresent(io.steadfast.platform.rest.Public.class)) {
                    continue;
                }
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                javax.ws.rs.Path methodPath = m.getAnnotation(javax.ws.rs.Path.class);
                String path = normalize((classPath == null ? "" : classPath.value()) + "/"
                        + (methodPath == null ? "" : methodPath.value()));
                PathItem item = part.getPaths().get(path);
                if (item != null && item.readOperationsMap().get(PathItem.HttpMethod.valueOf(http)) != null) {
                    item.readOperationsMap()
                            .get(PathItem.HttpMethod.valueOf(http))
                            .setSecurity(new java.util.ArrayList<>());
                }
            }
        }
    }

    private static String httpMethod(java.lang.reflect.Method m) {
        for (java.lang.annotation.Annotation a : m.getAnnotations()) {
            javax.ws.rs.HttpMethod hm = a.annotationType().getAnnotation(javax.ws.rs.HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    static String normalize(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        p = p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static void merge(Paths into, OpenAPI part) {
        if (part.getPaths() != null) {
            part.getPaths().forEach(into::addPathItem);
        }
    }
}
