/** The calendar range of the product's world: the dates and instants the API accepts. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.steadfast.api.time;
