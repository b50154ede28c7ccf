package io.steadfast.habit.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;

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
        return habits.export(userId);
    }
}
