package io.steadfast.habit.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.HabitAuthoring;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.internal.domain.HabitDraft;

/** {@link HabitAuthoring} through {@link HabitDefinitions}: the rules of a habit the user creates themself. */
@Component(service = HabitAuthoring.class)
public class HabitAuthor implements HabitAuthoring {

    private final HabitDefinitions definitions;

    @Activate
    public HabitAuthor(@Reference HabitDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public HabitInfo create(UUID userId, NewHabit h) {
        return definitions.create(
                userId,
                new HabitDraft(
                        h.name(),
                        h.description(),
                        h.type(),
                        h.target(),
                        h.unit(),
                        h.schedule(),
                        h.startDate(),
                        null,
                        null,
                        false,
                        null,
                        h.sharing() == null ? null : h.sharing().visibility().code(),
                        h.sharing() == null ? null : h.sharing().shareNotes(),
                        null,
                        h.sharing() == null
                                ? null
                                : h.sharing().groupIds().stream()
                                        .map(UUID::toString)
                                        .toList()));
    }
}
