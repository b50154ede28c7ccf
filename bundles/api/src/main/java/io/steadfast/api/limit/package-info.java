/**
 * Per-user limits on what a user can make ({@link io.steadfast.api.limit.Limits}), configured in one place.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.limit;
