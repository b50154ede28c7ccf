/**
 * The calendar of the product's world: the dates and instants the API accepts, and the user's day in their time zone
 * ({@link io.steadfast.api.time.UserDay}: when it starts, ends, and when a local time of it happens).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.steadfast.api.time;
