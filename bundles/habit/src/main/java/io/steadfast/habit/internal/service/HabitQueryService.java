package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.internal.domain.EraCalendar;
import io.steadfast.habit.internal.domain.ScheduleEra;
import io.steadfast.habit.internal.domain.UserDay;
import io.steadfast.storage.habit.CheckinRow;
import io.steadfast.storage.habit.CheckinStore;
import io.steadfast.storage.habit.HabitRow;
import io.steadfast.storage.habit.HabitStore;

/** {@link HabitQuery} for other bundles: habits and their days, evaluated exactly as the agenda evaluates them. */
@Component(service = HabitQuery.class)
public class HabitQueryService implements HabitQuery {

    private final HabitStore habits;
    private final CheckinStore checkins;
    private final UserDirectory directory;
    private final HabitTypeRegistry types;
    private final Clock clock;

    @Activate
    public HabitQueryService(@Reference HabitStore habits, @Reference CheckinStore checkins,
            @Reference UserDirectory directory, @Reference HabitTypeRegistry types, @Reference Clock clock) {
        this.clock = clock;
        this.habits = habits;
        this.checkins = checkins;
        this.directory = directory;
        this.types = types;
    }

    @Override
    public Optional<LocalDate> today(UUID userId) {
        return directory.find(userId).map(u -> UserDay.today(clock.instant(), u.timezone(), u.dayStartsAt()));
    }

    @Override
    public Optional<HabitInfo> habit(UUID userId, UUID habitId) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return habits.find(userId, habitId).map(h -> info(h, user.get()));
    }

    @Override
    public List<HabitInfo> activeHabits(UUID userId) {
        Optional<UserProfile> user = directory.find(userId);
        if (user.isEmpty()) {
            return List.of();
        }
        return habits.list(userId, false).stream().map(h -> info(h, user.get())).collect(Collectors.toList());
    }

    @Override
    public List<DayView> days(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
        Optional<UserProfile> user = directory.find(userId);
        Optional<HabitRow> habit = habits.find(userId, habitId);
        if (user.isEmpty() || habit.isEmpty() || to.isBefore(from)) {
            return List.of();
        }
        HabitRow h = habit.get();
        LocalDate today = UserDay.today(clock.instant(), user.get().timezone(), user.get().dayStartsAt());
        Map<LocalDate, HabitType.DayRecord> records = new HashMap<>();
        for (CheckinRow c : checkins.range(h.id(), from.minusDays(31), to)) {
            records.put(c.date(), HabitService.record(c));
        }
        HabitType type = types.get(h.typeKey()).orElse(HabitService.UnavailableType.INSTANCE);
        List<DayView> out = new ArrayList<>();
        EraCalendar.range(ScheduleCodec.eras(h.schedule(), h.startDate()), type, HabitService.definition(h),
                records::get, from, to, today, user.get().weekStart())
                .forEach((d, a) -> out.add(new DayView(d, a.due(), a.state(), a.progress())));
        return out;
    }

    private HabitInfo info(HabitRow h, UserProfile user) {
        return new HabitInfo(h.id(), h.userId(), h.name(), h.typeKey(), h.target(), h.unit(),
                ScheduleCodec.decode(h.schedule()), h.startDate(), statsSince(h), h.archived(), user.weekStart(),
                UserDay.today(clock.instant(), user.timezone(), user.dayStartsAt()));
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
