/**
 * The plain-Java rules of habits: the user's day in their time zone ({@link io.steadfast.api.time.UserDay}),
 * weeks and months ({@link io.steadfast.habit.api.Periods}), which days are due
 * ({@link io.steadfast.habit.internal.domain.Due}), what a day's record means
 * ({@link io.steadfast.habit.internal.domain.DayEvaluator}) and the agenda and calendar built from them
 * ({@link io.steadfast.habit.internal.domain.Agenda}, {@link io.steadfast.habit.internal.domain.HabitCalendar}).
 * No OSGi, no I/O: everything here is a pure function of its arguments. Not exported.
 */
package io.steadfast.habit.internal.domain;
