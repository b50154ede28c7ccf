package io.steadfast.transfer.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Transparency;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery.RecordedDay;

/**
 * Writes the iCalendar export (RFC 5545) of a user's past check-ins, for calendar apps: one all-day, transparent
 * VEVENT per done day of every habit (archived ones too), {@code SUMMARY} "✓ Water 6 glasses" (the value and unit
 * for a habit with values), the note as {@code DESCRIPTION}, a {@code UID} stable per habit and day
 * ({@code <habit>-<date>-done@steadfast}: a second import updates rather than duplicates, and it never meets the
 * UIDs of the feed of due days), {@code DTSTAMP} the export's time from the server's clock.
 * <p>
 * Skipped days are left out (they are excused, not something done: a calendar of what was done shows nothing on
 * them), and so are days the habit's referee disputed (they count as not done). Both stay in the JSON and CSV
 * exports. Streamed: biweekly writes only whole calendars, so each page of records becomes a calendar of its
 * events whose VEVENTs are written between one {@code VCALENDAR} head and end; memory holds one page.
 */
public final class IcsExport {

    /** The product id of the calendar. */
    static final String PRODUCT_ID = "-//Steadfast//Export//EN";

    private static final String BEGIN_EVENT = "BEGIN:VEVENT\r\n";
    private static final String END_EVENT = "END:VEVENT\r\n";
    private static final String END_CALENDAR = "END:VCALENDAR\r\n";

    private IcsExport() {}

    /** Writes the calendar to {@code out} (flushed, not closed). */
    public static void write(HabitSource source, UUID userId, Instant exportedAt, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(new CsvExport.Unclosed(out), StandardCharsets.UTF_8));
        ICalendar head = new ICalendar();
        head.setProductId(PRODUCT_ID);
        head.setName("Steadfast: done days");
        head.setExperimentalProperty("X-WR-CALNAME", "Steadfast: done days");
        String h = render(head);
        w.write(h, 0, h.lastIndexOf(END_CALENDAR));
        Date stamp = Date.from(exportedAt);
        for (HabitInfo habit : source.habits(userId)) {
            List<VEvent> page = new ArrayList<>();
            source.eachRecord(userId, habit.id(), d -> {
                if (!d.skipped() && !"disputed".equals(d.verification())) {
                    page.add(event(habit, d, stamp));
                }
                if (page.size() >= HabitSource.PAGE) {
                    events(w, page);
                }
            });
            events(w, page);
        }
        w.write(END_CALENDAR);
        w.flush();
    }

    /** Writes the VEVENTs of {@code page} and empties it. */
    private static void events(Writer w, List<VEvent> page) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        ICalendar ical = new ICalendar();
        page.forEach(ical::addEvent);
        String text = render(ical);
        int from = text.indexOf(BEGIN_EVENT);
        int to = text.lastIndexOf(END_EVENT) + END_EVENT.length();
        w.write(text, from, to - from);
        w.flush();
        page.clear();
    }

    static VEvent event(HabitInfo habit, RecordedDay d, Date stamp) {
        VEvent ev = new VEvent();
        ev.setUid(habit.id() + "-" + d.date() + "-done@steadfast");
        // DTSTAMP from the server's clock (the library would read the system's)
        ev.setDateTimeStamp(stamp);
        ev.setSummary(summary(habit, d.value()));
        if (d.note() != null && !d.note().isBlank()) {
            ev.setDescription(d.note());
        }
        ev.setDateStart(new DateStart(allDay(d.date())));
        ev.setDateEnd(new DateEnd(allDay(d.date().plusDays(1))));
        ev.setTransparency(Transparency.transparent());
        ev.addCategories("habit");
        return ev;
    }

    /** "✓ Read"; with a value (not a yes-or-no habit) "✓ Water 6 glasses". */
    static String summary(HabitInfo habit, BigDecimal value) {
        StringBuilder s = new StringBuilder("✓ ").append(habit.name());
        if (value != null && !"boolean".equals(habit.type())) {
            s.append(' ').append(value.stripTrailingZeros().toPlainString());
            if (habit.unit() != null && !habit.unit().isBlank()) {
                s.append(' ').append(habit.unit());
            }
        }
        return s.toString();
    }

    private static String render(ICalendar ical) {
        // all-day dates, written in UTC by global id: no VTIMEZONE, nothing read from the JVM's zone
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone("UTC"), "UTC"));
        return Biweekly.write(ical).go();
    }

    private static ICalDate allDay(LocalDate d) {
        Date date = Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
        return new ICalDate(date, new DateTimeComponents(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), false);
    }
}
