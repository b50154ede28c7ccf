package io.steadfast.habit.internal.service;

import java.time.LocalDate;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import io.steadfast.habit.api.HabitEvents;

/**
 * Announces changes on Event Admin ({@link HabitEvents}), synchronously, so that statistics and achievements are
 * current when the write answers.
 */
@Component(service = HabitChanges.class)
public class HabitChanges {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;

    void checkinChanged(UUID userId, UUID habitId, LocalDate date) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.sendEvent(HabitEvents.checkinChanged(userId, habitId, date));
        }
    }

    void habitChanged(UUID userId, UUID habitId) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.sendEvent(HabitEvents.habitChanged(userId, habitId));
        }
    }
}
