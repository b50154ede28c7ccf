/**
 * Authentication for every resource of the API. The platform's filter authenticates each request with the
 * {@link io.steadfast.api.auth.Authenticator} service (provided by the identity bundle) unless the resource method
 * or class is {@code @Public}; resources read the caller with {@code Auth.user(securityContext)} (both in {@code io.steadfast.platform.rest}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.steadfast.api.auth;
