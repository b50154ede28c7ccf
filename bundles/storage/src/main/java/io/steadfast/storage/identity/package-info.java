/**
 * Persistence of accounts and tokens for the identity bundle. Records in, records out: JPA entities never leave
 * the storage bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.storage.identity;
