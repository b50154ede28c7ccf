/**
 * The reminder channel plugin SPI. A bundle that registers a {@link io.steadfast.api.reminder.spi.ReminderChannel}
 * service adds a way to deliver reminders and nudges (e-mail, a chat webhook, ...), live, without a restart.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.reminder.spi;
