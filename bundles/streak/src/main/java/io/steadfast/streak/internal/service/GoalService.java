package io.steadfast.streak.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.internal.engine.GoalProgress;

/**
 * The progress of a measurement habit's goal, computed on each read from the first and the latest recorded value
 * (two indexed look-ups): never cached, so a new value or a changed goal shows at once on every node.
 */
@Component(service = GoalService.class)
public class GoalService {

    private final HabitQuery habits;

    @Activate
    public GoalService(@Reference HabitQuery habits) {
        this.habits = habits;
    }

    /** The habit's goal progress on its owner's today; empty when the habit has no goal. */
    public Optional<GoalProgress> progress(HabitInfo info) {
        if (info.goal() == null) {
            return Optional.empty();
        }
        return Optional.of(GoalProgress.of(
                info.goal(),
                habits.recordedValues(info.userId(), info.id(), info.today()).orElse(null),
                info.today()));
    }
}
