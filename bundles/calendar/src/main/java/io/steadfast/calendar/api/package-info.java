/**
 * What the calendar bundle tells other bundles about time passing for each user: the end of a user's day, a
 * reminder that is due, the daily streak check — as durable {@link io.steadfast.calendar.api.ScheduleConsumer}s
 * (each event handled once in the cluster, caught up after an outage) and as Event Admin events
 * ({@link io.steadfast.calendar.api.CalendarEvents}) for listeners that may miss one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.steadfast.calendar.api;
