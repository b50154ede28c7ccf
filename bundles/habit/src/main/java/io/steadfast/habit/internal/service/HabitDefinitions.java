package io.steadfast.habit.internal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.partner.GroupMemberships;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Sharing;
import io.steadfast.habit.internal.domain.GoalDraft;
import io.steadfast.habit.internal.domain.HabitDraft;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.RefereeStore;

/**
 * Habit definitions: create, read, change (a schedule change applies from the user's today on; a goal is set,
 * changed or removed), order, delete.
 * Every method takes the caller's id; another user's habit is not found.
 */
@Component(service = HabitDefinitions.class)
public class HabitDefinitions {

    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    /** The goal directions as the API spells them: {@code down, up}. */
    private static final String DIRECTIONS =
            Arrays.stream(Goal.Direction.values()).map(Goal.Direction::code).collect(Collectors.joining(", "));

    private final HabitStore habits;
    private final UserDirectory directory;
    private final HabitTypeRegistry types;
    private final HabitChanges changes;
    private final Clock clock;
    private final RefereeStore referees;
    private final Limits limits;

    /** The accountability bundle's groups, while it runs: a habit is shared with the owner's groups only. */
    private volatile GroupMemberships memberships;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMemberships(GroupMemberships m) {
        this.memberships = m;
    }

    void unsetMemberships(GroupMemberships m) {
        if (this.memberships == m) {
            this.memberships = null;
        }
    }

    /** The accountability bundle's partners, while it runs: a referee must be one. */
    private volatile Partnerships partnerships;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPartnerships(Partnerships p) {
        this.partnerships = p;
    }

    void unsetPartnerships(Partnerships p) {
        if (this.partnerships == p) {
            this.partnerships = null;
        }
    }

    @Activate
    public HabitDefinitions(
            @Reference HabitStore habits,
            @Reference UserDirectory directory,
            @Reference HabitTypeRegistry types,
            @Reference HabitChanges changes,
            @Reference Clock clock,
            @Reference RefereeStore referees,
            @Reference Limits limits) {
        this.limits = limits;
        this.habits = habits;
        this.directory = directory;
        this.types = types;
        this.changes = changes;
        this.clock = clock;
        this.referees = referees;
    }

    /** The habit types running now, by key. */
    public List<HabitType> types() {
        return types.all();
    }

    public HabitInfo create(UUID userId, HabitDraft in) {
        return create(userId, in, null);
    }

    /**
     * Where an imported habit came from: its source key, and when it was created there ({@code null}: now). Its
     * history is judged from its start date (it is "created on" that day), not free up to the import's day.
     */
    public record Origin(String sourceKey, Instant createdAt) {}

    /** Creates a habit; with an {@link Origin}, an imported one. */
    public HabitInfo create(UUID userId, HabitDraft in, Origin origin) {
        if (in == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        UserProfile user = Owners.profile(directory, userId);
        List<FieldError> errors = new ArrayList<>();
        String name = checkName(in.name(), errors);
        Optional<HabitType> type = Optional.empty();
        if (in.type() == null || in.type().isBlank()) {
            errors.add(new FieldError("type", "is required; see GET /api/v1/habit-types"));
        } else {
            type = types.get(in.type());
            if (type.isEmpty()) {
                errors.add(
                        new FieldError("type", "unknown habit type '" + in.type() + "'; see GET /api/v1/habit-types"));
            }
        }
        checkTarget(type.orElse(null), in.target(), true, errors);
        if (in.schedule() == null) {
            errors.add(new FieldError("schedule", "is required, e.g. {\"kind\":\"daily\"}"));
        }
        checkTexts(in, errors);
        LocalDate start = in.startDate() != null ? in.startDate() : Owners.today(clock, user);
        Goal goal = type.isEmpty() ? null : checkGoal(type.get(), in.goal(), start, errors);
        Sharing sharing = sharing(userId, Sharing.PRIVATE, in, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        limits.check(Limits.HABITS, habits.count(userId), "habits", "delete some you no longer track first");
        String unit = in.unit() != null ? in.unit().trim() : type.get().defaultUnit();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant createdAt = origin == null || origin.createdAt() == null
                ? now
                : origin.createdAt().truncatedTo(ChronoUnit.MILLIS);
        LocalDate createdOn = origin == null ? Owners.today(clock, user) : start;
        HabitRow draft = new HabitRow(
                UUID.randomUUID(),
                userId,
                name,
                blankToNull(in.description()),
                type.get().key(),
                in.target(),
                blankToNull(unit),
                ScheduleCodec.encode(in.schedule()),
                start,
                blankToNull(in.color()),
                blankToNull(in.icon()),
                Boolean.TRUE.equals(in.archived()),
                0,
                createdAt,
                origin == null ? now : createdAt,
                goal,
                createdOn,
                0,
                sharing);
        HabitRow row = origin == null ? habits.create(draft) : habits.createImported(draft, origin.sourceKey());
        changes.committed();
        return info(row, user);
    }

    public List<HabitInfo> list(UUID userId, boolean archived) {
        UserProfile user = Owners.profile(directory, userId);
        return habits.list(userId, archived).stream().map(h -> info(h, user)).collect(Collectors.toList());
    }

    public HabitInfo get(UUID userId, UUID habitId) {
        return info(Owners.habit(habits, userId, habitId), Owners.profile(directory, userId));
    }

    public HabitInfo patch(UUID userId, UUID habitId, HabitDraft in) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        if (in == null) {
            throw new ValidationException("body", "a JSON object with the fields to change is required");
        }
        UserProfile user = Owners.profile(directory, userId);
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() != null ? checkName(in.name(), errors) : h.name();
        if (in.type() != null && !in.type().equals(h.typeKey())) {
            errors.add(new FieldError("type", "cannot be changed; create a new habit instead"));
        }
        BigDecimal target = in.target() != null ? in.target() : h.target();
        if (in.target() != null) {
            checkTarget(types.get(h.typeKey()).orElse(null), in.target(), false, errors);
        }
        checkTexts(in, errors);
        LocalDate start = in.startDate() != null ? in.startDate() : h.startDate();
        Goal goal = h.goal();
        if (in.goal() != null) {
            goal = patchGoal(h, in.goal(), start, errors);
        } else if (goal != null && !goal.by().isAfter(start)) {
            errors.add(new FieldError(
                    "startDate", "must be before the goal's date " + goal.by() + "; change or remove the goal"));
        }
        Sharing sharing = sharing(userId, h.sharing(), in, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String schedule = h.schedule();
        if (in.schedule() != null) {
            // a schedule change applies from the user's today on; the days before keep their schedule
            LocalDate from = Owners.today(clock, user);
            schedule = ScheduleCodec.change(h.schedule(), start, from.isBefore(start) ? start : from, in.schedule());
        }
        HabitRow next = new HabitRow(
                h.id(),
                userId,
                name,
                in.description() != null ? blankToNull(in.description()) : h.description(),
                h.typeKey(),
                target,
                in.unit() != null ? blankToNull(in.unit()) : h.unit(),
                schedule,
                start,
                in.color() != null ? blankToNull(in.color()) : h.color(),
                in.icon() != null ? blankToNull(in.icon()) : h.icon(),
                in.archived() != null ? in.archived() : h.archived(),
                h.sortOrder(),
                h.createdAt(),
                clock.instant(),
                goal,
                h.createdOn(),
                h.revision(),
                sharing);
        HabitInfo out = info(habits.update(next).orElseThrow(() -> new NotFoundException("Habit")), user);
        if (h.sharing().refereeUserId() != null && sharing.refereeUserId() == null) {
            // the referee was removed: what waited for them counts as confirmed
            referees.confirmWaiting(habitId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
        changes.committed();
        return out;
    }

    public void delete(UUID userId, UUID habitId) {
        if (!habits.delete(userId, habitId)) {
            throw new NotFoundException("Habit");
        }
        changes.committed();
    }

    /** Puts the listed habits first, in that order; the others follow. 422 naming {@code ids} for unknown ones. */
    public void reorder(UUID userId, List<UUID> ids) {
        Set<UUID> mine = habits.listAll(userId).stream().map(HabitRow::id).collect(Collectors.toSet());
        List<UUID> order = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (UUID id : ids) {
            if (!mine.contains(id)) {
                unknown.add(String.valueOf(id));
            } else if (!order.contains(id)) {
                order.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("ids", "no such habits: " + String.join(", ", unknown));
        }
        habits.reorder(userId, order);
    }

    private HabitInfo info(HabitRow h, UserProfile user) {
        return HabitMapping.info(h, types.get(h.typeKey()).isPresent(), user.weekStart(), Owners.today(clock, user));
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
        if (target != null && type != null && type.valueKind() != HabitType.ValueKind.NUMBER) {
            errors.add(new FieldError("target", "habits of type " + type.key() + " have no target"));
        } else if (target != null && target.signum() < 0) {
            errors.add(new FieldError("target", "must be a number from 0 to " + HabitType.MAX_VALUE));
        } else if (target != null) {
            HabitType.unstorable(target).ifPresent(m -> errors.add(new FieldError("target", m)));
        }
    }

    /** The goal a change asks for; a removal needs no type, setting one needs the habit's type running. */
    private Goal patchGoal(HabitRow h, GoalDraft in, LocalDate start, List<FieldError> errors) {
        if (in.remove()) {
            return null;
        }
        Optional<HabitType> type = types.get(h.typeKey());
        if (type.isEmpty()) {
            errors.add(new FieldError(
                    "goal", "cannot be set while the habit type '" + h.typeKey() + "' is not available"));
            return h.goal();
        }
        return checkGoal(type.get(), in, start, errors);
    }

    /**
     * The goal of a draft, {@code null} for none; each problem is added to {@code errors} naming {@code goal},
     * {@code goal.value}, {@code goal.direction} or {@code goal.by}.
     */
    private Goal checkGoal(HabitType type, GoalDraft in, LocalDate start, List<FieldError> errors) {
        if (in == null || in.remove()) {
            return null;
        }
        if (!type.supportsGoal()) {
            List<String> withGoals = types.all().stream()
                    .filter(HabitType::supportsGoal)
                    .map(HabitType::key)
                    .collect(Collectors.toList());
            errors.add(new FieldError(
                    "goal",
                    withGoals.isEmpty()
                            ? "habits of type " + type.key() + " have no goal"
                            : "only " + String.join(" and ", withGoals) + " habits have a goal"));
            return null;
        }
        int before = errors.size();
        if (in.value() == null) {
            errors.add(new FieldError("goal.value", "is required: the value to reach, e.g. 70"));
        } else {
            HabitType.unstorable(in.value()).ifPresent(m -> errors.add(new FieldError("goal.value", m)));
        }
        Goal.Direction direction = Goal.Direction.parse(in.direction());
        if (direction == null) {
            errors.add(new FieldError(
                    "goal.direction",
                    (in.direction() == null ? "is required: " : "must be ") + "one of " + DIRECTIONS
                            + " (the way the values should go)"));
        }
        if (in.by() == null) {
            errors.add(new FieldError("goal.by", "is required: the date to reach the value by, such as 2026-06-01"));
        } else {
            int dateErrors = errors.size();
            collect(() -> DateLimits.check(in.by(), "goal.by"), errors);
            if (errors.size() == dateErrors && !in.by().isAfter(start)) {
                errors.add(new FieldError("goal.by", "must be after the habit's start date " + start));
            }
        }
        return errors.size() > before ? null : new Goal(in.value(), direction, in.by());
    }

    /** The sharing a draft asks for, from {@code current}: a field that is absent stays as it is. */
    private Sharing sharing(UUID ownerId, Sharing current, HabitDraft in, List<FieldError> errors) {
        UUID referee = current.refereeUserId();
        if (in.referee() != null) {
            referee = referee(ownerId, in.referee().userId(), errors);
        }
        Sharing.Visibility visibility = current.visibility();
        if (in.visibility() != null) {
            visibility = Sharing.Visibility.parse(in.visibility());
            if (visibility == null) {
                errors.add(
                        new FieldError(
                                "visibility",
                                "must be one of " + Sharing.Visibility.codes()
                                        + " (private: only you; partners: your accountability partners; groups: the members of groupIds)"));
                return current;
            }
        }
        List<UUID> groups = current.groupIds();
        if (in.groupIds() != null) {
            groups = groups(ownerId, in.groupIds(), errors);
        } else if (visibility != Sharing.Visibility.GROUPS) {
            groups = List.of();
        }
        if (visibility == Sharing.Visibility.GROUPS && groups.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("groupIds", "is required with visibility groups: the ids of your groups"));
        } else if (visibility != Sharing.Visibility.GROUPS
                && in.groupIds() != null
                && !in.groupIds().isEmpty()) {
            errors.add(new FieldError("groupIds", "are only for visibility groups"));
            groups = List.of();
        }
        return new Sharing(
                visibility,
                in.shareNotes() != null ? in.shareNotes() : current.shareNotes(),
                referee,
                visibility == Sharing.Visibility.GROUPS ? groups : List.of());
    }

    /** The most groups one habit is shared with. */
    static final int MAX_GROUPS = 10;

    /** The groups a draft names: groups the owner belongs to, each once. */
    private List<UUID> groups(UUID ownerId, List<String> ids, List<FieldError> errors) {
        List<UUID> out = new ArrayList<>();
        GroupMemberships m = memberships;
        for (String id : ids) {
            UUID g;
            try {
                g = UUID.fromString(String.valueOf(id).trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("groupIds", "'" + id + "' is not a group id (GET /api/v1/groups)"));
                continue;
            }
            if (m == null) {
                errors.add(new FieldError("groupIds", "groups are not available on this server right now"));
                return List.of();
            }
            if (!m.isMember(ownerId, g)) {
                errors.add(new FieldError("groupIds", g + " is not one of your groups (GET /api/v1/groups)"));
            } else if (!out.contains(g)) {
                out.add(g);
            }
        }
        if (out.size() > MAX_GROUPS) {
            errors.add(new FieldError("groupIds", "at most " + MAX_GROUPS + " groups"));
        }
        return out;
    }

    /** The referee a draft names: one of the owner's partners, or none for {@code null} or blank. */
    private UUID referee(UUID ownerId, String userId, List<FieldError> errors) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(userId.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    "refereeUserId", "must be the user id of one of your partners (GET /api/v1/partners)"));
            return null;
        }
        Partnerships p = partnerships;
        if (id.equals(ownerId)) {
            errors.add(new FieldError("refereeUserId", "cannot be you: name one of your partners"));
        } else if (p == null) {
            errors.add(new FieldError("refereeUserId", "partners are not available on this server right now"));
        } else if (!p.arePartners(ownerId, id)) {
            errors.add(new FieldError("refereeUserId", "must be one of your partners (GET /api/v1/partners)"));
        }
        return id;
    }

    private static void checkTexts(HabitDraft in, List<FieldError> errors) {
        if (in.startDate() != null) {
            collect(() -> DateLimits.check(in.startDate(), "startDate"), errors);
        }
        checkOptional(in.description(), "description", 2000, errors);
        checkOptional(in.unit(), "unit", 30, errors);
        checkOptional(in.icon(), "icon", 50, errors);
        if (in.color() != null
                && !in.color().isBlank()
                && !COLOR.matcher(in.color()).matches()) {
            errors.add(new FieldError("color", "must be a color such as #22AA88"));
        }
    }

    private static void checkOptional(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void collect(Runnable check, List<FieldError> errors) {
        try {
            check.run();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
