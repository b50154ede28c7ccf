package io.steadfast.calendar.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.calendar.internal.domain.ReminderRule;
import io.steadfast.calendar.internal.store.CalendarFeedStore;
import io.steadfast.calendar.internal.store.ReminderStore;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.RecordedValue;
import io.steadfast.habit.api.Schedule;

/** The calendar bundle's services against a stand-in of the habit bundle's {@link HabitQuery}. */
class CalendarServicesTest {

    static final LocalDate TODAY = LocalDate.of(2028, 2, 29);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2028-02-29T10:00:00Z"), ZoneOffset.UTC);

    final UUID ann = UUID.randomUUID();
    final HabitInfo run = new HabitInfo(
            UUID.randomUUID(),
            ann,
            "Run",
            null,
            "boolean",
            null,
            null,
            new Schedule.Daily(),
            TODAY.minusDays(100),
            TODAY.minusDays(100),
            null,
            null,
            false,
            0,
            true,
            CLOCK.instant(),
            DayOfWeek.MONDAY,
            TODAY,
            null,
            TODAY.minusDays(100));
    final List<String> asked = new ArrayList<>();

    /** Judges every day before today done, today pending; remembers what it was asked. */
    final HabitQuery habits = new HabitQuery() {
        @Override
        public Optional<PendingChanges> pending(UUID userId, UUID habitId) {
            return Optional.empty();
        }

        @Override
        public List<RecordedDay> records(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public Optional<LocalDate> today(UUID userId) {
            return userId.equals(ann) ? Optional.of(TODAY) : Optional.empty();
        }

        @Override
        public Optional<HabitInfo> habit(UUID userId, UUID habitId) {
            return userId.equals(ann) && habitId.equals(run.id()) ? Optional.of(run) : Optional.empty();
        }

        @Override
        public List<HabitInfo> activeHabits(UUID userId) {
            return userId.equals(ann) ? List.of(run) : List.of();
        }

        @Override
        public List<DayView> days(UUID userId, UUID habitId, LocalDate from, LocalDate to) {
            asked.add(from + ".." + to);
            List<DayView> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(new DayView(d, true, d.isBefore(TODAY) ? DayState.DONE : DayState.PENDING, null, null, null));
            }
            return out;
        }

        @Override
        public List<HabitDays> activeDays(UUID userId, LocalDate from, LocalDate to) {
            return activeHabits(userId).stream()
                    .map(h -> new HabitDays(h, days(userId, h.id(), from, to)))
                    .toList();
        }

        @Override
        public Optional<RecordedValue.Span> recordedValues(UUID userId, UUID habitId, LocalDate to) {
            return Optional.empty();
        }
    };

    final UserDirectory directory = new UserDirectory() {
        @Override
        public Optional<UserProfile> find(UUID id) {
            return id.equals(ann)
                    ? Optional.of(new UserProfile(
                            ann,
                            "a@b.c",
                            "A",
                            ZoneId.of("Pacific/Auckland"),
                            DayOfWeek.MONDAY,
                            0,
                            "user",
                            CLOCK.instant()))
                    : Optional.empty();
        }

        @Override
        public Optional<UserProfile> findByEmail(String email) {
            return find(ann).filter(u -> u.email().equalsIgnoreCase(email.trim()));
        }
    };

    final CalendarViews views = new CalendarViews(habits, directory);

    @Test
    void theAgendaIsOfTheOwnersTodayUnlessADateIsGiven() {
        CalendarViews.Agenda a = views.today(ann, null);
        assertThat(a.date()).isEqualTo(TODAY);
        assertThat(a.zone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
        assertThat(a.habits()).hasSize(1);
        assertThat(views.today(ann, TODAY.minusDays(366))
                        .habits()
                        .get(0)
                        .days()
                        .get(0)
                        .date())
                .isEqualTo(TODAY.minusDays(366));
    }

    @Test
    void theCalendarDefaultsToFourWeeksUpToTodayAndAtMostAYear() {
        CalendarViews.Range r = views.calendar(ann, null, null);
        assertThat(r.from()).isEqualTo(TODAY.minusDays(27));
        assertThat(r.to()).isEqualTo(TODAY);
        assertThat(views.calendar(ann, TODAY.minusDays(365), TODAY)
                        .habits()
                        .get(0)
                        .days())
                .hasSize(366);
        assertField(() -> views.calendar(ann, TODAY.minusDays(366), TODAY), "to");
        assertField(() -> views.calendar(ann, TODAY, TODAY.minusDays(1)), "to");
    }

    @Test
    void aCalendarAnswerHoldsAPageOfHabitsBoundedByItsDays() {
        CalendarViews.Range fourWeeks = views.calendar(ann, null, null);
        assertThat(fourWeeks.limit())
                .as("28 days: the most habits of a page")
                .isEqualTo(CalendarViews.MAX_CALENDAR_HABITS);
        assertThat(fourWeeks.offset()).isZero();
        assertThat(fourWeeks.total()).isEqualTo(fourWeeks.habits().size());
        assertThat(fourWeeks.nextOffset()).as("one page holds them all").isNull();
        CalendarViews.Range year = views.calendar(ann, TODAY.minusDays(365), TODAY, 0, 1000);
        assertThat(year.limit())
                .as("a year: at most 20,000 habit-days, whatever limit was asked")
                .isEqualTo(CalendarViews.MAX_CALENDAR_CELLS / 366);
        CalendarViews.Range one = views.calendar(ann, null, null, 0, 1);
        assertThat(one.habits()).hasSizeLessThanOrEqualTo(1);
        if (one.total() > 1) {
            assertThat(one.nextOffset()).isEqualTo(1);
        }
        assertThat(views.calendar(ann, null, null, 50, null).habits())
                .as("past the end")
                .isEmpty();
    }

    @Test
    void aHeatmapIsOneWholeYearOfOneOwnHabit() {
        CalendarViews.Year y = views.heatmap(ann, run.id(), null);
        assertThat(y.year()).isEqualTo(2028);
        assertThat(y.days()).hasSize(366);
        assertThat(asked).contains("2028-01-01..2028-12-31");
        assertField(() -> views.heatmap(ann, run.id(), 1899), "year");
        assertField(() -> views.heatmap(ann, run.id(), 2200), "year");
        assertThatThrownBy(() -> views.heatmap(UUID.randomUUID(), run.id(), null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFeedSecretMapsToItsOwnerUntilRotatedAndShowsTheOpenDueDays() {
        Map<String, UUID> stored = new HashMap<>();
        Map<String, Long> made = new HashMap<>();
        long[] epoch = {0};
        CalendarFeedStore store = new CalendarFeedStore() {
            @Override
            public void put(UUID userId, String hash, Instant at, long inEpoch) {
                stored.values().removeIf(userId::equals);
                stored.put(hash, userId);
                made.put(hash, inEpoch);
            }

            @Override
            public boolean delete(UUID userId) {
                return stored.values().removeIf(userId::equals);
            }

            @Override
            public Optional<Feed> find(String hash) {
                return Optional.ofNullable(stored.get(hash)).map(u -> new Feed(u, CLOCK.instant(), made.get(hash)));
            }
        };
        UserDirectory signOuts = new UserDirectory() {
            @Override
            public Optional<UserProfile> find(UUID id) {
                return directory.find(id);
            }

            @Override
            public Optional<UserProfile> findByEmail(String email) {
                return Optional.empty();
            }

            @Override
            public long credentialsEpoch(UUID id) {
                return epoch[0];
            }
        };
        CalendarFeeds feeds = new CalendarFeeds(store, habits, CLOCK, signOuts);
        String first = feeds.rotate(ann);
        assertThat(first).startsWith(CalendarFeeds.PREFIX).hasSize(CalendarFeeds.PREFIX.length() + 43);
        assertThat(stored).as("only the hash is stored").doesNotContainKey(first);
        assertThat(feeds.owner(first)).contains(ann);
        String second = feeds.rotate(ann);
        assertThat(feeds.owner(first)).isEmpty();
        assertThat(feeds.owner(second)).contains(ann);
        assertThat(feeds.owner("sfc_short")).isEmpty();
        feeds.turnOff(ann);
        assertThat(feeds.owner(second)).as("turned off").isEmpty();
        assertThat(feeds.owner(null)).isEmpty();
        String third = feeds.rotate(ann);
        epoch[0] = 1;
        assertThat(feeds.owner(third))
                .as("made before the owner signed out everywhere (or changed the password): dead")
                .isEmpty();
        String fourth = feeds.rotate(ann);
        assertThat(feeds.owner(fourth)).as("made after").contains(ann);
        CalendarFeeds.FeedData data = feeds.data(ann);
        assertThat(data.generatedAt()).isEqualTo(CLOCK.instant());
        assertThat(data.due().get(run))
                .as("today and the 13 days after, none done yet")
                .hasSize(CalendarFeeds.DAYS)
                .startsWith(TODAY);
    }

    @Test
    void aHabitHasAtMostTheRemindersTheLimitAllowsCheckedAfterItsOwnerAndTheInput() {
        Map<UUID, ReminderRule> stored = new LinkedHashMap<>();
        ReminderStore store = new ReminderStore() {
            @Override
            public void create(ReminderRule r, Instant nextAt, LocalDate nextDate) {
                stored.put(r.id(), r);
            }

            @Override
            public boolean update(ReminderRule r, Instant nextAt, LocalDate nextDate) {
                return stored.replace(r.id(), r) != null;
            }

            @Override
            public Optional<ReminderRule> find(UUID id) {
                return Optional.ofNullable(stored.get(id));
            }

            @Override
            public List<ReminderRule> ofHabit(UUID userId, UUID habitId) {
                return stored.values().stream()
                        .filter(r -> r.userId().equals(userId) && r.habitId().equals(habitId))
                        .toList();
            }

            @Override
            public List<ReminderRule> ofUser(UUID userId) {
                return stored.values().stream()
                        .filter(r -> r.userId().equals(userId))
                        .toList();
            }

            @Override
            public int countOfHabit(UUID userId, UUID habitId) {
                return ofHabit(userId, habitId).size();
            }

            @Override
            public boolean delete(UUID userId, UUID habitId, UUID id) {
                return stored.values()
                        .removeIf(r -> r.id().equals(id)
                                && r.userId().equals(userId)
                                && r.habitId().equals(habitId));
            }

            @Override
            public int deleteOfHabit(UUID userId, UUID habitId) {
                int n = countOfHabit(userId, habitId);
                stored.values()
                        .removeIf(r -> r.userId().equals(userId) && r.habitId().equals(habitId));
                return n;
            }
        };
        Reminders reminders = new Reminders(store, habits, directory, CLOCK, name -> 2);
        Reminders.Reminder first = reminders.create(ann, run.id(), Map.of("time", "07:00"));
        reminders.create(ann, run.id(), Map.of("time", "08:00"));
        assertThatThrownBy(() -> reminders.create(ann, run.id(), Map.of("time", "09:00")))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.REMINDERS_PER_HABIT);
                    assertThat(e.max()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("2 reminders on this habit", "delete one first");
                });
        assertThat(stored).as("nothing stored by the refused call").hasSize(2);
        // the habit's owner and the input come first: another user's habit is not found, bad input names the field
        assertThatThrownBy(() -> reminders.create(UUID.randomUUID(), run.id(), Map.of("time", "09:00")))
                .isInstanceOf(NotFoundException.class);
        assertField(() -> reminders.create(ann, run.id(), Map.of("time", "25:00")), "time");

        reminders.delete(ann, run.id(), first.row().id());
        assertThat(reminders
                        .create(ann, run.id(), Map.of("time", "09:00"))
                        .row()
                        .time())
                .as("deleting one makes room")
                .isEqualTo(LocalTime.of(9, 0));
        assertThat(stored).hasSize(2);
    }

    static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(x -> x.field())
                .contains(field));
    }
}
