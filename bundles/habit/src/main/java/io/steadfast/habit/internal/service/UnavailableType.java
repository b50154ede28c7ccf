package io.steadfast.habit.internal.service;

import java.util.Optional;

import io.steadfast.api.habit.spi.HabitType;

/** Evaluates habits whose type is not running: a stored done record counts, nothing else does. */
final class UnavailableType implements HabitType {
    static final UnavailableType INSTANCE = new UnavailableType();

    private UnavailableType() {}

    @Override
    public String key() {
        return "unavailable";
    }

    @Override
    public String name() {
        return "Unavailable";
    }

    @Override
    public String description() {
        return "A habit type that is not running";
    }

    @Override
    public boolean needsTarget() {
        return false;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.NONE;
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        return Optional.of("the habit type is not available");
    }

    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        if (record != null) {
            return new DayOutcome(Status.DONE, record.value());
        }
        return DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
    }
}
