/**
 * Authentication for every resource of the API. The platform's filter authenticates each request with the
 * {@link io.steadfast.api.auth.Authenticator} service (provided by the identity bundle) unless the resource method
 * or class is {@link io.steadfast.api.auth.Public}; resources read the caller with {@link io.steadfast.api.auth.Auth#user}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.auth;
