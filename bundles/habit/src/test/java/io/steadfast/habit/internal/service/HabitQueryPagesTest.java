package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery.RecordedDay;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.domain.HabitDraft;

/** The paged reads of the export: every habit of the owner, and a habit's records a page at a time. */
class HabitQueryPagesTest {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    final Fixture f = new Fixture(NOW);
    final UUID ann = f.user("Europe/Berlin");
    final LocalDate today = LocalDate.of(2026, 3, 4);

    HabitInfo habit(String name) {
        return f.definitions.create(
                ann,
                new HabitDraft(
                        name,
                        null,
                        "boolean",
                        null,
                        null,
                        new Schedule.Daily(),
                        today.minusDays(30),
                        null,
                        null,
                        null));
    }

    @Test
    void habitsAreEveryHabitOfTheOwnerArchivedOnesToo() {
        habit("Read");
        HabitInfo old = habit("Old");
        f.definitions.patch(ann, old.id(), new HabitDraft(null, null, null, null, null, null, null, null, null, true));
        assertThat(f.query.habits(ann)).extracting(HabitInfo::name).containsExactly("Read", "Old");
        assertThat(f.query.habits(ann).get(1).archived()).isTrue();
        assertThat(f.query.habits(UUID.randomUUID())).isEmpty();
    }

    @Test
    void recordsComeAPageAtATimeAfterTheLastDateOfThePageBefore() {
        HabitInfo h = habit("Read");
        for (int i = 0; i < 7; i++) {
            f.days.put(ann, h.id(), today.minusDays(i), new DayEntry(null, "n" + i, i == 3 ? "skipped" : null));
        }
        List<LocalDate> dates = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        LocalDate after = null;
        while (true) {
            List<RecordedDay> page = f.query.recordsAfter(ann, h.id(), after, 3);
            sizes.add(page.size());
            page.forEach(d -> dates.add(d.date()));
            if (page.size() < 3) {
                break;
            }
            after = page.get(page.size() - 1).date();
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(dates).isSorted().hasSize(7).startsWith(today.minusDays(6)).endsWith(today);
        assertThat(f.query.recordsAfter(ann, h.id(), null, 10))
                .filteredOn(RecordedDay::skipped)
                .extracting(RecordedDay::date)
                .containsExactly(today.minusDays(3));
        assertThat(f.query.recordsAfter(f.user("UTC"), h.id(), null, 10))
                .as("another user's")
                .isEmpty();
    }

    @Test
    void theExportsPagesAreTheSameRecordsAsTheWholeExport() {
        HabitInfo h = habit("Read");
        for (int i = 0; i < 5; i++) {
            f.days.put(ann, h.id(), today.minusDays(i), new DayEntry(null, "n" + i, null));
        }
        HabitExport export =
                new HabitExport(f.habitStore, f.checkinStore, f.directory, f.types, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Checkin> paged = new ArrayList<>(export.checkins(h.id(), null, 2));
        paged.addAll(export.checkins(h.id(), paged.get(1).date(), 2));
        paged.addAll(export.checkins(h.id(), paged.get(3).date(), 2));
        assertThat(paged).isEqualTo(export.export(ann).get(0).checkins());
        assertThat(export.habits(ann)).extracting(HabitInfo::id).containsExactly(h.id());
    }
}
