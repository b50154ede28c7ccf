package io.steadfast.calendar.internal.service;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.time.Weekdays;
import io.steadfast.calendar.api.ReminderAuthoring;

/** {@link ReminderAuthoring} through {@link Reminders}: the rules of a reminder the user creates themself. */
@Component(service = ReminderAuthoring.class)
public class ReminderAuthor implements ReminderAuthoring {

    private final Reminders reminders;

    @Activate
    public ReminderAuthor(@Reference Reminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void create(UUID userId, UUID habitId, LocalTime time, Set<DayOfWeek> days, boolean onlyIfNotDone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", time.format(DateTimeFormatter.ofPattern("HH:mm")));
        if (days != null && !days.isEmpty()) {
            body.put("days", days.stream().sorted().map(Weekdays::code).toList());
        }
        body.put("onlyIfNotDone", onlyIfNotDone);
        reminders.create(userId, habitId, body);
    }
}
