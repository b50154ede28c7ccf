package io.steadfast.calendar.internal.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The views of days: the day's agenda, the calendar of a range, a habit's year. Every day is judged by the habit
 * bundle ({@link HabitQuery}); this bundle decides which days a view shows.
 */
@Component(service = CalendarViews.class)
public class CalendarViews {

    /** The longest range of {@link #calendar}. */
    public static final int MAX_CALENDAR_DAYS = 366;
    /** The default range of {@link #calendar}: four weeks up to today. */
    static final int DEFAULT_CALENDAR_DAYS = 28;

    /** The day's agenda: every active habit, evaluated on {@code date}. */
    public record Agenda(LocalDate date, ZoneId zone, List<HabitDays> habits) {}

    /** The days of a range. */
    /**
     * Each day of a range, of a page of the active habits: those from {@code offset}, at most {@code limit}, of
     * {@code total}.
     */
    public record Range(LocalDate from, LocalDate to, List<HabitDays> habits, int offset, int limit, int total) {

        /** The offset of the next page, or {@code null} after the last. */
        public Integer nextOffset() {
            return offset + habits.size() < total ? offset + habits.size() : null;
        }
    }

    /**
     * The most habit-days one calendar answer holds (a year of 54 habits, four weeks of 100): a page of habits
     * is at most this many divided by the days, and at most {@value #MAX_CALENDAR_HABITS}.
     */
    public static final int MAX_CALENDAR_CELLS = 20_000;

    /** The most habits of one calendar answer. */
    public static final int MAX_CALENDAR_HABITS = 100;

    /** A habit's days of one year. */
    public record Year(HabitInfo habit, int year, List<DayView> days) {}

    private final HabitQuery habits;
    private final UserDirectory directory;

    @Activate
    public CalendarViews(@Reference HabitQuery habits, @Reference UserDirectory directory) {
        this.habits = habits;
        this.directory = directory;
    }

    /** The agenda of {@code date} (default: the user's today). */
    public Agenda today(UUID userId, LocalDate date) {
        LocalDate today = today(userId);
        LocalDate d = date == null ? today : date;
        ZoneId zone = directory.find(userId).orElseThrow(CalendarViews::gone).timezone();
        return new Agenda(d, zone, habits.activeDays(userId, d, d));
    }

    /** Each day from {@code from} (default: 27 days before {@code to}) to {@code to} (default: today). */
    public Range calendar(UUID userId, LocalDate from, LocalDate to) {
        return calendar(userId, from, to, 0, null);
    }

    /**
     * {@link #calendar(UUID, LocalDate, LocalDate)} of a page of the active habits: from {@code offset}, at most
     * {@code limit} (default and at most what keeps the answer within {@value #MAX_CALENDAR_CELLS} habit-days).
     */
    public Range calendar(UUID userId, LocalDate from, LocalDate to, int offset, Integer limit) {
        LocalDate t = to == null ? today(userId) : to;
        LocalDate f = from == null ? t.minusDays(DEFAULT_CALENDAR_DAYS - 1) : from;
        if (t.isBefore(f)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_CALENDAR_DAYS) {
            throw new ValidationException("to", "the range is at most " + MAX_CALENDAR_DAYS + " days");
        }
        int days = (int) ChronoUnit.DAYS.between(f, t) + 1;
        int most = Math.max(1, Math.min(MAX_CALENDAR_HABITS, MAX_CALENDAR_CELLS / days));
        int l = limit == null ? most : Math.min(limit, most);
        HabitQuery.ActiveDaysPage page = habits.activeDays(userId, f, t, offset, l);
        return new Range(f, t, page.habits(), offset, l, page.total());
    }

    /** Each day of {@code year} (default: this year) of one habit. */
    public Year heatmap(UUID userId, UUID habitId, Integer year) {
        HabitInfo habit = habits.habit(userId, habitId).orElseThrow(() -> new NotFoundException("Habit"));
        int y = year == null ? habit.today().getYear() : DateLimits.checkYear(year, "year");
        return new Year(habit, y, habits.days(userId, habitId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
    }

    private LocalDate today(UUID userId) {
        Optional<LocalDate> today = habits.today(userId);
        return today.orElseThrow(CalendarViews::gone);
    }

    static NotAuthenticatedException gone() {
        return new NotAuthenticatedException("The account no longer exists");
    }
}
