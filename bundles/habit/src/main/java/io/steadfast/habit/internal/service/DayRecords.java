package io.steadfast.habit.internal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.auth.Secrets;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.CheckinStore;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.IncrementResult;

/**
 * The day records of habits: set (idempotent), clear, add to (with idempotency keys), list. A record is backfilled
 * when written after its day ended in the user's calendar at the time of the write.
 */
@Component(service = DayRecords.class)
public class DayRecords {

    /** The longest range {@link #list} answers. */
    static final int MAX_LIST_DAYS = 3660;

    // steadfast_checkins_written_total{operation} (docs/operations.md, Metrics): day records stored (a repeated
    // identical record or a replayed increment writes nothing and counts nothing)
    private static final Counter WRITTEN_SET = Metrics.counter("steadfast.checkins.written", "operation", "set");
    private static final Counter WRITTEN_INCREMENT =
            Metrics.counter("steadfast.checkins.written", "operation", "increment");

    private final HabitStore habits;
    private final CheckinStore checkins;
    private final UserDirectory directory;
    private final HabitEvaluator evaluator;
    private final HabitChanges changes;
    private final Clock clock;

    @Activate
    public DayRecords(
            @Reference HabitStore habits,
            @Reference CheckinStore checkins,
            @Reference UserDirectory directory,
            @Reference HabitEvaluator evaluator,
            @Reference HabitChanges changes,
            @Reference Clock clock) {
        this.habits = habits;
        this.checkins = checkins;
        this.directory = directory;
        this.evaluator = evaluator;
        this.changes = changes;
        this.clock = clock;
    }

    /** Sets the day's record; the same record again changes nothing (not even its time). */
    public Checkin put(UUID userId, UUID habitId, LocalDate date, DayEntry in) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        UserProfile user = Owners.profile(directory, userId);
        LocalDate today = Owners.today(clock, user);
        checkWritable(h, date, today);
        HabitType type = availableType(h);
        if (in == null) {
            throw new ValidationException("body", "a JSON object is required: {value?, note?, status?}");
        }
        String status =
                in.status() == null ? CheckinRow.DONE : in.status().trim().toLowerCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!CheckinRow.DONE.equals(status) && !CheckinRow.SKIPPED.equals(status)) {
            errors.add(new FieldError("status", "must be done or skipped"));
        }
        if (in.note() != null && in.note().length() > 4000) {
            errors.add(new FieldError("note", "must be at most 4000 characters"));
        }
        HabitType.unstorable(in.value()).ifPresent(m -> errors.add(new FieldError("value", m)));
        if (errors.isEmpty()) {
            type.validate(
                            HabitEvaluator.definition(h),
                            new HabitType.DayRecord(in.value(), in.note(), CheckinRow.SKIPPED.equals(status)))
                    .ifPresent(m -> errors.add(
                            new FieldError(type.valueKind() == HabitType.ValueKind.TEXT ? "note" : "value", m)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<CheckinRow> existing = checkins.find(habitId, date);
        if (existing.isPresent() && same(existing.get(), in.value(), in.note(), status)) {
            return judged(h, user, checkin(existing.get()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CheckinRow row = checkins.put(
                userId,
                new CheckinRow(
                        habitId,
                        date,
                        in.value(),
                        blankToNull(in.note()),
                        status,
                        date.isBefore(today),
                        existing.map(CheckinRow::createdAt).orElse(now),
                        now,
                        // a done day of a refereed habit (new or changed) waits for the referee
                        refereed(h) && CheckinRow.DONE.equals(status) ? CheckinRow.Verification.WAITING : null));
        WRITTEN_SET.increment();
        changes.committed();
        return judged(h, user, checkin(row));
    }

    public void delete(UUID userId, UUID habitId, LocalDate date) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        availableType(h);
        if (checkins.delete(userId, h.id(), date)) {
            changes.committed();
        }
    }

    /** The result of an increment: the day's record, and whether this was a replay of an earlier request. */
    public record Increment(Checkin checkin, boolean replayed) {}

    /**
     * Adds to the day's value, or takes away with a negative delta (never below zero). With an idempotency key, a
     * replay adds nothing and answers the first result.
     */
    public Increment increment(UUID userId, UUID habitId, LocalDate date, BigDecimal delta, String idempotencyKey) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        UserProfile user = Owners.profile(directory, userId);
        LocalDate today = Owners.today(clock, user);
        checkWritable(h, date, today);
        HabitType type = availableType(h);
        if (type.valueKind() != HabitType.ValueKind.NUMBER) {
            throw new ValidationException("delta", "habits of type " + type.key() + " have no value to add to");
        }
        if (delta == null || delta.signum() == 0) {
            throw new ValidationException("delta", "must be a number other than 0 (negative to take away)");
        }
        HabitType.unstorable(delta).ifPresent(m -> {
            throw new ValidationException("delta", m);
        });
        BigDecimal before = checkins.find(habitId, date).map(CheckinRow::value).orElse(null);
        if (delta.signum() < 0 && (before == null || before.signum() == 0)) {
            throw new ValidationException("delta", "the day has no value to take away from");
        }
        if (before != null && before.add(delta).compareTo(HabitType.MAX_VALUE) > 0) {
            throw new ValidationException("delta", "would make the day's value more than " + HabitType.MAX_VALUE);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ValidationException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String requestHash = Secrets.sha256Hex(
                habitId + "|" + date + "|" + delta.stripTrailingZeros().toPlainString());
        IncrementResult r = checkins.increment(
                userId,
                habitId,
                date,
                delta,
                date.isBefore(today),
                idempotencyKey,
                requestHash,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                refereed(h));
        if (r.replayed() && !requestHash.equals(r.requestHash())) {
            throw new ValidationException("Idempotency-Key", "was already used for a different request");
        }
        if (!r.replayed()) {
            WRITTEN_INCREMENT.increment();
            changes.committed();
        }
        return new Increment(judged(h, user, checkin(r.row())), r.replayed());
    }

    /** The records from {@code from} (default: 30 days before {@code to}) to {@code to} (default: today). */
    public List<Checkin> list(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        UserProfile user = Owners.profile(directory, userId);
        LocalDate t = to == null ? Owners.today(clock, user) : to;
        LocalDate f = from == null ? t.minusDays(30) : from;
        Ranges.check(f, t, MAX_LIST_DAYS);
        List<CheckinRow> rows = checkins.range(h.id(), f, t);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, DayState> states = new HashMap<>();
        evaluator
                .days(List.of(h), rows.get(0).date(), t, Owners.today(clock, user), user.weekStart())
                .get(h.id())
                .forEach(d -> states.put(d.date(), d.state()));
        return rows.stream().map(c -> checkin(c).judged(states.get(c.date()))).collect(Collectors.toList());
    }

    private static boolean refereed(HabitRow h) {
        return h.sharing().refereeUserId() != null;
    }

    /** A stored record, not judged. */
    static Checkin checkin(CheckinRow c) {
        return new Checkin(
                c.habitId(),
                c.date(),
                c.value(),
                c.note(),
                c.status(),
                c.backfilled(),
                c.updatedAt(),
                null,
                c.verification() == null ? null : c.verification().state(),
                c.verification() == null ? null : c.verification().comment(),
                c.imported());
    }

    /** The record with its day's evaluated state, as the agenda and the calendar judge it. */
    private Checkin judged(HabitRow h, UserProfile user, Checkin c) {
        // the day's record is c itself: a per-day schedule's day reads no records
        DayView day = evaluator.day(
                h,
                c.date(),
                CheckinRow.Verification.DISPUTED.equals(c.verification())
                        ? null
                        : new HabitType.DayRecord(c.value(), c.note(), CheckinRow.SKIPPED.equals(c.recordStatus())),
                Owners.today(clock, user),
                user.weekStart());
        return c.judged(day.state());
    }

    private HabitType availableType(HabitRow h) {
        return evaluator
                .availableType(h)
                .orElseThrow(() -> new ConflictException("The habit type '" + h.typeKey()
                        + "' is not available on this server right now; the habit's history is kept"));
    }

    private static void checkWritable(HabitRow h, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new ValidationException("date", "is after your today (" + today + ")");
        }
        if (date.isBefore(h.startDate())) {
            throw new ValidationException("date", "is before the habit's start date (" + h.startDate() + ")");
        }
    }

    private static boolean same(CheckinRow r, BigDecimal value, String note, String status) {
        boolean sameValue = value == null
                ? r.value() == null
                : r.value() != null && r.value().compareTo(value) == 0;
        return sameValue && Objects.equals(blankToNull(note), r.note()) && status.equals(r.status());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
