package io.steadfast.calendar.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;

class FeedRendererTest {

    @Test
    void rendersAllDayEventsThatAParserReadsBackWhateverTheJvmTimeZone() {
        TimeZone previous = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            UUID id = UUID.randomUUID();
            HabitInfo water = new HabitInfo(
                    id,
                    UUID.randomUUID(),
                    "Water",
                    "8 a day",
                    "count",
                    new BigDecimal("8"),
                    "glasses",
                    new Schedule.Daily(),
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 1),
                    null,
                    null,
                    false,
                    0,
                    true,
                    Instant.parse("2026-01-01T08:00:00Z"),
                    DayOfWeek.MONDAY,
                    LocalDate.of(2026, 3, 1),
                    null,
                    LocalDate.of(2026, 1, 1));
            Map<HabitInfo, List<LocalDate>> due = new LinkedHashMap<>();
            due.put(water, List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)));
            String ics = FeedRenderer.render(
                    new CalendarFeeds.FeedData(LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T08:00:00Z"), due));
            assertThat(ics).as("DTSTAMP comes from the server's clock").contains("DTSTAMP:20260301T080000Z");
            assertThat(ics)
                    .contains(
                            "BEGIN:VCALENDAR",
                            "DTSTART;VALUE=DATE:20260301",
                            "DTEND;VALUE=DATE:20260302",
                            "UID:" + id + "-2026-03-01@steadfast",
                            "SUMMARY:Water (8 glasses)");
            ICalendar parsed = Biweekly.parse(ics).first();
            assertThat(parsed.getEvents()).hasSize(2);
            VEvent first = parsed.getEvents().get(0);
            assertThat(first.getSummary().getValue()).isEqualTo("Water (8 glasses)");
            assertThat(first.getDateStart().getValue().hasTime()).isFalse();
        } finally {
            TimeZone.setDefault(previous);
        }
    }
}
