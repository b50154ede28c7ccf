/** Persistence of habits, check-ins, idempotency keys and calendar feeds for the habit bundle. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.storage.habit;
