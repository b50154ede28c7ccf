/** Persistence of the streak bundle: each habit's incremental statistics state and the earned achievements. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.storage.streak;
