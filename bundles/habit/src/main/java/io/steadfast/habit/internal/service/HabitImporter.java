package io.steadfast.habit.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.HabitImports;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.internal.domain.GoalDraft;
import io.steadfast.habit.internal.domain.HabitDraft;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;
import io.steadfast.habit.internal.store.ImportStore;

/** {@link HabitImports}: the rules of a new habit ({@link HabitDefinitions}) and of a day's value (its type). */
@Component(service = HabitImports.class)
public class HabitImporter implements HabitImports {

    /** The longest source key. */
    static final int MAX_SOURCE_KEY = 200;

    private final HabitDefinitions definitions;
    private final HabitStore habits;
    private final ImportStore imports;
    private final UserDirectory directory;
    private final HabitTypeRegistry types;
    private final HabitChanges changes;
    private final java.time.Clock clock;
    private final Vacations vacations;

    @Activate
    public HabitImporter(
            @Reference HabitDefinitions definitions,
            @Reference HabitStore habits,
            @Reference ImportStore imports,
            @Reference UserDirectory directory,
            @Reference HabitTypeRegistry types,
            @Reference HabitChanges changes,
            @Reference java.time.Clock clock,
            @Reference Vacations vacations) {
        this.vacations = vacations;
        this.definitions = definitions;
        this.habits = habits;
        this.imports = imports;
        this.directory = directory;
        this.types = types;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Optional<HabitInfo> findImported(UUID userId, String sourceKey) {
        return imports.findBySource(userId, sourceKey).map(id -> definitions.get(userId, id));
    }

    @Override
    public HabitInfo createImported(UUID userId, ImportedHabit h) {
        if (h.sourceKey() == null || h.sourceKey().isBlank() || h.sourceKey().length() > MAX_SOURCE_KEY) {
            throw new ValidationException("sourceKey", "is required, at most " + MAX_SOURCE_KEY + " characters");
        }
        if (imports.findBySource(userId, h.sourceKey()).isPresent()) {
            throw new ValidationException("sourceKey", "a habit was already imported from " + h.sourceKey());
        }
        HabitDraft draft = new HabitDraft(
                h.name(),
                h.description(),
                h.type(),
                h.target(),
                h.unit(),
                h.schedule(),
                h.startDate(),
                h.color(),
                h.icon(),
                h.archived(),
                h.goal() == null
                        ? null
                        : GoalDraft.of(
                                h.goal().value(),
                                h.goal().direction().code(),
                                h.goal().by()),
                null,
                null,
                null,
                null);
        return definitions.create(userId, draft, new HabitDefinitions.Origin(h.sourceKey(), h.createdAt()));
    }

    @Override
    public int addDays(UUID userId, UUID habitId, List<ImportedDay> days) {
        HabitRow h = Owners.habit(habits, userId, habitId);
        UserProfile user = Owners.profile(directory, userId);
        LocalDate today = Owners.today(clock, user);
        HabitType type = types.get(h.typeKey())
                .orElseThrow(() -> new ValidationException(
                        "type", "the habit type '" + h.typeKey() + "' is not installed on this server"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<CheckinRow> rows = new ArrayList<>(days.size());
        Set<LocalDate> seen = new HashSet<>();
        for (ImportedDay d : days) {
            if (d.date() == null
                    || d.date().isBefore(h.startDate())
                    || d.date().isAfter(today)
                    || !seen.add(d.date())) {
                continue;
            }
            String field = "days[" + d.date() + "]";
            if (d.note() != null && d.note().length() > 4000) {
                throw new ValidationException(field + ".note", "must be at most 4000 characters");
            }
            List<FieldError> errors = new ArrayList<>();
            HabitType.unstorable(d.value()).ifPresent(m -> errors.add(new FieldError(field + ".value", m)));
            if (errors.isEmpty()) {
                type.validate(HabitEvaluator.definition(h), new HabitType.DayRecord(d.value(), d.note(), d.skipped()))
                        .ifPresent(m -> errors.add(new FieldError(field, m)));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Instant at = d.recordedAt() == null ? now : d.recordedAt().truncatedTo(ChronoUnit.MILLIS);
            rows.add(new CheckinRow(
                    habitId,
                    d.date(),
                    plain(d.value()),
                    d.note() == null || d.note().isBlank() ? null : d.note(),
                    d.skipped() ? CheckinRow.SKIPPED : CheckinRow.DONE,
                    d.backfilled(),
                    at,
                    at));
        }
        int added = imports.insertMissing(userId, habitId, rows);
        if (added > 0) {
            changes.committed();
        }
        return added;
    }

    @Override
    public boolean addVacation(UUID userId, LocalDate from, LocalDate to, List<UUID> habitIds) {
        int before = vacations.list(userId).size();
        vacations.create(userId, new Vacations.Draft(from, to, habitIds), true);
        return vacations.list(userId).size() > before;
    }

    private static BigDecimal plain(BigDecimal v) {
        return io.steadfast.storage.Rows.plain(v);
    }
}
