package io.steadfast.habit.internal.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.api.ScheduleSpec;
import io.steadfast.habit.internal.domain.AgendaItem;
import io.steadfast.habit.internal.domain.EraCalendar;
import io.steadfast.habit.internal.domain.ScheduleEra;
import io.steadfast.habit.internal.domain.UserDay;
import io.steadfast.habit.internal.rest.HabitDtos.Calendar;
import io.steadfast.habit.internal.rest.HabitDtos.CalendarDay;
import io.steadfast.habit.internal.rest.HabitDtos.CalendarHabit;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinDto;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinInput;
import io.steadfast.habit.internal.rest.HabitDtos.HabitDto;
import io.steadfast.habit.internal.rest.HabitDtos.HabitExport;
import io.steadfast.habit.internal.rest.HabitDtos.HabitInput;
import io.steadfast.habit.internal.rest.HabitDtos.HabitTypeDto;
import io.steadfast.habit.internal.rest.HabitDtos.Heatmap;
import io.steadfast.habit.internal.rest.HabitDtos.HeatmapDay;
import io.steadfast.habit.internal.rest.HabitDtos.PeriodDto;
import io.steadfast.habit.internal.rest.HabitDtos.Progress;
import io.steadfast.habit.internal.rest.HabitDtos.Today;
import io.steadfast.habit.internal.rest.HabitDtos.TodayItem;
import io.steadfast.storage.habit.CalendarFeedStore;
import io.steadfast.storage.habit.CheckinRow;
import io.steadfast.storage.habit.CheckinStore;
import io.steadfast.storage.habit.HabitRow;
import io.steadfast.storage.habit.HabitStore;
import io.steadfast.storage.habit.IncrementResult;

/**
 * Habits, their day records, the day's agenda and the calendar. Every method takes the caller's user id and
 * answers 404 for anything the caller does not own. Dates are the user's local dates (time zone and day start from
 * the profile).
 */
@Component(service = HabitService.class)
public class HabitService {

    public static final int MAX_CALENDAR_DAYS = 366;
    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HabitStore habits;
    private final CheckinStore checkins;
    private final CalendarFeedStore feeds;
    private final UserDirectory directory;
    private final HabitTypeRegistry types;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;

    @Activate
    public HabitService(@Reference HabitStore habits, @Reference CheckinStore checkins,
            @Reference CalendarFeedStore feeds, @Reference UserDirectory directory,
            @Reference HabitTypeRegistry types, @Reference Clock clock) {
        this.habits = habits;
        this.checkins = checkins;
        this.feeds = feeds;
        this.directory = directory;
        this.types = types;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ types

    public List<HabitTypeDto> types() {
        return types.all().stream().map(t -> new HabitTypeDto(t.key(), t.name(), t.description(), t.needsTarget(),
                t.valueKind().name().toLowerCase(java.util.Locale.ROOT), t.defaultUnit())).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------------ habits

    public HabitDto create(UUID userId, HabitInput in) {
        if (in == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        UserProfile user = profile(userId);
        List<FieldError> errors = new ArrayList<>();
        String name = checkName(in.name(), errors);
        Optional<HabitType> type = Optional.empty();
        if (in.type() == null || in.type().isBlank()) {
            errors.add(new FieldError("type", "is required; see GET /api/v1/habit-types"));
        } else {
            type = types.get(in.type());
            if (type.isEmpty()) {
                errors.add(new FieldError("type", "unknown habit type '" + in.type() + "'; see GET /api/v1/habit-types"));
            }
        }
        checkTarget(type.orElse(null), in.target(), true, errors);
        Schedule schedule = null;
        if (in.schedule() == null) {
            errors.add(new FieldError("schedule", "is required, e.g. {\"kind\":\"daily\"}"));
        } else {
            schedule = collect(() -> in.schedule().toSchedule(), errors);
        }
        checkOptional(in.description(), "description", 2000, errors);
        checkOptional(in.unit(), "unit", 30, errors);
        checkOptional(in.icon(), "icon", 50, errors);
        checkColor(in.color(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate start = in.startDate() != null ? in.startDate() : today(user);
        String unit = in.unit() != null ? in.unit().trim() : type.get().defaultUnit();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HabitRow row = habits.create(new HabitRow(UUID.randomUUID(), userId, name, blankToNull(in.description()),
                type.get().key(), in.target(), blankToNull(unit), ScheduleCodec.encode(schedule), start,
                blankToNull(in.color()), blankToNull(in.icon()), Boolean.TRUE.equals(in.archived()), 0, now, now));
        habitChanged(userId, row.id());
        return dto(row);
    }

    public List<HabitDto> list(UUID userId, boolean archived) {
        return habits.list(userId, archived).stream().map(this::dto).collect(Collectors.toList());
    }

    public HabitDto get(UUID userId, UUID habitId) {
        return dto(habit(userId, habitId));
    }

    public HabitDto patch(UUID userId, UUID habitId, HabitInput in) {
        HabitRow h = habit(userId, habitId);
        if (in == null) {
            throw new ValidationException("body", "a JSON object with the fields to change is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() != null ? checkName(in.name(), errors) : h.name();
        if (in.type() != null && !in.type().equals(h.typeKey())) {
            errors.add(new FieldError("type", "cannot be changed; create a new habit instead"));
        }
        BigDecimal target = in.target() != null ? in.target() : h.target();
        if (in.target() != null) {
            checkTarget(types.get(h.typeKey()).orElse(null), in.target(), false, errors);
        }
        String schedule = h.schedule();
        Schedule nextSchedule = null;
        if (in.schedule() != null) {
            nextSchedule = collect(() -> in.schedule().toSchedule(), errors);
        }
        checkOptional(in.description(), "description", 2000, errors);
        checkOptional(in.unit(), "unit", 30, errors);
        checkOptional(in.icon(), "icon", 50, errors);
        checkColor(in.color(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        LocalDate start = in.startDate() != null ? in.startDate() : h.startDate();
        if (nextSchedule != null) {
            // a schedule change applies from the user's today on; the days before keep their schedule
            LocalDate from = today(profile(userId));
            schedule = ScheduleCodec.change(h.schedule(), start, from.isBefore(start) ? start : from, nextSchedule);
        }
        HabitRow next = new HabitRow(h.id(), userId, name,
                in.description() != null ? blankToNull(in.description()) : h.description(), h.typeKey(), target,
                in.unit() != null ? blankToNull(in.unit()) : h.unit(), schedule,
                in.startDate() != null ? in.startDate() : h.startDate(),
                in.color() != null ? blankToNull(in.color()) : h.color(),
                in.icon() != null ? blankToNull(in.icon()) : h.icon(),
                in.archived() != null ? in.archived() : h.archived(), h.sortOrder(), h.createdAt(), clock.instant());
        HabitDto out = dto(habits.update(next).orElseThrow(() -> ApiException.notFound("Habit")));
        habitChanged(userId, habitId);
        return out;
    }

    public void delete(UUID userId, UUID habitId) {
        if (!habits.delete(userId, habitId)) {
            throw ApiException.notFound("Habit");
        }
        habitChanged(userId, habitId);
    }

    public void reorder(UUID userId, List<String> ids) {
        if (ids == null) {
            throw new ValidationException("body", "a JSON array of habit ids is required");
        }
        Map<UUID, HabitRow> mine = habits.listAll(userId).stream()
                .collect(Collectors.toMap(HabitRow::id, h -> h));
        List<UUID> order = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            UUID u = parseOrNull(id);
            if (u == null || !mine.containsKey(u)) {
                unknown.add(String.valueOf(id));
            } else if (!order.contains(u)) {
                order.add(u);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("ids", "no such habits: " + String.join(", ", unknown));
        }
        habits.reorder(userId, order);
    }

    // ------------------------------------------------------------------------------------------------ check-ins

    public CheckinDto putCheckin(UUID userId, UUID habitId, String dateText, CheckinInput in) {
        HabitRow h = habit(userId, habitId);
        UserProfile user = profile(userId);
        LocalDate date = writableDate(h, user, dateText);
        HabitType type = availableType(h);
        if (in == null) {
            throw new ValidationException("body", "a JSON object is required: {value?, note?, status?}");
        }
        String status = in.status() == null ? "done" : in.status().trim().toLowerCase(java.util.Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (!"done".equals(status) && !"skipped".equals(status)) {
            errors.add(new FieldError("status", "must be done or skipped"));
        }
        checkOptional(in.note(), "note", 4000, errors);
        if (in.value() != null && in.value().abs().compareTo(MAX_VALUE) > 0) {
            errors.add(new FieldError("value", "is out of range"));
        }
        if (errors.isEmpty()) {
            type.validate(definition(h), new HabitType.DayRecord(in.value(), in.note(), "skipped".equals(status)))
                    .ifPresent(m -> errors.add(new FieldError(type.valueKind() == HabitType.ValueKind.TEXT ? "note"
                            : "value", m)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<CheckinRow> existing = checkins.find(habitId, date);
        if (existing.isPresent() && same(existing.get(), in.value(), in.note(), status)) {
            return dto(existing.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean backfilled = date.isBefore(today(user));
        CheckinRow row = checkins.put(new CheckinRow(habitId, date, in.value(), blankToNull(in.note()), status,
                backfilled, existing.map(CheckinRow::createdAt).orElse(now), now));
        checkinChanged(userId, habitId, date);
        return dto(row);
    }

    public void deleteCheckin(UUID userId, UUID habitId, String dateText) {
        HabitRow h = habit(userId, habitId);
        LocalDate date = parseDate(dateText, "date");
        availableType(h);
        if (checkins.delete(h.id(), date)) {
            checkinChanged(userId, habitId, date);
        }
    }

    /** Adds to the day's value. With an idempotency key, a replay adds nothing and answers the first result. */
    public Increment increment(UUID userId, UUID habitId, String dateText, BigDecimal delta, String idempotencyKey) {
        HabitRow h = habit(userId, habitId);
        UserProfile user = profile(userId);
        LocalDate date = writableDate(h, user, dateText);
        HabitType type = availableType(h);
        if (type.valueKind() != HabitType.ValueKind.NUMBER) {
            throw new ValidationException("delta", "habits of type " + type.key() + " have no value to add to");
        }
        if (delta == null || delta.signum() <= 0 || delta.compareTo(MAX_VALUE) > 0) {
            throw new ValidationException("delta", "must be a positive number");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ValidationException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String requestHash = sha256(habitId + "|" + date + "|" + delta.stripTrailingZeros().toPlainString());
        IncrementResult r = checkins.increment(userId, habitId, date, delta, date.isBefore(today(user)),
                idempotencyKey, requestHash, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (r.replayed() && !requestHash.equals(r.requestHash())) {
            throw new ValidationException("Idempotency-Key", "was already used for a different request");
        }
        if (!r.replayed()) {
            checkinChanged(userId, habitId, date);
        }
        return new Increment(dto(r.row()), r.replayed());
    }

    /** The result of an increment. */
    public record Increment(CheckinDto checkin, boolean replayed) {
    }

    public List<CheckinDto> checkins(UUID userId, UUID habitId, String fromText, String toText) {
        HabitRow h = habit(userId, habitId);
        UserProfile user = profile(userId);
        LocalDate to = toText == null ? today(user) : parseDate(toText, "to");
        LocalDate from = fromText == null ? to.minusDays(30) : parseDate(fromText, "from");
        range(from, to, 3660);
        return checkins.range(h.id(), from, to).stream().map(HabitService::dto).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------------ agenda

    public Today today(UUID userId, String dateText) {
        UserProfile user = profile(userId);
        LocalDate today = today(user);
        LocalDate date = dateText == null ? today : parseDate(dateText, "date");
        List<HabitRow> active = habits.list(userId, false);
        Map<UUID, Map<LocalDate, HabitType.DayRecord>> records = records(active, date.minusDays(31), date);
        List<TodayItem> items = new ArrayList<>();
        for (HabitRow h : active) {
            Map<LocalDate, HabitType.DayRecord> recs = records.getOrDefault(h.id(), Map.of());
            AgendaItem a = EraCalendar.item(eras(h), type(h), definition(h), recs::get, date, today,
                    user.weekStart());
            items.add(new TodayItem(dto(h), a.due(), a.state().json(), new Progress(a.progress(), a.target()),
                    a.period() == null ? null : new PeriodDto(a.period().done(), a.period().times(),
                            a.period().start(), a.period().end())));
        }
        return new Today(date, user.timezone().getId(), items);
    }

    public Calendar calendar(UUID userId, String fromText, String toText) {
        UserProfile user = profile(userId);
        LocalDate today = today(user);
        LocalDate to = toText == null ? today : parseDate(toText, "to");
        LocalDate from = fromText == null ? to.minusDays(27) : parseDate(fromText, "from");
        range(from, to, MAX_CALENDAR_DAYS);
        List<HabitRow> active = habits.list(userId, false);
        Map<UUID, Map<LocalDate, HabitType.DayRecord>> records = records(active, from.minusDays(31), to);
        Map<LocalDate, List<CalendarHabit>> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new ArrayList<>());
        }
        for (HabitRow h : active) {
            Map<LocalDate, HabitType.DayRecord> recs = records.getOrDefault(h.id(), Map.of());
            NavigableMap<LocalDate, AgendaItem> range = EraCalendar.range(eras(h), type(h), definition(h), recs::get,
                    from, to, today, user.weekStart());
            range.forEach((d, a) -> days.get(d).add(new CalendarHabit(h.id(), a.due(), a.state().json(),
                    a.progress())));
        }
        List<CalendarDay> out = new ArrayList<>();
        days.forEach((d, hs) -> out.add(new CalendarDay(d, hs)));
        return new Calendar(from, to, out);
    }

    public Heatmap heatmap(UUID userId, UUID habitId, Integer year) {
        HabitRow h = habit(userId, habitId);
        UserProfile user = profile(userId);
        LocalDate today = today(user);
        int y = year == null ? today.getYear() : year;
        if (y < 1970 || y > 9999) {
            throw new ValidationException("year", "must be a year such as " + today.getYear());
        }
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        Map<LocalDate, HabitType.DayRecord> recs = new HashMap<>();
        for (CheckinRow c : checkins.range(h.id(), from.minusDays(31), to)) {
            recs.put(c.date(), record(c));
        }
        NavigableMap<LocalDate, AgendaItem> range = EraCalendar.range(eras(h), type(h), definition(h), recs::get,
                from, to, today, user.weekStart());
        List<HeatmapDay> days = new ArrayList<>();
        range.forEach((d, a) -> days.add(new HeatmapDay(d, recs.containsKey(d) ? recs.get(d).value() : null,
                a.state().json())));
        return new Heatmap(h.id(), y, days);
    }

    // ------------------------------------------------------------------------------------------------ feed

    /** Creates or rotates the caller's calendar feed secret; returns the secret. */
    public String rotateFeed(UUID userId) {
        profile(userId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "sfc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        feeds.put(userId, sha256(secret), clock.instant());
        return secret;
    }

    public Optional<UUID> feedOwner(String secret) {
        if (secret == null || !secret.startsWith("sfc_") || secret.length() > 100) {
            return Optional.empty();
        }
        return feeds.userFor(sha256(secret));
    }

    /** The next {@code days} days' agenda for the feed: per habit, the dates it is due. */
    public FeedData feedData(UUID userId, int days) {
        UserProfile user = profile(userId);
        LocalDate today = today(user);
        LocalDate to = today.plusDays(days - 1);
        List<HabitRow> active = habits.list(userId, false);
        Map<UUID, Map<LocalDate, HabitType.DayRecord>> records = records(active, today.minusDays(31), today);
        Map<HabitDto, List<LocalDate>> due = new LinkedHashMap<>();
        for (HabitRow h : active) {
            Map<LocalDate, HabitType.DayRecord> recs = records.getOrDefault(h.id(), Map.of());
            NavigableMap<LocalDate, AgendaItem> range = EraCalendar.range(eras(h), type(h), definition(h), recs::get,
                    today, to, today, user.weekStart());
            List<LocalDate> dates = new ArrayList<>();
            range.forEach((d, a) -> {
                if (a.due() && a.state() != DayState.DONE && a.state() != DayState.SKIPPED) {
                    dates.add(d);
                }
            });
            due.put(dto(h), dates);
        }
        return new FeedData(user, today, clock.instant(), due);
    }

    /** What the feed shows. */
    public record FeedData(UserProfile user, LocalDate today, Instant generatedAt, Map<HabitDto, List<LocalDate>> due) {
    }

    // ------------------------------------------------------------------------------------------------ export

    /** Every habit of the user with all its records: two queries, however many habits. */
    public List<HabitExport> export(UUID userId) {
        List<HabitRow> all = habits.listAll(userId);
        Map<UUID, List<CheckinDto>> byHabit = new HashMap<>();
        for (CheckinRow c : checkins.all(all.stream().map(HabitRow::id).collect(Collectors.toList()))) {
            byHabit.computeIfAbsent(c.habitId(), k -> new ArrayList<>()).add(dto(c));
        }
        return all.stream().map(h -> new HabitExport(dto(h), byHabit.getOrDefault(h.id(), List.of())))
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------------ events

    /** Synchronous, so that statistics and achievements are current when the write answers. */
    private void checkinChanged(UUID userId, UUID habitId, LocalDate date) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.sendEvent(new Event(io.steadfast.habit.api.HabitQuery.TOPIC_CHECKIN_CHANGED,
                    Map.of("userId", userId.toString(), "habitId", habitId.toString(), "date", date.toString())));
        }
    }

    private void habitChanged(UUID userId, UUID habitId) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.sendEvent(new Event(io.steadfast.habit.api.HabitQuery.TOPIC_HABIT_CHANGED,
                    Map.of("userId", userId.toString(), "habitId", habitId.toString())));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    public HabitDto dto(HabitRow h) {
        return new HabitDto(h.id(), h.name(), h.description(), h.typeKey(), h.target(), h.unit(),
                ScheduleSpec.of(ScheduleCodec.decode(h.schedule())), h.startDate(), h.color(), h.icon(), h.archived(),
                h.sortOrder(), types.get(h.typeKey()).isPresent(), h.createdAt());
    }

    static CheckinDto dto(CheckinRow c) {
        return new CheckinDto(c.habitId(), c.date(), c.value(), c.note(), c.status(), c.backfilled(), c.updatedAt());
    }

    private HabitRow habit(UUID userId, UUID habitId) {
        return habits.find(userId, habitId).orElseThrow(() -> ApiException.notFound("Habit"));
    }

    private UserProfile profile(UUID userId) {
        return directory.find(userId).orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
    }

    private LocalDate today(UserProfile user) {
        return UserDay.today(clock.instant(), user.timezone(), user.dayStartsAt());
    }

    private HabitType availableType(HabitRow h) {
        return types.get(h.typeKey()).orElseThrow(() -> ApiException.conflict("The habit type '" + h.typeKey()
                + "' is not available on this server right now; the habit's history is kept"));
    }

    private LocalDate writableDate(HabitRow h, UserProfile user, String text) {
        LocalDate date = parseDate(text, "date");
        if (date.isAfter(today(user))) {
            throw new ValidationException("date", "is after your today (" + today(user) + ")");
        }
        if (date.isBefore(h.startDate())) {
            throw new ValidationException("date", "is before the habit's start date (" + h.startDate() + ")");
        }
        return date;
    }

    List<ScheduleEra> eras(HabitRow h) {
        return ScheduleCodec.eras(h.schedule(), h.startDate());
    }

    HabitType type(HabitRow h) {
        return types.get(h.typeKey()).orElse(UnavailableType.INSTANCE);
    }

    static HabitType.HabitDefinition definition(HabitRow h) {
        return new HabitType.HabitDefinition(h.target(), h.unit());
    }

    private Map<UUID, Map<LocalDate, HabitType.DayRecord>> records(List<HabitRow> hs, LocalDate from, LocalDate to) {
        Map<UUID, Map<LocalDate, HabitType.DayRecord>> out = new HashMap<>();
        for (CheckinRow c : checkins.range(hs.stream().map(HabitRow::id).collect(Collectors.toList()), from, to)) {
            out.computeIfAbsent(c.habitId(), k -> new HashMap<>()).put(c.date(), record(c));
        }
        return out;
    }

    static HabitType.DayRecord record(CheckinRow c) {
        return new HabitType.DayRecord(c.value(), c.note(), "skipped".equals(c.status()));
    }

    private static boolean same(CheckinRow r, BigDecimal value, String note, String status) {
        boolean sameValue = value == null ? r.value() == null : r.value() != null && r.value().compareTo(value) == 0;
        return sameValue && java.util.Objects.equals(blankToNull(note), r.note()) && status.equals(r.status());
    }

    private static void range(LocalDate from, LocalDate to, int max) {
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > max) {
            throw new ValidationException("to", "the range is at most " + max + " days");
        }
    }

    static LocalDate parseDate(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new ValidationException(field, "must be a date such as 2026-03-01");
        }
    }

    /** A UUID, or {@code null} for anything else. */
    public static UUID parseOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checkName(String name, List<FieldError> errors) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        return n;
    }

    private static void checkTarget(HabitType type, BigDecimal target, boolean creating, List<FieldError> errors) {
        if (type != null && type.needsTarget() && target == null && creating) {
            errors.add(new FieldError("target", "is required for habits of type " + type.key()));
        }
        if (target != null && (target.signum() < 0 || target.compareTo(MAX_VALUE) > 0)) {
            errors.add(new FieldError("target", "must be a number from 0 to 1000000000"));
        }
    }

    private static void checkOptional(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void checkColor(String color, List<FieldError> errors) {
        if (color != null && !color.isBlank() && !COLOR.matcher(color).matches()) {
            errors.add(new FieldError("color", "must be a color such as #22AA88"));
        }
    }

    private static <T> T collect(java.util.function.Supplier<T> s, List<FieldError> errors) {
        try {
            return s.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Evaluates habits whose type is not running: a stored done record counts, nothing else does. */
    static final class UnavailableType implements HabitType {
        static final UnavailableType INSTANCE = new UnavailableType();

        private UnavailableType() {
        }

        @Override
        public String key() {
            return "unavailable";
        }

        @Override
        public String name() {
            return "Unavailable";
        }

        @Override
        public String description() {
            return "A habit type that is not running";
        }

        @Override
        public boolean needsTarget() {
            return false;
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.NONE;
        }

        @Override
        public Optional<String> validate(HabitDefinition habit, DayRecord record) {
            return Optional.of("the habit type is not available");
        }

        @Override
        public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
            if (record != null) {
                return new DayOutcome(Status.DONE, record.value());
            }
            return DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
        }
    }
}
