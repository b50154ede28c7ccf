/**
 * The habit model shared with other Steadfast bundles: how often a habit is due ({@link io.steadfast.habit.api.Schedule}
 * and its JSON form {@link io.steadfast.habit.api.ScheduleSpec}) and what became of a day
 * ({@link io.steadfast.habit.api.DayState}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.habit.api;
