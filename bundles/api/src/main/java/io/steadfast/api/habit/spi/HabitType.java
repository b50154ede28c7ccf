package io.steadfast.api.habit.spi;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of habit: decides what a day's record means. Implemented by plugins and registered as an OSGi service
 * (for example a Declarative Services {@code @Component(service = HabitType.class)}).
 * <p>
 * Implementations are stateless and thread-safe; every method is called on request threads and must be fast and
 * must not block. The {@link #key()} is stored with each habit, so it must never change once released.
 */
@ConsumerType
public interface HabitType {

    /**
     * The largest magnitude of any number a habit stores (a day's value, a target, an increment): 10^9. A type's
     * {@link #validate} refuses larger values with this limit.
     */
    java.math.BigDecimal MAX_VALUE = new java.math.BigDecimal("1000000000");

    /** How many decimal places a stored number keeps (a day's value, a target, an increment). */
    int MAX_SCALE = 4;

    /**
     * Why a number cannot be stored exactly — more than {@link #MAX_SCALE} decimal places, or a magnitude above
     * {@link #MAX_VALUE} — or empty when it can. The core checks every number with it before a type sees it.
     */
    static java.util.Optional<String> unstorable(java.math.BigDecimal value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (value.abs().compareTo(MAX_VALUE) > 0) {
            return java.util.Optional.of("must be at most " + MAX_VALUE);
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            return java.util.Optional.of("must have at most " + MAX_SCALE + " decimal places");
        }
        return java.util.Optional.empty();
    }

    /** A stable identifier, lowercase letters, digits and dashes, e.g. {@code "count"}. Unique in the system. */
    String key();

    /** A short name for people, e.g. {@code "Count"}. */
    String name();

    /** One sentence telling people what the type is for. */
    String description();

    /** Whether a habit of this type must have a numeric target (e.g. "8 glasses"). */
    boolean needsTarget();

    /** What a day's value holds. */
    ValueKind valueKind();

    /** The unit suggested when a habit is created, or {@code null}. */
    default String defaultUnit() {
        return null;
    }

    /**
     * Whether a habit of this type can have a goal: a value to reach by a date, on a straight line from the first
     * recorded value (for a measurement such as body weight). Only types whose {@link #valueKind()} is
     * {@link ValueKind#NUMBER} and whose days record a level rather than an amount should say so.
     *
     * @since 1.2
     */
    default boolean supportsGoal() {
        return false;
    }

    /**
     * Validates a day's record before it is stored.
     *
     * @return a message for people when the record is invalid, empty when it is valid
     */
    Optional<String> validate(HabitDefinition habit, DayRecord record);

    /**
     * Evaluates one due day of a habit.
     *
     * @param habit    the habit
     * @param record   the day's record, or {@code null} when nothing was recorded
     * @param dayEnded whether the day is over in the user's time zone (a pending day may still be completed)
     */
    DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded);

    /** What a habit type stores as the day's value. */
    enum ValueKind {
        /** No value: the day is done or not. */
        NONE,
        /** A number, e.g. glasses of water or kilograms. */
        NUMBER,
        /** Text: the day's note is the entry. */
        TEXT
    }

    /**
     * The parts of a habit a type needs to evaluate it.
     *
     * @param target the numeric target, or {@code null}
     * @param unit   the unit, or {@code null}
     */
    record HabitDefinition(BigDecimal target, String unit) {}

    /**
     * A day's record as stored.
     *
     * @param value   the day's value, or {@code null}
     * @param note    the day's note, or {@code null}
     * @param skipped whether the user marked the day as skipped
     */
    record DayRecord(BigDecimal value, String note, boolean skipped) {}

    /**
     * The outcome of one day.
     *
     * @param status   done, partial, missed or pending
     * @param progress the value counted towards the target, or {@code null}
     */
    record DayOutcome(Status status, BigDecimal progress) {

        public static DayOutcome of(Status status) {
            return new DayOutcome(status, null);
        }
    }

    /** The status of a due day. Skipped days are handled by the core and never reach a type. */
    enum Status {
        DONE,
        PARTIAL,
        MISSED,
        PENDING
    }
}
