/**
 * Accountability partners as other bundles see them: who are whose partners ({@link
 * io.steadfast.api.partner.Partnerships}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.partner;
