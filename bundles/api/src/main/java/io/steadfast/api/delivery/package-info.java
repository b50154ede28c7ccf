/**
 * Messages for a user's notification channels (e-mail, webhooks, ntfy, in-app): {@link io.steadfast.api.delivery.Outbound}
 * queues them in the delivery bundle's persisted outbox, which delivers each exactly once per channel, with retries.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.delivery;
