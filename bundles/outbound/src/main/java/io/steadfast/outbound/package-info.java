/**
 * Outbound HTTP for plugins that call URLs their users configure (webhooks, ntfy topics), with a guard against
 * server-side request forgery: a URL whose host resolves to a loopback, private, link-local or otherwise
 * non-public address is refused when a configuration is validated ({@link io.steadfast.outbound.OutboundHttp#check})
 * and again at every connection ({@link io.steadfast.outbound.OutboundHttp#post}), which connects only to the
 * addresses it checked in that attempt. Redirects are never followed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.outbound;
