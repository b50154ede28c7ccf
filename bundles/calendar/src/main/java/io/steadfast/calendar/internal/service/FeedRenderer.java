package io.steadfast.calendar.internal.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

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
import io.steadfast.habit.api.Schedule;

/**
 * Renders the due habits of the coming days as RFC 5545 iCalendar (biweekly): one all-day, transparent event per
 * habit and due day, with a stable UID so calendar apps update rather than duplicate events.
 */
public final class FeedRenderer {

    private FeedRenderer() {}

    public static String render(CalendarFeeds.FeedData data) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Steadfast//Habits//EN");
        ical.setName("Steadfast habits");
        ical.setDescription("Habits due in the coming days");
        ical.setRefreshInterval(new biweekly.util.Duration.Builder().hours(1).build());
        Date stamp = Date.from(data.generatedAt());
        for (Map.Entry<HabitInfo, List<LocalDate>> e : data.due().entrySet()) {
            HabitInfo h = e.getKey();
            for (LocalDate d : e.getValue()) {
                VEvent ev = new VEvent();
                ev.setUid(h.id() + "-" + d + "@steadfast");
                // DTSTAMP from the server's clock (the library would read the system's)
                ev.setDateTimeStamp(stamp);
                ev.setSummary(summary(h));
                if (h.description() != null) {
                    ev.setDescription(h.description());
                }
                ev.setDateStart(new DateStart(allDay(d)));
                ev.setDateEnd(new DateEnd(allDay(d.plusDays(1))));
                ev.setTransparency(Transparency.transparent());
                ev.addCategories("habit");
                ical.addEvent(ev);
            }
        }
        // dates are all-day and written in UTC by global id: no VTIMEZONE, and nothing is downloaded
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone("UTC"), "UTC"));
        return Biweekly.write(ical).go();
    }

    private static String summary(HabitInfo h) {
        StringBuilder s = new StringBuilder(h.name());
        if (h.target() != null && h.unit() != null) {
            s.append(" (")
                    .append(h.target().stripTrailingZeros().toPlainString())
                    .append(' ')
                    .append(h.unit())
                    .append(')');
        }
        if (h.schedule() instanceof Schedule.TimesPerWeek t) {
            s.append(" — ").append(t.times()).append("× this week");
        } else if (h.schedule() instanceof Schedule.TimesPerMonth t) {
            s.append(" — ").append(t.times()).append("× this month");
        }
        return s.toString();
    }

    private static ICalDate allDay(LocalDate d) {
        Date date = Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
        return new ICalDate(date, new DateTimeComponents(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), false);
    }
}
