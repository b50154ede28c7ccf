package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.ScheduleSpec;
import io.steadfast.habit.internal.rest.HabitDtos.HabitDto;

class FeedRendererTest {

    @Test
    void rendersAllDayEventsThatAParserReadsBackWhateverTheJvmTimeZone() {
        TimeZone previous = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            UUID id = UUID.randomUUID();
            HabitDto water = new HabitDto(id, "Water", "8 a day", "count", new BigDecimal("8"), "glasses",
                    new ScheduleSpec("daily", null, null, null), LocalDate.of(2026, 1, 1), null, null, false, 0, true,
                    Instant.now());
            Map<HabitDto, List<LocalDate>> due = new LinkedHashMap<>();
            due.put(water, List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)));
            UserProfile user = new UserProfile(UUID.randomUUID(), "a@b.c", "A", ZoneId.of("Europe/Berlin"),
                    DayOfWeek.MONDAY, 0, "user", Instant.now());
            String ics = FeedRenderer.render(new HabitService.FeedData(user, LocalDate.of(2026, 3, 1),
                    Instant.parse("2026-03-01T08:00:00Z"), due));
            assertThat(ics).as("DTSTAMP comes from the server's clock").contains("DTSTAMP:20260301T080000Z");
            assertThat(ics).contains("BEGIN:VCALENDAR", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302",
                    "UID:" + id + "-2026-03-01@steadfast", "SUMMARY:Water (8 glasses)");
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
