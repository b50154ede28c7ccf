/**
 * What the storage bundle offers the domain bundles: the contract by which a bundle brings its own schema
 * ({@link Schemas}: a manifest header and SQL migrations in the bundle), the {@link SchemaReady} service that says
 * a schema is migrated, and small helpers for rows ({@link Rows}, {@link DuplicateKeyException}). The storage bundle
 * itself owns no domain table: it provides the DataSource, the transactions (through Aries JPA, per persistence
 * unit of each domain bundle) and the migration runner.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.storage;
