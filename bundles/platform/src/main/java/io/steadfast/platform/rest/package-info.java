/**
 * The web layer's API for bundles that contribute REST resources: the application to join ({@link
 * io.steadfast.platform.rest.RestApi}), the caller ({@link io.steadfast.platform.rest.Auth}), the access
 * annotations ({@link io.steadfast.platform.rest.Public}, {@link io.steadfast.platform.rest.RequiresRole}), the
 * {@link io.steadfast.platform.rest.PATCH} method and the shared parameter conversions ({@link
 * io.steadfast.platform.rest.Params}); the server's public base URL for links is {@code
 * io.steadfast.api.link.PublicUrl} (HTTP-free, for services too). Domain services never see this package: they speak the domain (the {@code
 * io.steadfast.api} packages carry no JAX-RS type).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.steadfast.platform.rest;
