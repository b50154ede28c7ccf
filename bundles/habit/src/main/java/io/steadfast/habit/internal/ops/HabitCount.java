package io.steadfast.habit.internal.ops;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.ops.Counter;
import io.steadfast.habit.internal.store.HabitCensus;

/** {@code habits}: every habit of the server. */
@Component(service = Counter.class)
public class HabitCount implements Counter {

    private final HabitCensus census;

    @Activate
    public HabitCount(@Reference HabitCensus census) {
        this.census = census;
    }

    @Override
    public String name() {
        return "habits";
    }

    @Override
    public String description() {
        return "habits of all accounts, archived ones included";
    }

    @Override
    public long count() {
        return census.habits();
    }
}
