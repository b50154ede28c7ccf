/**
 * The built-in habit types, registered as {@link io.steadfast.api.habit.spi.HabitType} services like any plugin's:
 * {@code boolean} (yes or no), {@code count} (reach a number) and {@code limit} (stay at or under a number). Not
 * exported.
 */
package io.steadfast.habit.internal.types;
