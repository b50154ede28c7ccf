/**
 * Imports: this bundle's persistence. Its entity, repository and migrations ({@code db/transfer/}) never leave the
 * bundle; the storage bundle runs the migrations ({@code Steadfast-Schema} header) and provides the DataSource.
 */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@org.osgi.annotation.bundle.Header(
        name = io.steadfast.storage.Schemas.HEADER,
        value = "transfer; requires=\"identity\"")
package io.steadfast.transfer.internal.store;
