package io.steadfast.calendar.internal.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.time.Weekdays;
import io.steadfast.calendar.internal.domain.ReminderRule;
import io.steadfast.calendar.internal.domain.ReminderTimes;
import io.steadfast.calendar.internal.store.ReminderStore;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * A habit's reminders: create, change, list and delete them, each with its next moment (which the scheduler's timer
 * keeps). Another user's habit is not found.
 */
@Component(service = Reminders.class)
public class Reminders {

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final ReminderStore store;
    private final HabitQuery habits;
    private final UserDirectory users;
    private final Clock clock;
    private final Limits limits;
    private volatile Outbound outbound;

    @Activate
    public Reminders(
            @Reference ReminderStore store,
            @Reference HabitQuery habits,
            @Reference UserDirectory users,
            @Reference Clock clock,
            @Reference Limits limits) {
        this.store = store;
        this.habits = habits;
        this.users = users;
        this.clock = clock;
        this.limits = limits;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setOutbound(Outbound o) {
        this.outbound = o;
    }

    void unsetOutbound(Outbound o) {
        if (this.outbound == o) {
            this.outbound = null;
        }
    }

    /** A reminder with its next moment ({@code null} while its habit is archived). */
    public record Reminder(ReminderRule row, Instant nextAt) {}

    public List<Reminder> list(UUID userId, UUID habitId) {
        HabitInfo h = habit(userId, habitId);
        UserProfile p = profile(userId);
        return store.ofHabit(userId, habitId).stream().map(r -> view(r, h, p)).toList();
    }

    public Reminder get(UUID userId, UUID habitId, UUID reminderId) {
        HabitInfo h = habit(userId, habitId);
        return view(find(userId, habitId, reminderId), h, profile(userId));
    }

    /** The next moment of each of the user's active habits that has reminders (for the agenda). */
    public Map<UUID, Instant> nextOfHabits(UUID userId) {
        Optional<UserProfile> p = users.find(userId);
        if (p.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<UUID, Instant> out = new java.util.HashMap<>();
        for (ReminderRule r : store.ofUser(userId)) {
            Instant next = next(r, p.get(), now).at();
            out.merge(r.habitId(), next, (a, b) -> a.isBefore(b) ? a : b);
        }
        return out;
    }

    /**
     * Creates a reminder from a JSON object's fields ({@code time} required); refused (422 {@code limit-reached})
     * when the habit has as many as {@link Limits#REMINDERS_PER_HABIT} allows.
     */
    public Reminder create(UUID userId, UUID habitId, Map<String, Object> body) {
        HabitInfo h = habit(userId, habitId);
        Map<String, Object> in = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        unknownFields(in, errors);
        LocalTime time = in.containsKey("time") ? time(in.get("time"), errors) : null;
        if (!in.containsKey("time")) {
            errors.add(new FieldError("time", "is required: the local time of day, \"HH:mm\" (e.g. \"08:00\")"));
        }
        Set<DayOfWeek> days = in.get("days") == null ? null : days(in.get("days"), errors);
        boolean onlyIfNotDone = in.get("onlyIfNotDone") == null ? true : bool(in.get("onlyIfNotDone"), errors);
        List<UUID> channels = in.get("channelIds") == null ? List.of() : channels(userId, in.get("channelIds"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        limits.check(
                Limits.REMINDERS_PER_HABIT,
                store.countOfHabit(userId, habitId),
                "reminders on this habit",
                "delete one first");
        Instant now = now();
        ReminderRule r =
                new ReminderRule(UUID.randomUUID(), userId, habitId, time, days, onlyIfNotDone, channels, now, now);
        UserProfile p = profile(userId);
        ReminderTimes.Moment next = next(r, p, clock.instant());
        store.create(r, next.at(), next.date());
        return view(r, h, p);
    }

    /** Changes the fields present; {@code days: null} goes back to the habit's due days, {@code channelIds: null} to all. */
    public Reminder patch(UUID userId, UUID habitId, UUID reminderId, Map<String, Object> body) {
        HabitInfo h = habit(userId, habitId);
        ReminderRule old = find(userId, habitId, reminderId);
        Map<String, Object> in = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        unknownFields(in, errors);
        LocalTime time = old.time();
        if (in.containsKey("time")) {
            time = in.get("time") == null ? null : time(in.get("time"), errors);
            if (in.get("time") == null) {
                errors.add(new FieldError("time", "cannot be null: \"HH:mm\""));
            }
        }
        Set<DayOfWeek> days = old.days();
        if (in.containsKey("days")) {
            days = in.get("days") == null ? null : days(in.get("days"), errors);
        }
        boolean onlyIfNotDone = old.onlyIfNotDone();
        if (in.containsKey("onlyIfNotDone")) {
            onlyIfNotDone = in.get("onlyIfNotDone") == null ? true : bool(in.get("onlyIfNotDone"), errors);
        }
        List<UUID> channels = old.channelIds();
        if (in.containsKey("channelIds")) {
            channels = in.get("channelIds") == null ? List.of() : channels(userId, in.get("channelIds"), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ReminderRule r = new ReminderRule(
                old.id(), userId, habitId, time, days, onlyIfNotDone, channels, old.createdAt(), now());
        UserProfile p = profile(userId);
        ReminderTimes.Moment next = next(r, p, clock.instant());
        if (!store.update(r, next.at(), next.date())) {
            throw new NotFoundException("Reminder");
        }
        return view(r, h, p);
    }

    public void delete(UUID userId, UUID habitId, UUID reminderId) {
        habit(userId, habitId);
        if (!store.delete(userId, habitId, reminderId)) {
            throw new NotFoundException("Reminder");
        }
    }

    /** Moves every reminder timer of the user to its next moment from now (the profile changed). */
    public void reschedule(UUID userId) {
        Optional<UserProfile> p = users.find(userId);
        if (p.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (ReminderRule r : store.ofUser(userId)) {
            ReminderTimes.Moment next = next(r, p.get(), now);
            store.update(r, next.at(), next.date());
        }
    }

    static ReminderTimes.Moment next(ReminderRule r, UserProfile p, Instant after) {
        return ReminderTimes.next(r.time(), r.days(), p.timezone(), p.dayStartsAt(), after);
    }

    private Reminder view(ReminderRule r, HabitInfo h, UserProfile p) {
        return new Reminder(r, h.archived() ? null : next(r, p, clock.instant()).at());
    }

    private ReminderRule find(UUID userId, UUID habitId, UUID reminderId) {
        return store.find(reminderId)
                .filter(r -> r.userId().equals(userId) && r.habitId().equals(habitId))
                .orElseThrow(() -> new NotFoundException("Reminder"));
    }

    private HabitInfo habit(UUID userId, UUID habitId) {
        return habits.habit(userId, habitId).orElseThrow(() -> new NotFoundException("Habit"));
    }

    private UserProfile profile(UUID userId) {
        return users.find(userId).orElseThrow(() -> new NotFoundException("User"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static final Set<String> FIELDS = Set.of("time", "days", "onlyIfNotDone", "channelIds");

    private static void unknownFields(Map<String, Object> in, List<FieldError> errors) {
        for (String k : in.keySet()) {
            if (!FIELDS.contains(k)) {
                errors.add(new FieldError(k, "is not a reminder field; known: time, days, onlyIfNotDone, channelIds"));
            }
        }
    }

    static LocalTime time(Object v, List<FieldError> errors) {
        if (v instanceof String s && s.matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(s, HH_MM);
            } catch (DateTimeParseException e) {
                // falls through to the message
            }
        }
        errors.add(new FieldError("time", "must be a local time \"HH:mm\" from 00:00 to 23:59, e.g. \"08:00\""));
        return null;
    }

    static Set<DayOfWeek> days(Object v, List<FieldError> errors) {
        if (!(v instanceof Collection<?> list)) {
            errors.add(new FieldError(
                    "days", "must be a list of days, e.g. [\"MON\",\"WED\"] (" + Weekdays.ALLOWED + ")"));
            return null;
        }
        if (list.isEmpty()) {
            errors.add(new FieldError("days", "names at least one day; leave it out for the habit's due days"));
            return null;
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        int i = 0;
        for (Object o : list) {
            DayOfWeek d = o instanceof String s ? Weekdays.parse(s) : null;
            if (d == null) {
                errors.add(new FieldError("days[" + i + "]", "'" + o + "' is not a day; use " + Weekdays.ALLOWED));
            } else {
                out.add(d);
            }
            i++;
        }
        return out;
    }

    private static boolean bool(Object v, List<FieldError> errors) {
        if (v instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError("onlyIfNotDone", "must be true or false"));
        return true;
    }

    private List<UUID> channels(UUID userId, Object v, List<FieldError> errors) {
        if (!(v instanceof Collection<?> list)) {
            errors.add(new FieldError("channelIds", "must be a list of channel ids (GET /api/v1/me/channels)"));
            return List.of();
        }
        Set<UUID> out = new LinkedHashSet<>();
        int i = 0;
        for (Object o : list) {
            UUID id = null;
            if (o instanceof String s) {
                try {
                    id = UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    id = null;
                }
            }
            if (id == null) {
                errors.add(new FieldError("channelIds[" + i + "]", "is not a channel id"));
            } else {
                out.add(id);
            }
            i++;
        }
        Outbound o = outbound;
        if (o != null && !out.isEmpty()) {
            List<UUID> unknown = o.unknownChannels(userId, out);
            List<UUID> ordered = List.copyOf(out);
            for (UUID u : unknown) {
                errors.add(new FieldError(
                        "channelIds[" + ordered.indexOf(u) + "]",
                        "is not one of your channels (GET /api/v1/me/channels)"));
            }
        }
        return List.copyOf(out);
    }
}
