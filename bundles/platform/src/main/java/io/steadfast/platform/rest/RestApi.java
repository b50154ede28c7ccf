package io.steadfast.platform.rest;

/**
 * Constants for bundles that contribute JAX-RS resources to the Steadfast API.
 * <p>
 * A resource joins the API with
 * {@code @Component(service = X.class) @JaxrsResource @JaxrsApplicationSelect(RestApi.APP_SELECT) @JSONRequired
 * @Path("/v1/...")}; it then gets JSON, problem+json errors, request ids, the access log and authentication
 * without writing any of it.
 */
public final class RestApi {

    /** Name of the JAX-RS application served under {@code /api}. */
    public static final String APP_NAME = "steadfast";

    /** Application select filter for resources of the public API. */
    public static final String APP_SELECT = "(osgi.jaxrs.name=" + APP_NAME + ")";

    /** Application select filter for extensions that apply to every Steadfast application. */
    public static final String ALL_APPS_SELECT = APP_SELECT;

    /** The path the application is served under. */
    public static final String BASE_PATH = "/api";

    /** Media type of RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private RestApi() {}
}
