/**
 * The habit type plugin SPI. A bundle that registers a {@link io.steadfast.api.habit.spi.HabitType} service adds a
 * kind of habit to a running Steadfast; stopping the bundle removes it again (its habits stay stored, marked
 * unavailable). See {@code docs/plugins.md}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.steadfast.api.habit.spi;
