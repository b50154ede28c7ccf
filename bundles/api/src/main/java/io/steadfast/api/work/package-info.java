/** Background work of the bundles: {@link io.steadfast.api.work.PollingWorker}, threads that poll and can be woken. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.work;
