package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.RecordedValue;
import io.steadfast.habit.internal.domain.ScheduleEra;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.CheckinStore;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.OutboxStore;

/** {@link HabitQuery} for other bundles: habits and their days, evaluated by {@link HabitEvaluator}. */
@Component(service = HabitQuery.class)
public class HabitQueryService implements HabitQuery {

    private final HabitStore habits;
    private final CheckinStore checkins;
    private final UserDirectory directory;
    private final HabitEvaluator evaluator;
    private final Clock clock;
    private final OutboxStore outbox;

    @Activate
    public HabitQueryService(
            @Reference HabitStore habits,
            @Reference CheckinStore checkins,
            @Reference UserDirectory directory,
            @Reference HabitEvaluator evaluator,
            @Reference Clock clock,
            @Reference OutboxStore outbox) {
        this.outbox = outbox;
        this.habits = habits;
        this.checkins = checkins;
        this.directory = directory;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    public Optional<LocalDate> today(UUID userId) {
        return directory.find(userId).map(u -> Owners.today(clock, u));
    }

    @Override
    public Optional<PendingChanges> pending(UUID userId, UUID habitId) {
        if (habits.find(userId, habitId).isEmpty()) {
            return Optional.empty();
        }
        return outbox.pending(habitId).map(p -> new PendingChanges(p.habitChanged(), p.earliestDay()));
    }

    @Override
    public Optional<HabitInfo> habit(UUID userId, UUID habitId) {
        return directory.find(userId).flatMap(u -> habits.find(userId, habitId)
                .map(h -> info(h, u, Owners.today(clock, u))));
    }

    @Override
    public List<HabitInfo> activeHabits(UUID userId) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty()) {
            return List.of();
        }
        LocalDate today = Owners.today(clock, user.get());
        return habits.list(userId, false).stream()
                .map(h -> info(h, user.get(), today))
                .collect(Collectors.toList());
    }

    @Override
    public List<DayView> days(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
        Optional<UserProfile> user = directory.find(userId);
        Optional<HabitRow> habit = habits.find(userId, habitId);
        if (user.isEmpty() || habit.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        return evaluator
                .days(
                        List.of(habit.get()),
                        from,
                        to,
                        Owners.today(clock, user.get()),
                        user.get().weekStart())
                .get(habitId);
    }

    @Override
    public List<HabitDays> activeDays(UUID userId, LocalDate from, LocalDate to) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        UserProfile u = user.get();
        LocalDate today = Owners.today(clock, u);
        List<HabitRow> active = habits.list(userId, false);
        Map<UUID, List<DayView>> days = evaluator.days(active, from, to, today, u.weekStart());
        List<HabitDays> out = new ArrayList<>();
        for (HabitRow h : active) {
            out.add(new HabitDays(info(h, u, today), days.get(h.id())));
        }
        return out;
    }

    @Override
    public ActiveDaysPage activeDays(UUID userId, LocalDate from, LocalDate to, int offset, int limit) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty() || to.isBefore(from)) {
            return new ActiveDaysPage(List.of(), 0);
        }
        UserProfile u = user.get();
        LocalDate today = Owners.today(clock, u);
        List<HabitRow> active = habits.list(userId, false);
        int start = Math.min(Math.max(0, offset), active.size());
        List<HabitRow> page = active.subList(start, Math.min(active.size(), start + Math.max(0, limit)));
        Map<UUID, List<DayView>> days = evaluator.days(page, from, to, today, u.weekStart());
        List<HabitDays> out = new ArrayList<>();
        for (HabitRow h : page) {
            out.add(new HabitDays(info(h, u, today), days.get(h.id())));
        }
        return new ActiveDaysPage(out, active.size());
    }

    @Override
    public List<RecordedDay> records(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || habits.find(userId, habitId).isEmpty()) {
            return List.of();
        }
        List<RecordedDay> out = new ArrayList<>();
        for (CheckinRow c : checkins.range(habitId, from, to)) {
            out.add(recorded(c));
        }
        return out;
    }

    @Override
    public List<HabitInfo> habits(UUID userId) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty()) {
            return List.of();
        }
        LocalDate today = Owners.today(clock, user.get());
        return habits.listAll(userId).stream()
                .map(h -> info(h, user.get(), today))
                .collect(Collectors.toList());
    }

    @Override
    public List<RecordedDay> recordsAfter(UUID userId, UUID habitId, LocalDate after, int limit) {
        if (habits.find(userId, habitId).isEmpty()) {
            return List.of();
        }
        List<RecordedDay> out = new ArrayList<>();
        for (CheckinRow c : checkins.page(habitId, after, limit)) {
            out.add(recorded(c));
        }
        return out;
    }

    private static RecordedDay recorded(CheckinRow c) {
        return new RecordedDay(
                c.date(),
                c.value(),
                c.note(),
                CheckinRow.SKIPPED.equals(c.status()),
                c.backfilled(),
                c.verification() == null ? null : c.verification().state(),
                c.updatedAt());
    }

    @Override
    public Optional<RecordedValue.Span> recordedValues(UUID userId, UUID habitId, LocalDate to) {
        Optional<HabitRow> habit = habits.find(userId, habitId);
        if (habit.isEmpty() || to.isBefore(habit.get().startDate())) {
            return Optional.empty();
        }
        LocalDate start = habit.get().startDate();
        return checkins.valueAtEnd(habitId, start, to, false)
                .flatMap(first -> checkins.valueAtEnd(habitId, first.date(), to, true)
                        .map(latest -> new RecordedValue.Span(value(first), value(latest))));
    }

    private static RecordedValue value(CheckinRow c) {
        return new RecordedValue(c.date(), c.value());
    }

    HabitInfo info(HabitRow h, UserProfile user, LocalDate today) {
        return HabitMapping.info(h, evaluator.availableType(h).isPresent(), user.weekStart(), today);
    }

    /**
     * The first day statistics can run through with the current schedule: per-day schedules continue across
     * changes between per-day schedules (each day keeps the due flag of its era); a per-period schedule, or a
     * change between per-day and per-period units, starts afresh on the day of the change.
     */
    static LocalDate statsSince(HabitRow h) {
        List<ScheduleEra> eras = ScheduleCodec.eras(h.schedule(), h.startDate());
        ScheduleEra current = eras.get(eras.size() - 1);
        if (current.schedule().perPeriod()) {
            return current.from();
        }
        LocalDate since = current.from();
        for (int i = eras.size() - 2; i >= 0 && !eras.get(i).schedule().perPeriod(); i--) {
            since = eras.get(i).from();
        }
        return since;
    }
}
