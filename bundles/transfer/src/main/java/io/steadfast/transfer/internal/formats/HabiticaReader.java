package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * Habitica's user data export ({@code Settings → Site Data → Export Data → User Data (JSON)}, the document of
 * {@code /export/userdata.json}): the user object with its tasks grouped by type under
 * {@code tasks: {habits, dailys, todos, rewards}}. Also read: the API's shape ({@code {"success":true,
 * "data":{…}}}, or {@code data} as a list of tasks) and older user objects with the task lists at the top.
 * <p>
 * The file is read as a stream: only the task lists, {@code preferences} and {@code tasksOrder} become trees; the
 * rest (inbox, items, achievements …) is skipped unread. Days are the user's: instants are moved by
 * {@code preferences.timezoneOffset} (minutes, as JavaScript's {@code getTimezoneOffset}: UTC+2 is {@code -120})
 * and by {@code preferences.dayStart} (the hour Habitica's day begins).
 */
final class HabiticaReader implements ArchiveReader {

    static final String FORMAT = "habitica";

    private static final String NOT_HABITICA = "This JSON file is not a Habitica user data export.";

    private static final List<String> MARKS = List.of(
            "\"auth\"",
            "\"achievements\"",
            "\"tasksOrder\"",
            "\"dailys\"",
            "\"habits\"",
            "\"todos\"",
            "\"rewards\"",
            "\"tasks\"",
            "\"habitBirthdays\"",
            "\"preferences\"");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(FileSniff sniff) {
        if (!Heads.jsonObject(sniff.head())) {
            return false;
        }
        String head = Heads.text(sniff.head());
        return !head.contains(SteadfastReader.MARK) && MARKS.stream().anyMatch(head::contains);
    }

    /** What the walk of the document found. */
    private static final class Found {
        final Map<String, List<JsonNode>> tasks = new LinkedHashMap<>();
        JsonNode preferences;
        JsonNode tasksOrder;

        void task(String listName, JsonNode task) {
            String type = task.path("type").asText("");
            if (type.isEmpty()) {
                type = listName.endsWith("s") ? listName.substring(0, listName.length() - 1) : listName;
            }
            tasks.computeIfAbsent(type, k -> new ArrayList<>()).add(task);
        }

        int total() {
            return tasks.values().stream().mapToInt(List::size).sum();
        }
    }

    @Override
    public Archive read(Path file, ImportLimits limits) throws IOException {
        return Guard.read(FORMAT, () -> readFile(file, limits));
    }

    private Archive readFile(Path file, ImportLimits limits) throws IOException {
        Found found = new Found();
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = Json.MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ImportRefused.unreadable(NOT_HABITICA);
            }
            object(p, found, 0, limits);
            if (p.nextToken() != null) {
                throw ImportRefused.unreadable("This JSON file has more after its end; it is not a Habitica export.");
            }
        } catch (StreamConstraintsException e) {
            throw ImportRefused.unreadable(
                    "This JSON file is nested too deeply or holds a text too long to be a" + " Habitica export.");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ImportRefused.unreadable("This JSON file is damaged or incomplete (" + where(e) + ").");
        }
        if (found.tasks.isEmpty() && found.preferences == null && found.tasksOrder == null) {
            throw ImportRefused.unreadable(NOT_HABITICA);
        }
        return archive(found, limits);
    }

    private static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "it cannot be parsed" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static void object(JsonParser p, Found found, int depth, ImportLimits limits) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "data" -> {
                    if (t == JsonToken.START_OBJECT && depth == 0) {
                        object(p, found, 1, limits);
                    } else if (t == JsonToken.START_ARRAY) {
                        list(p, "tasks", found, limits);
                    } else {
                        p.skipChildren();
                    }
                }
                case "tasks" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String list = p.currentName();
                            if (p.nextToken() == JsonToken.START_ARRAY) {
                                list(p, list, found, limits);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else if (t == JsonToken.START_ARRAY) {
                        list(p, "tasks", found, limits);
                    } else {
                        p.skipChildren();
                    }
                }
                case "habits", "dailys", "todos", "rewards" -> {
                    if (t == JsonToken.START_ARRAY) {
                        list(p, field, found, limits);
                    } else {
                        p.skipChildren();
                    }
                }
                case "preferences" -> found.preferences = t == JsonToken.START_OBJECT ? p.readValueAsTree() : skip(p);
                case "tasksOrder" -> found.tasksOrder = t == JsonToken.START_OBJECT ? p.readValueAsTree() : skip(p);
                default -> p.skipChildren();
            }
        }
    }

    private static JsonNode skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void list(JsonParser p, String name, Found found, ImportLimits limits) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                found.task(name, p.readValueAsTree());
                if (found.total() > limits.maxHabits() * 20L + 10_000) { // to-dos and rewards included
                    throw ImportRefused.tooLarge("The file holds more tasks than can be imported at once.");
                }
            } else {
                p.skipChildren();
            }
        }
    }

    // --- mapping ---------------------------------------------------------------------------------------------------

    /** The user's clock: JavaScript's offset in minutes (UTC+2 is -120) and the hour the day begins. */
    private record Clock(int offsetMinutes, int dayStartHours) {

        /** The Habitica day of an instant: local time, less the hours before the day starts. */
        LocalDate day(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                    .minusMinutes(offsetMinutes)
                    .minusHours(dayStartHours)
                    .toLocalDate();
        }

        LocalDateTime local(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).minusMinutes(offsetMinutes);
        }

        /** The calendar day of a "start of day" instant (a quarter of an hour early still counts as the next day). */
        LocalDate startDay(Instant instant) {
            return local(instant).plusHours(2).toLocalDate();
        }
    }

    private Archive archive(Found found, ImportLimits limits) {
        Collector out = new Collector(FORMAT, limits);
        JsonNode prefs = found.preferences;
        int offset = prefs == null ? 0 : prefs.path("timezoneOffset").asInt(0);
        if (offset < -16 * 60 || offset > 16 * 60) {
            offset = 0;
        }
        int dayStart = prefs == null ? 0 : prefs.path("dayStart").asInt(0);
        if (dayStart < 0 || dayStart > 23) {
            dayStart = 0;
        }
        if (prefs == null || !prefs.has("timezoneOffset")) {
            out.warn("The file does not say your time zone; days were read in UTC.");
        }
        Clock clock = new Clock(offset, dayStart);

        List<JsonNode> dailies = ordered(found.tasks.getOrDefault("daily", List.of()), found.tasksOrder, "dailys");
        List<JsonNode> habits = ordered(found.tasks.getOrDefault("habit", List.of()), found.tasksOrder, "habits");
        for (JsonNode d : dailies) {
            daily(d, clock, out);
        }
        for (JsonNode h : habits) {
            habit(h, clock, out);
        }
        int todos = found.tasks.getOrDefault("todo", List.of()).size();
        int rewards = found.tasks.getOrDefault("reward", List.of()).size();
        int others = found.total() - dailies.size() - habits.size() - todos - rewards;
        if (todos + rewards + others > 0) {
            out.skip(todos + rewards + others);
            out.warn(todos + " to-dos and " + (rewards + others) + " rewards were left out: Steadfast keeps habits,"
                    + " not one-off tasks or rewards.");
        }
        return out.archive();
    }

    /** The tasks in the order of {@code tasksOrder.<list>}, the others after them as the file has them. */
    private static List<JsonNode> ordered(List<JsonNode> tasks, JsonNode order, String list) {
        if (order == null || !order.path(list).isArray()) {
            return tasks;
        }
        Map<String, Integer> rank = new HashMap<>();
        int i = 0;
        for (JsonNode id : order.path(list)) {
            rank.putIfAbsent(id.asText(), i++);
        }
        List<JsonNode> sorted = new ArrayList<>(tasks);
        int last = i;
        sorted.sort((a, b) -> Integer.compare(rank.getOrDefault(id(a), last), rank.getOrDefault(id(b), last)));
        return sorted;
    }

    private static String id(JsonNode task) {
        String id = task.path("id").asText("");
        return id.isBlank() ? task.path("_id").asText("") : id;
    }

    /** An instant from a number of milliseconds or an ISO text; {@code null} for anything else. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return Instant.ofEpochMilli(node.asLong());
            }
            String s = node.asText("").strip();
            if (s.matches("\\d{1,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static void daily(JsonNode task, Clock clock, Collector out) {
        String sourceId = id(task);
        if (sourceId.isBlank()) {
            out.skip(1);
            out.warn("A daily without an id was left out.");
            return;
        }
        out.habitSeen();
        String name = out.name(task.path("text").asText(""), "Habitica daily");
        String label = "daily '" + name + "'";
        Schedule schedule = schedule(task, label, out);

        // days: completed entries (newer exports), or a value that rose since the previous entry (older ones: such an
        // entry is written when the day is over, so the day done is the one before it)
        Map<LocalDate, Boolean> done = new TreeMap<>();
        double previous = 0;
        int bad = 0;
        for (JsonNode entry : task.path("history")) {
            Instant at = instant(entry.get("date"));
            if (at == null) {
                bad++;
                continue;
            }
            double value = entry.path("value").asDouble(previous);
            if (entry.has("completed")) {
                if (entry.path("completed").asBoolean(false)) {
                    done.put(clock.day(at), true);
                }
            } else if (value > previous) {
                done.put(clock.day(at).minusDays(1), true);
            }
            previous = value;
        }
        Collector.Days days = out.days();
        for (LocalDate d : done.keySet()) {
            if (Collector.inRange(d)) {
                days.put(new ArchivedDay(d, null, null, false));
            } else {
                bad++;
            }
        }
        if (bad > 0) {
            out.skip(bad);
            out.warn(label + ": " + bad + " history entries without a date that can be read were left out.");
        }
        Instant startAt = instant(task.get("startDate"));
        if (startAt == null) {
            startAt = instant(task.get("createdAt"));
        }
        LocalDate start = startAt == null ? null : clock.startDay(startAt);
        if (start != null && !Collector.inRange(start)) {
            start = null;
        }
        LocalDate first = days.first();
        if (start == null) {
            start = first;
        } else if (first != null && first.isBefore(start)) {
            if (schedule instanceof Schedule.EveryNDays every && every.n() > 1) {
                long periods = (ChronoUnit.DAYS.between(first, start) + every.n() - 1) / every.n();
                start = start.minusDays(periods * every.n()); // still on the same every-n-days rhythm
            } else {
                start = first;
            }
        }
        out.add(new ArchivedHabit(
                sourceId,
                name,
                out.text(task.path("notes").asText(null), Collector.DESCRIPTION_MAX, label + ": its notes"),
                "boolean",
                null,
                null,
                schedule,
                start,
                null,
                null,
                false,
                null,
                days.list(),
                reminders(task, clock)));
    }

    private static Schedule schedule(JsonNode task, String label, Collector out) {
        String frequency = task.path("frequency").asText("weekly");
        int everyX = task.path("everyX").asInt(1);
        switch (frequency) {
            case "daily": {
                if (everyX <= 1) {
                    if (everyX < 1) {
                        out.warn(label + ": it was never due in Habitica (every 0 days); it is now every day.");
                    }
                    return new Schedule.Daily();
                }
                if (everyX > Schedule.EveryNDays.MAX) {
                    out.warn(label + ": every " + everyX + " days became every " + Schedule.EveryNDays.MAX + " days.");
                    return new Schedule.EveryNDays(Schedule.EveryNDays.MAX);
                }
                return new Schedule.EveryNDays(everyX);
            }
            case "weekly": {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                JsonNode repeat = task.path("repeat");
                String[] keys = {"m", "t", "w", "th", "f", "s", "su"};
                for (int i = 0; i < keys.length; i++) {
                    if (repeat.path(keys[i]).asBoolean(!repeat.isObject())) {
                        days.add(DayOfWeek.MONDAY.plus(i));
                    }
                }
                if (everyX > 1) {
                    out.warn(label + ": every " + everyX + " weeks became every week.");
                }
                if (days.isEmpty()) {
                    out.warn(label + ": it was due on no day of the week in Habitica; it is now every day.");
                    return new Schedule.Daily();
                }
                return days.size() == 7 ? new Schedule.Daily() : new Schedule.Weekdays(days);
            }
            case "monthly": {
                int times = Math.max(
                        task.path("daysOfMonth").size(),
                        task.path("weeksOfMonth").size());
                times = Math.max(1, Math.min(Schedule.TimesPerMonth.MAX, times));
                out.warn(label + ": Habitica's monthly repeat (on set days of the month"
                        + (everyX > 1 ? ", every " + everyX + " months" : "") + ") became " + times
                        + (times == 1 ? " time" : " times") + " a month, on any days.");
                return new Schedule.TimesPerMonth(times);
            }
            case "yearly": {
                out.warn(label + ": once a year became once a month: Steadfast's longest period is a month.");
                return new Schedule.TimesPerMonth(1);
            }
            default: {
                out.warn(label + ": its repeat '" + frequency + "' is unknown; it is now every day.");
                return new Schedule.Daily();
            }
        }
    }

    private static List<ArchivedReminder> reminders(JsonNode task, Clock clock) {
        List<ArchivedReminder> reminders = new ArrayList<>();
        for (JsonNode r : task.path("reminders")) {
            Instant time = instant(r.get("time"));
            if (time != null) {
                LocalTime t = clock.local(time).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
                ArchivedReminder reminder = new ArchivedReminder(t, Set.of(), true);
                if (!reminders.contains(reminder)) {
                    reminders.add(reminder);
                }
            }
        }
        return reminders;
    }

    private static void habit(JsonNode task, Clock clock, Collector out) {
        String sourceId = id(task);
        if (sourceId.isBlank()) {
            out.skip(1);
            out.warn("A habit without an id was left out.");
            return;
        }
        out.habitSeen();
        String name = out.name(task.path("text").asText(""), "Habitica habit");
        String label = "habit '" + name + "'";
        boolean up = task.path("up").asBoolean(true);
        boolean down = task.path("down").asBoolean(true);
        boolean negative = down && !up;
        if (up && down) {
            out.warn(label + ": its + clicks became a count of at least 1 a day; its − clicks were left out.");
        } else if (negative) {
            out.warn(label + ": a habit with only − became a limit of 0 a day: each − click counts one.");
        } else if (!up) {
            out.warn(label + ": it had neither + nor −; it became a count of at least 1 a day.");
        }

        Map<LocalDate, long[]> perDay = new TreeMap<>(); // {up, down}
        double previous = 0;
        int bad = 0;
        for (JsonNode entry : task.path("history")) {
            Instant at = instant(entry.get("date"));
            if (at == null) {
                bad++;
                continue;
            }
            long[] counts = perDay.computeIfAbsent(clock.day(at), d -> new long[2]);
            double value = entry.path("value").asDouble(previous);
            if (entry.has("scoredUp") || entry.has("scoredDown")) {
                counts[0] += Math.max(0, entry.path("scoredUp").asLong(0));
                counts[1] += Math.max(0, entry.path("scoredDown").asLong(0));
            } else if (value > previous) { // older exports: one entry per click
                counts[0]++;
            } else if (value < previous) {
                counts[1]++;
            }
            previous = value;
        }
        Collector.Days days = out.days();
        for (Map.Entry<LocalDate, long[]> e : perDay.entrySet()) {
            long count = negative ? e.getValue()[1] : e.getValue()[0];
            if (count <= 0) {
                continue;
            }
            if (!Collector.inRange(e.getKey())) {
                bad++;
                continue;
            }
            days.put(new ArchivedDay(e.getKey(), Collector.storable(BigDecimal.valueOf(count)), null, false));
        }
        if (bad > 0) {
            out.skip(bad);
            out.warn(label + ": " + bad + " history entries without a date that can be read were left out.");
        }
        Instant created = instant(task.get("createdAt"));
        LocalDate start = created == null ? null : clock.day(created);
        if (start != null && !Collector.inRange(start)) {
            start = null;
        }
        LocalDate first = days.first();
        if (start == null || (first != null && first.isBefore(start))) {
            start = first;
        }
        out.add(new ArchivedHabit(
                sourceId,
                name,
                out.text(task.path("notes").asText(null), Collector.DESCRIPTION_MAX, label + ": its notes"),
                negative ? "limit" : "count",
                negative ? BigDecimal.ZERO : BigDecimal.ONE,
                null,
                new Schedule.Daily(),
                start,
                null,
                null,
                false,
                null,
                days.list(),
                reminders(task, clock)));
    }
}
