/**
 * The JSON forms of habits for REST resources in any bundle (the habit and calendar resources, later the partners'
 * views): {@link io.steadfast.habit.dto.HabitDto}, {@link io.steadfast.habit.dto.ScheduleSpec},
 * {@link io.steadfast.habit.dto.GoalSpec}, and the mapping from the domain's {@link io.steadfast.habit.api.HabitInfo}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.steadfast.habit.dto;
