package io.steadfast.plugins.journal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.habit.spi.HabitType;

/**
 * A journal: one written entry per day, kept in the day's note. A day is done when its entry is written. This is
 * the worked example of docs/plugins.md.
 */
@Component(service = HabitType.class)
public class JournalHabitType implements HabitType {

    /** The longest entry a day may hold, in characters. */
    static final int MAX_LENGTH = 4000;

    @Override
    public String key() {
        return "journal";
    }

    @Override
    public String name() {
        return "Journal";
    }

    @Override
    public String description() {
        return "Write an entry every day; a day is done when its entry is written";
    }

    @Override
    public boolean needsTarget() {
        return false;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.TEXT;
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        if (record.value() != null) {
            return Optional.of("a journal entry is text: put it in the note, not in the value");
        }
        if (!record.skipped() && (record.note() == null || record.note().isBlank())) {
            return Optional.of("write the entry in the note");
        }
        if (record.note() != null && record.note().length() > MAX_LENGTH) {
            return Optional.of("an entry has at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        if (record != null && record.note() != null && !record.note().isBlank()) {
            return DayOutcome.of(Status.DONE);
        }
        return DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
    }
}
