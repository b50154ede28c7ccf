package io.steadfast.transfer.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;

class IcsExportTest {

    static final Instant AT = Instant.parse("2026-03-01T10:15:00Z");

    final FakeHabits habits = new FakeHabits();

    @Test
    void oneAllDayEventPerDoneDayWithAStableUidAndTheServersTime() throws IOException {
        HabitInfo read = habits.habit("Read", "boolean", null, null, new Schedule.Daily(), false);
        HabitInfo water = habits.habit("Water", "count", new BigDecimal("8"), "glasses", new Schedule.Daily(), true);
        LocalDate d = FakeHabits.START;
        habits.day(read, d, null, "chapter 1, \"the start\"\nand more; really", false, null)
                .day(read, d.plusDays(1), null, null, true, null)
                .day(read, d.plusDays(2), null, null, false, "disputed")
                .day(read, d.plusDays(3), null, null, false, "confirmed")
                .day(water, d, "6.50", null, false, null);

        TimeZone previous = TimeZone.getDefault();
        String ics;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            ics = write();
        } finally {
            TimeZone.setDefault(previous);
        }

        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).as("one calendar").hasSize(1);
        List<VEvent> events = calendars.get(0).getEvents();
        assertThat(events).as("done days only: not skipped, not disputed").hasSize(3);
        VEvent first = events.get(0);
        assertThat(first.getSummary().getValue()).isEqualTo("✓ Read");
        assertThat(first.getDescription().getValue()).isEqualTo("chapter 1, \"the start\"\nand more; really");
        assertThat(first.getUid().getValue()).isEqualTo(read.id() + "-2025-01-01-done@steadfast");
        assertThat(first.getDateStart().getValue().hasTime()).isFalse();
        assertThat(first.getDateTimeStamp().getValue().toInstant()).isEqualTo(AT);
        assertThat(ics)
                .contains("DTSTART;VALUE=DATE:20250101", "DTEND;VALUE=DATE:20250102", "DTSTAMP:20260301T101500Z")
                .doesNotContain("VTIMEZONE");
        assertThat(ics).contains("DTSTART;VALUE=DATE:20250104");
        assertThat(events.get(1).getUid().getValue()).isEqualTo(read.id() + "-2025-01-04-done@steadfast");
        assertThat(events.get(2).getSummary().getValue()).isEqualTo("✓ Water 6.5 glasses");
        assertThat(calendars.get(0).getProductId().getValue()).isEqualTo(IcsExport.PRODUCT_ID);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void aLongHistoryIsWrittenAPageAtATimeIntoOneCalendar() throws IOException {
        HabitInfo run = habits.habit("Run", "count", new BigDecimal("1"), "km", new Schedule.Daily(), false);
        for (int i = 0; i < 2500; i++) {
            habits.day(run, FakeHabits.START.plusDays(i), "5", null, i % 10 == 9, null);
        }

        String ics = write();

        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).hasSize(1);
        assertThat(calendars.get(0).getEvents()).hasSize(2250);
        assertThat(calendars.get(0).getEvents().stream()
                        .map(e -> e.getUid().getValue())
                        .distinct())
                .hasSize(2250);
        assertThat(habits.pages).containsExactly(1000, 1000, 1000);
    }

    @Test
    void noHabitsIsAnEmptyCalendar() throws IOException {
        String ics = write();
        assertThat(Biweekly.parse(ics).first().getEvents()).isEmpty();
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
    }

    private String write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcsExport.write(habits, FakeHabits.USER, AT, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
