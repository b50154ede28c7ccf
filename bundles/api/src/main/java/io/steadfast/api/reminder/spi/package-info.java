/**
 * The notification channel plugin SPI. A bundle that registers a {@link io.steadfast.api.reminder.spi.ReminderChannel}
 * service adds a way to deliver reminders, alerts and events (e-mail, a signed webhook, an ntfy topic, ...), live,
 * without a restart; docs/plugins.md shows how to write one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.steadfast.api.reminder.spi;
