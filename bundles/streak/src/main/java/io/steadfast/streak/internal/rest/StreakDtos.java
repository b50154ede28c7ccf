package io.steadfast.streak.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.steadfast.habit.api.RecordedValue;
import io.steadfast.streak.internal.engine.GoalProgress;
import io.steadfast.streak.internal.engine.Stats;
import io.steadfast.streak.internal.service.AchievementService;
import io.steadfast.streak.internal.service.AnalyticsService;
import io.steadfast.streak.internal.service.StatsService;

/** The JSON of the statistics, series, analytics and achievements endpoints, and the mapping from the domain. */
final class StreakDtos {

    private StreakDtos() {}

    record StreakDto(
            int current,
            int longest,
            String unit,
            LocalDate currentStart,
            LocalDate longestStart,
            LocalDate longestEnd) {}

    record CompletionDto(Double last7, Double last30, Double last365, Double allTime) {}

    record TotalsDto(long doneDays, BigDecimal value) {}

    record StatsDto(
            StreakDto streak,
            double strength,
            CompletionDto completion,
            TotalsDto totals,
            String bestWeekday,
            GoalDto goal) {}

    record ValueDto(LocalDate date, BigDecimal value) {}

    /** A measurement habit's goal and where it stands today; see {@link GoalProgress}. */
    record GoalDto(
            BigDecimal value,
            String direction,
            LocalDate by,
            ValueDto start,
            BigDecimal expectedToday,
            ValueDto latest,
            Boolean onTrack) {}

    record BucketDto(LocalDate start, LocalDate end, int due, int done, Double rate, BigDecimal value) {}

    record RateDto(int due, int done, Double rate) {}

    record HabitRateDto(UUID habitId, String name, int due, int done, Double rate) {}

    record WeekdayRateDto(String day, int due, int done, Double rate) {}

    record AnalyticsDto(
            LocalDate from, LocalDate to, RateDto overall, List<HabitRateDto> habits, List<WeekdayRateDto> weekdays) {}

    record EarnedDto(String code, String title, UUID habitId, String habitName, LocalDate reachedOn) {}

    record NextDto(String code, String title, UUID habitId, String habitName, int current, int target) {}

    record AchievementsDto(List<EarnedDto> earned, List<NextDto> next) {}

    static StatsDto stats(Stats s, GoalProgress goal) {
        Stats.Streak k = s.streak();
        Stats.Completion c = s.completion();
        return new StatsDto(
                new StreakDto(k.current(), k.longest(), k.unit(), k.currentStart(), k.longestStart(), k.longestEnd()),
                s.strength(),
                new CompletionDto(c.last7(), c.last30(), c.last365(), c.allTime()),
                new TotalsDto(s.totals().doneDays(), s.totals().value()),
                io.steadfast.api.time.Weekdays.code(s.bestWeekday()),
                goal == null ? null : goal(goal));
    }

    static GoalDto goal(GoalProgress g) {
        return new GoalDto(
                g.goal().value(),
                g.goal().direction().code(),
                g.goal().by(),
                value(g.start()),
                g.expectedToday(),
                value(g.latest()),
                g.onTrack());
    }

    private static ValueDto value(RecordedValue v) {
        return v == null ? null : new ValueDto(v.date(), v.value());
    }

    static List<BucketDto> series(List<StatsService.Bucket> buckets) {
        return buckets.stream()
                .map(b -> new BucketDto(b.start(), b.end(), b.due(), b.done(), b.rate(), b.value()))
                .toList();
    }

    static AnalyticsDto analytics(AnalyticsService.Analytics a) {
        return new AnalyticsDto(
                a.from(),
                a.to(),
                new RateDto(a.overall().due(), a.overall().done(), a.overall().rate()),
                a.habits().stream()
                        .map(h -> new HabitRateDto(h.habitId(), h.name(), h.due(), h.done(), h.rate()))
                        .toList(),
                a.weekdays().stream()
                        .map(w -> new WeekdayRateDto(
                                io.steadfast.api.time.Weekdays.code(w.day()), w.due(), w.done(), w.rate()))
                        .toList());
    }

    static AchievementsDto achievements(AchievementService.Achievements a) {
        return new AchievementsDto(
                a.earned().stream()
                        .map(e -> new EarnedDto(e.code(), e.title(), e.habitId(), e.habitName(), e.reachedOn()))
                        .toList(),
                a.next().stream()
                        .map(n -> new NextDto(n.code(), n.title(), n.habitId(), n.habitName(), n.current(), n.target()))
                        .toList());
    }
}
