package io.steadfast.habit.internal.ops;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.ops.AccountFacts;
import io.steadfast.habit.internal.store.HabitCensus;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;

/** For {@code steadfast:user}: how many habits the account has, and when it last wrote a day's record. */
@Component(service = AccountFacts.class)
public class HabitFacts implements AccountFacts {

    private final HabitStore habits;
    private final HabitCensus census;

    @Activate
    public HabitFacts(@Reference HabitStore habits, @Reference HabitCensus census) {
        this.habits = habits;
        this.census = census;
    }

    @Override
    public List<Fact> about(UUID userId) {
        List<HabitRow> all = habits.listAll(userId);
        long archived = all.stream().filter(HabitRow::archived).count();
        return List.of(
                new Fact("Habits", all.size() + (archived > 0 ? " (" + archived + " archived)" : "")),
                new Fact(
                        "Last check-in",
                        census.lastCheckinWritten(userId)
                                .map(at -> at.truncatedTo(ChronoUnit.SECONDS) + " (written)")
                                .orElse("never")));
    }
}
