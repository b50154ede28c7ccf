/**
 * The contracts of the accountability bundle for other bundles: who are whose partners ({@link
 * io.steadfast.accountability.api.Partnerships}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.accountability.api;
