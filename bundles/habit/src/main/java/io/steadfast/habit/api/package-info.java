/**
 * The habit model shared with other Steadfast bundles, in domain terms (no JSON): how often a habit is due
 * ({@link io.steadfast.habit.api.Schedule}), what became of a day ({@link io.steadfast.habit.api.DayState}), a
 * measurement's {@link io.steadfast.habit.api.Goal} and {@link io.steadfast.habit.api.RecordedValue}s, the read
 * service {@link io.steadfast.habit.api.HabitQuery} (and, for operators' tools, {@link io.steadfast.habit.api.HabitDirectory})
 * and the events {@link io.steadfast.habit.api.HabitEvents}.
 * The JSON forms are in {@code io.steadfast.habit.dto}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.6.0")
package io.steadfast.habit.api;
