package io.steadfast.accountability.internal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.accountability.internal.store.GroupRows;
import io.steadfast.accountability.internal.store.GroupStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitAuthoring;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.api.Sharing;
import io.steadfast.habit.dto.ScheduleSpec;
import io.steadfast.streak.api.HabitStatistics;

/**
 * Challenges in a group: a habit definition and a date range. A member who joins gets the habit (shared with the
 * group); the leaderboard ranks the participants by their completion rate over the challenge's days so far (from the
 * day they joined), then by their current streak. Only the group's members see its challenges.
 */
@Component(service = ChallengeService.class)
public class ChallengeService {

    /** The longest challenge. */
    static final int MAX_DAYS = 366;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GroupStore store;
    private final GroupService groups;
    private final HabitAuthoring authoring;
    private final HabitQuery habits;
    private final HabitStatistics statistics;
    private final UserDirectory directory;
    private final Clock clock;
    private final FeedWriter feed;

    @Activate
    public ChallengeService(
            @Reference FeedWriter feed,
            @Reference GroupStore store,
            @Reference GroupService groups,
            @Reference HabitAuthoring authoring,
            @Reference HabitQuery habits,
            @Reference HabitStatistics statistics,
            @Reference UserDirectory directory,
            @Reference Clock clock) {
        this.feed = feed;
        this.store = store;
        this.groups = groups;
        this.authoring = authoring;
        this.habits = habits;
        this.statistics = statistics;
        this.directory = directory;
        this.clock = clock;
    }

    public record Challenge(
            UUID id,
            UUID groupId,
            String name,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            LocalDate endDate,
            int participants,
            UUID myHabitId,
            Instant createdAt) {}

    public record Standing(
            int rank, UUID userId, String displayName, double completionRate, int currentStreak, int doneDays) {}

    public Challenge create(
            UUID userId,
            UUID groupId,
            String name,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate start,
            LocalDate end) {
        groups.memberOf(userId, groupId);
        List<io.steadfast.api.error.FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new io.steadfast.api.error.FieldError("name", "must be 1 to 100 characters"));
        }
        if (type == null || type.isBlank()) {
            errors.add(new io.steadfast.api.error.FieldError("habit.type", "is required; see GET /api/v1/habit-types"));
        }
        if (schedule == null) {
            errors.add(
                    new io.steadfast.api.error.FieldError("habit.schedule", "is required, e.g. {\"kind\":\"daily\"}"));
        }
        if (start == null) {
            errors.add(new io.steadfast.api.error.FieldError("startDate", "is required"));
        }
        if (end == null) {
            errors.add(new io.steadfast.api.error.FieldError("endDate", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        DateLimits.check(start, "startDate");
        DateLimits.check(end, "endDate");
        if (end.isBefore(start)) {
            throw new ValidationException("endDate", "must not be before startDate (" + start + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new ValidationException("endDate", "a challenge lasts at most " + MAX_DAYS + " days");
        }
        LocalDate today = habits.today(userId).orElseThrow(() -> new NotFoundException("User"));
        if (end.isBefore(today)) {
            throw new ValidationException("endDate", "is before your today (" + today + ")");
        }
        GroupRows.Challenge c = new GroupRows.Challenge(
                UUID.randomUUID(),
                groupId,
                n,
                type.trim(),
                target,
                unit == null || unit.isBlank() ? null : unit.trim(),
                json(ScheduleSpec.of(schedule)),
                start,
                end,
                userId,
                now());
        store.createChallenge(c);
        return view(c, userId);
    }

    public List<Challenge> list(UUID userId, UUID groupId) {
        groups.memberOf(userId, groupId);
        return store.challenges(groupId).stream().map(c -> view(c, userId)).toList();
    }

    public Challenge get(UUID userId, UUID groupId, UUID challengeId) {
        groups.memberOf(userId, groupId);
        return view(challenge(groupId, challengeId), userId);
    }

    /** Joins: creates the challenge's habit for the caller, shared with the group, from their today (or its start). */
    public Challenge join(UUID userId, UUID groupId, UUID challengeId) {
        groups.memberOf(userId, groupId);
        GroupRows.Challenge c = challenge(groupId, challengeId);
        if (store.participant(challengeId, userId).isPresent()) {
            throw new ConflictException("You joined this challenge already");
        }
        LocalDate today = habits.today(userId).orElseThrow(() -> new NotFoundException("User"));
        if (c.endDate().isBefore(today)) {
            throw new ConflictException("The challenge ended on " + c.endDate());
        }
        LocalDate start = c.startDate().isAfter(today) ? c.startDate() : today;
        HabitInfo h = authoring.create(
                userId,
                new HabitAuthoring.NewHabit(
                        c.name(),
                        "Challenge " + c.name() + " (" + c.startDate() + " to " + c.endDate() + ")",
                        c.habitType(),
                        c.target(),
                        c.unit(),
                        schedule(c),
                        start,
                        new Sharing(Sharing.Visibility.GROUPS, false, null, List.of(groupId))));
        if (store.participate(new GroupRows.Participant(challengeId, userId, h.id(), today, now()))) {
            feed.joined(userId, h, challengeId);
        }
        return view(c, userId);
    }

    /** The participants ranked by completion rate over the challenge's days so far, then current streak. */
    public List<Standing> leaderboard(UUID userId, UUID groupId, UUID challengeId) {
        groups.memberOf(userId, groupId);
        GroupRows.Challenge c = challenge(groupId, challengeId);
        record Row(UUID user, String name, double rate, int streak, int done) {}
        List<Row> rows = new ArrayList<>();
        for (GroupRows.Participant p : store.participants(challengeId)) {
            Optional<HabitInfo> habit = habits.habit(p.userId(), p.habitId());
            if (habit.isEmpty()) {
                continue; // the participant deleted the habit: they left the challenge
            }
            HabitInfo h = habit.get();
            LocalDate from = latest(c.startDate(), p.joinedOn(), h.startDate());
            LocalDate to = c.endDate().isBefore(h.today()) ? c.endDate() : h.today();
            int due = 0;
            int done = 0;
            if (!to.isBefore(from)) {
                for (DayView d : habits.days(p.userId(), p.habitId(), from, to)) {
                    if (d.state() == DayState.DONE) {
                        done++;
                        due++;
                    } else if (d.due() && (d.date().isBefore(h.today()) || d.state() != DayState.PENDING)) {
                        due++;
                    }
                }
            }
            double rate = due == 0 ? 0 : (double) done / due;
            rows.add(new Row(
                    p.userId(),
                    directory.find(p.userId()).map(u -> u.displayName()).orElse(null),
                    rate,
                    statistics.summary(h).currentStreak(),
                    done));
        }
        rows.sort(Comparator.comparingDouble(Row::rate)
                .reversed()
                .thenComparing(Comparator.comparingInt(Row::streak).reversed())
                .thenComparing(Comparator.comparingInt(Row::done).reversed()));
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Standing(
                    i + 1, r.user(), r.name(), Math.round(r.rate() * 1000) / 1000.0, r.streak(), r.done()));
        }
        return out;
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate m = a.isAfter(b) ? a : b;
        return m.isAfter(c) ? m : c;
    }

    private GroupRows.Challenge challenge(UUID groupId, UUID challengeId) {
        return store.challenge(groupId, challengeId).orElseThrow(() -> new NotFoundException("Challenge"));
    }

    private Challenge view(GroupRows.Challenge c, UUID viewer) {
        List<GroupRows.Participant> ps = store.participants(c.id());
        UUID mine = ps.stream()
                .filter(p -> p.userId().equals(viewer))
                .map(GroupRows.Participant::habitId)
                .findFirst()
                .orElse(null);
        return new Challenge(
                c.id(),
                c.groupId(),
                c.name(),
                c.habitType(),
                c.target(),
                c.unit(),
                schedule(c),
                c.startDate(),
                c.endDate(),
                ps.size(),
                mine,
                c.createdAt());
    }

    private static Schedule schedule(GroupRows.Challenge c) {
        try {
            return JSON.readValue(c.schedule(), ScheduleSpec.class).toSchedule();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored challenge schedule is unreadable: " + c.id(), e);
        }
    }

    private static String json(ScheduleSpec s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
