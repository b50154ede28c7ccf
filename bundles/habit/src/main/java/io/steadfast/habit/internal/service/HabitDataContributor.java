package io.steadfast.habit.internal.service;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.habit.internal.rest.HabitDtos.HabitExport;

/** Adds the habits and every day record to the account export; the database deletes them with the account. */
@Component(service = UserDataContributor.class)
public class HabitDataContributor implements UserDataContributor {

    private final HabitService habits;

    @Activate
    public HabitDataContributor(@Reference HabitService habits) {
        this.habits = habits;
    }

    @Override
    public String section() {
        return "habits";
    }

    @Override
    public Object export(UUID userId) {
        List<HabitExport> out = habits.allHabits(userId).stream()
                .map(h -> new HabitExport(habits.dto(h), habits.allCheckins(h.id()))).collect(Collectors.toList());
        return out;
    }
}
