/**
 * Accountability partners and groups as other bundles see them: who are whose partners ({@link
 * io.steadfast.api.partner.Partnerships}) and who belongs to which group ({@link
 * io.steadfast.api.partner.GroupMemberships}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.steadfast.api.partner;
