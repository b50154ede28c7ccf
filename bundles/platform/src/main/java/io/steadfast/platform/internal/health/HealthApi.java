package io.steadfast.platform.internal.health;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The contract of {@code /health}, for the OpenAPI document. {@link HealthServlet} serves it (a servlet in the
 * root context, so that {@code /health} answers without a redirect to {@code /health/}).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "health",
        description = "Liveness and readiness, for operators and load balancers. Public; details for admins.")
@io.steadfast.platform.rest.Public
public interface HealthApi {

    @GET
    @Operation(
            summary = "Health of every part",
            description = "`healthy` with 200 when every part (the database, the cache, the REST resources and "
                    + "the rest) is healthy; `unhealthy` with 503 otherwise. Anyone gets the status and how many "
                    + "checks pass and fail (`Summary`); an admin's bearer token or session gets every part with "
                    + "its message (`Report`).")
    @ApiResponse(
            responseCode = "200",
            description = "All parts healthy (the counts; every part for an admin)",
            content = @Content(schema = @Schema(implementation = HealthAggregator.Summary.class)))
    @ApiResponse(
            responseCode = "503",
            description = "A part is unhealthy",
            content = @Content(schema = @Schema(implementation = HealthAggregator.Summary.class)))
    @SecurityRequirements
    HealthAggregator.Report health();

    @GET
    @Path("/live")
    @Operation(summary = "Liveness: the process is up and serving HTTP")
    @ApiResponse(responseCode = "200", description = "Alive")
    @SecurityRequirements
    HealthAggregator.Report live();

    @GET
    @Path("/ready")
    @Operation(
            summary = "Readiness: the database is reachable, its migrations are applied and the whole API is served",
            description = "Until this answers 200, every `/api` request answers 503 with `Retry-After`.")
    @ApiResponse(
            responseCode = "200",
            description = "Ready to serve",
            content = @Content(schema = @Schema(implementation = HealthAggregator.Summary.class)))
    @ApiResponse(responseCode = "503", description = "Not ready")
    @SecurityRequirements
    HealthAggregator.Report ready();
}
