package io.steadfast.habit.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.CheckinStore;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;

/**
 * Every habit of a user with all its records, for the account export: all at once ({@link #export}, two queries,
 * however many habits), or streamed ({@link #habits}, then each habit's records a page at a time).
 */
@Component(service = HabitExport.class)
public class HabitExport {

    /** One habit and its records, oldest first. */
    public record ExportedHabit(HabitInfo habit, List<Checkin> checkins) {}

    private final HabitStore habits;
    private final CheckinStore checkins;
    private final UserDirectory directory;
    private final HabitTypeRegistry types;
    private final java.time.Clock clock;

    @Activate
    public HabitExport(
            @Reference HabitStore habits,
            @Reference CheckinStore checkins,
            @Reference UserDirectory directory,
            @Reference HabitTypeRegistry types,
            @Reference java.time.Clock clock) {
        this.habits = habits;
        this.checkins = checkins;
        this.directory = directory;
        this.types = types;
        this.clock = clock;
    }

    /** The records of a habit that {@link #checkins} reads at a time: memory stays bounded by it. */
    public static final int PAGE = 1000;

    /** Every habit of the user, archived ones included, in their order, without their records. */
    public List<HabitInfo> habits(UUID userId) {
        UserProfile user = directory.find(userId).orElse(null);
        if (user == null) {
            return List.of();
        }
        java.time.LocalDate today = Owners.today(clock, user);
        return habits.listAll(userId).stream()
                .map(h -> HabitMapping.info(h, types.get(h.typeKey()).isPresent(), user.weekStart(), today))
                .collect(Collectors.toList());
    }

    /**
     * A page of a habit's records, oldest first: at most {@code limit} after {@code after} ({@code null} for the
     * first page). The caller got the habit from {@link #habits} of its owner.
     */
    public List<Checkin> checkins(UUID habitId, java.time.LocalDate after, int limit) {
        List<Checkin> out = new ArrayList<>();
        for (CheckinRow c : checkins.page(habitId, after, limit)) {
            out.add(DayRecords.checkin(c));
        }
        return out;
    }

    /** Every habit with all its records in memory: the streamed export reads {@link #habits} and {@link #checkins}. */
    public List<ExportedHabit> export(UUID userId) {
        UserProfile user = directory.find(userId).orElse(null);
        if (user == null) {
            return List.of();
        }
        List<HabitRow> all = habits.listAll(userId);
        Map<UUID, List<Checkin>> byHabit = new HashMap<>();
        for (CheckinRow c : checkins.all(all.stream().map(HabitRow::id).collect(Collectors.toList()))) {
            byHabit.computeIfAbsent(c.habitId(), k -> new ArrayList<>()).add(DayRecords.checkin(c));
        }
        java.time.LocalDate today = Owners.today(clock, user);
        return all.stream()
                .map(h -> new ExportedHabit(
                        HabitMapping.info(h, types.get(h.typeKey()).isPresent(), user.weekStart(), today),
                        byHabit.getOrDefault(h.id(), List.of())))
                .collect(Collectors.toList());
    }
}
