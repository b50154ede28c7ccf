package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedGoal;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedProfile;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.ArchivedVacation;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;
import io.steadfast.transfer.internal.export.SteadfastDocument;

/**
 * Steadfast's own JSON export ({@link SteadfastDocument}: {@code {"format":"steadfast-export","version":1, …}}),
 * from this server or another. Restored: the profile's settings, the habits in their order with their days,
 * reminders (without their channels) and the vacations. A habit's source id is its id on the exporting server, so
 * importing the same export twice adds nothing. Not restorable, and said in a warning: access tokens (their secrets
 * never leave a server), achievements (earned again from the days), referees' verdicts, partners and groups.
 */
final class SteadfastReader implements ArchiveReader {

    static final String FORMAT = "steadfast";

    /** The value of the document's {@code format} member, which tells it from any other JSON. */
    static final String MARK = SteadfastDocument.FORMAT;

    private static final ObjectMapper MAPPER = Json.MAPPER
            .copy()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(FileSniff sniff) {
        return Heads.jsonObject(sniff.head()) && Heads.text(sniff.head()).contains("\"" + MARK + "\"");
    }

    @Override
    public Archive read(Path file, ImportLimits limits) throws IOException {
        return Guard.read(FORMAT, () -> readFile(file, limits));
    }

    private Archive readFile(Path file, ImportLimits limits) throws IOException {
        SteadfastDocument doc;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = MAPPER.createParser(in)) {
            doc = MAPPER.readValue(p, SteadfastDocument.class);
        } catch (StreamConstraintsException e) {
            throw ImportRefused.unreadable(
                    "This JSON file is nested too deeply or holds a text too long to be a" + " Steadfast export.");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ImportRefused.unreadable("This Steadfast export is damaged or incomplete"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
        if (doc == null || !MARK.equals(doc.format())) {
            throw ImportRefused.unreadable("This JSON file is not a Steadfast export.");
        }
        if (doc.version() != SteadfastDocument.VERSION) {
            throw ImportRefused.unreadable("This Steadfast export is of version " + doc.version()
                    + ", which this server cannot read (it reads version " + SteadfastDocument.VERSION + ").");
        }
        return archive(doc, limits);
    }

    private static Archive archive(SteadfastDocument doc, ImportLimits limits) {
        Collector out = new Collector(FORMAT, limits);
        out.profile(profile(doc.profile()));

        Map<String, List<ArchivedReminder>> reminders = new HashMap<>();
        for (SteadfastDocument.Reminder r : list(doc.reminders())) {
            if (r == null || r.habitId() == null || r.time() == null) {
                continue;
            }
            reminders
                    .computeIfAbsent(r.habitId().toString(), k -> new ArrayList<>())
                    .add(new ArchivedReminder(r.time(), days(r.days()), r.onlyIfNotDone()));
        }

        List<SteadfastDocument.HabitEntry> entries = new ArrayList<>(list(doc.habits()));
        entries.removeIf(e -> e == null || e.habit() == null || e.habit().id() == null);
        entries.sort(Comparator.comparingInt(e -> e.habit().sortOrder()));
        Set<String> ids = new HashSet<>();
        for (SteadfastDocument.HabitEntry e : entries) {
            SteadfastDocument.Habit h = e.habit();
            String id = h.id().toString();
            if (!ids.add(id)) {
                out.skip(1);
                out.warn("A habit given twice in the export (" + id + ") was read once.");
                continue;
            }
            out.habitSeen();
            habit(h, list(e.checkins()), reminders.getOrDefault(id, List.of()), out);
        }
        int orphaned = 0;
        for (String habitId : reminders.keySet()) {
            if (!ids.contains(habitId)) {
                orphaned += reminders.get(habitId).size();
            }
        }
        if (orphaned > 0) {
            out.skip(orphaned);
            out.warn(orphaned + " reminders of habits that are not in the export were left out.");
        }

        for (SteadfastDocument.Vacation v : list(doc.vacations())) {
            if (v == null
                    || v.from() == null
                    || v.to() == null
                    || v.to().isBefore(v.from())
                    || !Collector.inRange(v.from())
                    || !Collector.inRange(v.to())) {
                out.skip(1);
                out.warn("A vacation without valid dates was left out.");
                continue;
            }
            List<String> habits = v.habitIds() == null
                    ? List.of()
                    : v.habitIds().stream()
                            .filter(java.util.Objects::nonNull)
                            .map(Object::toString)
                            .toList();
            out.vacation(new ArchivedVacation(v.from(), v.to(), habits));
        }

        int tokens = list(doc.accessTokens()).size();
        if (tokens > 0) {
            out.skip(tokens);
            out.warn(tokens + " access tokens were not imported: their secrets never leave a server; make new ones.");
        }
        if (!list(doc.achievements()).isEmpty()) {
            out.warn("Achievements are not imported as such: they are earned again from the imported days.");
        }
        return out.archive();
    }

    private static ArchivedProfile profile(SteadfastDocument.Profile p) {
        if (p == null) {
            return null;
        }
        String zone = p.timezone();
        try {
            if (zone != null) {
                ZoneId.of(zone);
            }
        } catch (java.time.DateTimeException e) {
            zone = null;
        }
        DayOfWeek weekStart = p.weekStart() == null ? null : Schedule.parseDayCode(p.weekStart());
        Integer dayStart = p.dayStartsAt() >= 0 && p.dayStartsAt() <= 6 ? p.dayStartsAt() : null;
        return new ArchivedProfile(p.displayName(), zone, weekStart, dayStart);
    }

    private static void habit(
            SteadfastDocument.Habit h,
            List<SteadfastDocument.Checkin> checkins,
            List<ArchivedReminder> reminders,
            Collector out) {
        String name = out.name(h.name(), "Imported habit");
        String label = "habit '" + name + "'";
        Schedule schedule = schedule(h.schedule(), label, out);
        Collector.Days days = out.days();
        int bad = 0;
        for (SteadfastDocument.Checkin c : checkins) {
            if (c == null || c.date() == null || !Collector.inRange(c.date())) {
                bad++;
                continue;
            }
            java.math.BigDecimal value = c.value() == null ? null : Collector.storable(c.value());
            if (c.value() != null && value == null) {
                bad++;
                continue;
            }
            days.put(new ArchivedDay(
                    c.date(),
                    value,
                    out.text(c.note(), Collector.NOTE_MAX, label + ": the note of " + c.date()),
                    c.skipped(),
                    c.backfilled(),
                    c.updatedAt()));
        }
        if (bad > 0) {
            out.skip(bad);
            out.warn(label + ": " + bad + " day records without a valid date or value were left out.");
        }
        String type = h.type() == null || h.type().isBlank() ? "boolean" : h.type();
        if (!h.available()) {
            out.warn(label + ": its type '" + type + "' did not run on the exporting server; it needs that plugin.");
        }
        LocalDate start = h.startDate() != null && Collector.inRange(h.startDate()) ? h.startDate() : days.first();
        SteadfastDocument.Goal g = h.goal();
        ArchivedGoal goal = g == null || g.value() == null ? null : new ArchivedGoal(g.value(), g.direction(), g.by());
        String color = h.color() != null && h.color().matches("#[0-9a-fA-F]{6}")
                ? h.color().toLowerCase(java.util.Locale.ROOT)
                : null;
        out.add(new ArchivedHabit(
                h.id().toString(),
                name,
                out.text(h.description(), Collector.DESCRIPTION_MAX, label + ": its description"),
                type,
                h.target(),
                out.text(h.unit(), Collector.UNIT_MAX, label + ": its unit"),
                schedule,
                start,
                color,
                out.text(h.icon(), 50, label + ": its icon"),
                h.archived(),
                goal,
                days.list(),
                reminders,
                h.createdAt()));
    }

    private static Schedule schedule(SteadfastDocument.Schedule s, String label, Collector out) {
        if (s == null || s.kind() == null) {
            return new Schedule.Daily();
        }
        try {
            return switch (s.kind()) {
                case Schedule.DAILY -> new Schedule.Daily();
                case Schedule.WEEKDAYS -> new Schedule.Weekdays(weekdays(s.days()));
                case Schedule.TIMES_PER_WEEK -> new Schedule.TimesPerWeek(s.times() == null ? 0 : s.times());
                case Schedule.TIMES_PER_MONTH -> new Schedule.TimesPerMonth(s.times() == null ? 0 : s.times());
                case Schedule.EVERY_N_DAYS -> new Schedule.EveryNDays(s.n() == null ? 0 : s.n());
                default -> throw new IllegalArgumentException(s.kind());
            };
        } catch (IllegalArgumentException e) {
            out.warn(label + ": its schedule could not be read; it is now every day.");
            return new Schedule.Daily();
        }
    }

    private static Set<DayOfWeek> weekdays(List<String> codes) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            days.add(Schedule.dayOfWeek(code));
        }
        return days;
    }

    private static Set<DayOfWeek> days(List<String> codes) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            DayOfWeek d = Schedule.parseDayCode(code);
            if (d != null) {
                days.add(d);
            }
        }
        return days;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
