/**
 * Channels and deliveries: this bundle's persistence. Its entities, repositories and migrations ({@code db/delivery/})
 * never leave the bundle; the storage bundle runs the migrations ({@code Steadfast-Schema} header) and provides the
 * DataSource.
 */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@org.osgi.annotation.bundle.Header(
        name = io.steadfast.storage.Schemas.HEADER,
        value = "delivery; requires=\"identity\"")
package io.steadfast.delivery.internal.store;
