package io.steadfast.transfer.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.error.DomainException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.event.UserEvents;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.media.MediaStore;
import io.steadfast.api.work.PollingWorker;
import io.steadfast.calendar.api.ReminderAuthoring;
import io.steadfast.habit.api.HabitDirectory;
import io.steadfast.habit.api.HabitImports;
import io.steadfast.habit.api.HabitImports.ImportedDay;
import io.steadfast.habit.api.HabitImports.ImportedHabit;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;
import io.steadfast.transfer.internal.domain.ImportJob;
import io.steadfast.transfer.internal.formats.Formats;
import io.steadfast.transfer.internal.store.ImportJobStore;

/**
 * Runs the queued imports, one at a time per node, off the request thread: reads the file again from the media
 * store, then habit by habit finds the one imported before (by its source key) or creates it, and adds its days in
 * batches, each batch one transaction, recording progress after each. An import that a stopped node left running is
 * claimed again when its lease ends and run from the start, which adds nothing twice. A habit the server refuses
 * (an unknown habit type, a name too long) is left out whole, with a warning; the import is then done with the
 * rest, which is consistent: every other habit with all its days.
 */
@Component(
        service = ImportRunner.class,
        configurationPid = ImportRunner.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ImportRunner.Config.class)
public class ImportRunner {

    public static final String PID = "io.steadfast.transfer";

    @ObjectClassDefinition(name = "Steadfast imports", description = "Limits and pace of imports")
    public @interface Config {
        @AttributeDefinition(name = "Largest import file (bytes)", description = "Larger uploads are refused with 413")
        long maxBytes() default 50L << 20;

        @AttributeDefinition(name = "Largest unpacked zip (bytes)", description = "All entries of a zip together")
        long maxUnpackedBytes() default 200L << 20;

        @AttributeDefinition(name = "Most zip entries")
        int maxEntries() default 1_000;

        @AttributeDefinition(name = "Most habits in a file")
        int maxHabits() default 500;

        @AttributeDefinition(name = "Most day records in a file")
        int maxRows() default 1_000_000;

        @AttributeDefinition(name = "Days per batch", description = "Each batch is one transaction")
        int batchDays() default 1_000;

        @AttributeDefinition(name = "Attempts", description = "An import that failed this often is given up")
        int maxAttempts() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    /** How long a claim lasts without progress. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final HabitImports habits;
    private final HabitDirectory directory;
    private final Limits limits;
    private final ReminderAuthoring reminders;
    private final String node;
    private final PollingWorker worker;
    private volatile Config config;
    private volatile UserEvents events;
    private volatile io.steadfast.media.api.AttachmentImport attachments;
    private final io.steadfast.api.account.ProfileSettings profiles;

    @Activate
    public ImportRunner(
            @Reference ImportJobStore jobs,
            @Reference ImportFiles files,
            @Reference HabitImports habits,
            @Reference HabitDirectory directory,
            @Reference Limits limits,
            @Reference ReminderAuthoring reminders,
            @Reference io.steadfast.api.account.ProfileSettings profiles,
            Config config) {
        this.jobs = jobs;
        this.files = files;
        this.habits = habits;
        this.directory = directory;
        this.limits = limits;
        this.reminders = reminders;
        this.profiles = profiles;
        this.config = config;
        this.node = nodeName() + ":" + UUID.randomUUID().toString().substring(0, 8);
        this.worker = new PollingWorker(
                "steadfast-import",
                1,
                () -> 5_000L,
                this::pass,
                (e, n) -> LOG.warn("Could not run imports (attempt {}): {}", n, e.toString()));
        worker.start();
    }

    @Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void setEvents(UserEvents e) {
        this.events = e;
    }

    @Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void setAttachments(io.steadfast.media.api.AttachmentImport a) {
        this.attachments = a;
    }

    void unsetAttachments(io.steadfast.media.api.AttachmentImport a) {
        if (this.attachments == a) {
            this.attachments = null;
        }
    }

    void unsetEvents(UserEvents e) {
        if (this.events == e) {
            this.events = null;
        }
    }

    /** Tells the user's open event streams how far the import is (event {@code import}). */
    private void tell(ImportJob job, String status, int done) {
        UserEvents e = events;
        if (e != null) {
            try {
                e.publish(
                        job.userId(),
                        "import",
                        "{\"id\":\"" + job.id() + "\",\"status\":\"" + status + "\",\"progress\":{\"done\":" + done
                                + ",\"total\":" + job.total() + "}}");
            } catch (RuntimeException x) {
                LOG.debug("Could not tell the progress of import {}: {}", job.id(), x.toString());
            }
        }
    }

    @Modified
    void modified(Config c) {
        this.config = c;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop(Duration.ofSeconds(20));
    }

    public void wake() {
        worker.wake();
    }

    public ImportLimits limits() {
        Config c = config;
        return new ImportLimits(c.maxBytes(), c.maxUnpackedBytes(), c.maxEntries(), c.maxHabits(), c.maxRows());
    }

    /** Refuses an archive whose new habits would take the user past the most habits allowed. */
    void checkHabitLimit(UUID userId, Archive archive) {
        String format = archive.format();
        long fresh = archive.habits().stream()
                .filter(h -> habits.findImported(userId, sourceKey(format, h)).isEmpty())
                .count();
        if (fresh == 0) {
            return;
        }
        int max = limits.max(Limits.HABITS);
        long have = directory.ofUser(userId).size();
        if (have + fresh > max) {
            throw new io.steadfast.api.error.LimitReachedException(
                    Limits.HABITS,
                    max,
                    "habits with the " + fresh + " this file would add",
                    "archive or delete some, or import a file with fewer habits");
        }
    }

    static String sourceKey(String format, ArchivedHabit h) {
        String key = format + ":" + h.sourceId();
        return key.length() <= 200 ? key : key.substring(0, 200);
    }

    private void pass() {
        while (worker.active()) {
            Optional<ImportJob> claimed = jobs.claim(node, LEASE);
            if (claimed.isEmpty()) {
                return;
            }
            run(claimed.get());
        }
    }

    /** Runs one claimed import to its end (or until the node stops: another node resumes it). */
    void run(ImportJob job) {
        Config c = config;
        if (job.attempts() > c.maxAttempts()) {
            fail(
                    job,
                    "The import was tried " + c.maxAttempts() + " times and could not be completed; what it "
                            + "imported before stays (every habit it finished, with all its days)");
            return;
        }
        Path tmp = null;
        try {
            MediaStore store = files.store();
            Optional<MediaStore.Blob> blob = job.fileKey() == null ? Optional.empty() : store.get(job.fileKey());
            if (blob.isEmpty()) {
                fail(job, "The uploaded file is no longer there; upload it again");
                return;
            }
            tmp = Files.createTempFile("steadfast-import-", ".bin");
            try (MediaStore.Blob b = blob.get();
                    InputStream in = b.stream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportLimits l = limits();
            Archive archive = Formats.detect(Formats.sniff(tmp, null, l)).read(tmp, l);
            write(job, archive, c, tmp, l);
            store.delete(job.fileKey());
        } catch (ImportRefused e) {
            fail(job, e.getMessage());
        } catch (IOException e) {
            // the store or the disk: the lease runs out and the import is tried again
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}", tmp);
                }
            }
        }
    }

    private void write(ImportJob job, Archive archive, Config c, Path file, ImportLimits l) throws IOException {
        UUID userId = job.userId();
        List<String> warnings = new ArrayList<>(archive.warnings());
        int done = 0;
        int created = 0;
        int added = 0;
        int skipped = archive.skipped();
        java.util.Map<String, UUID> bySource = new java.util.HashMap<>();
        restoreProfile(userId, archive, warnings);
        for (ArchivedHabit h : archive.habits()) {
            String key = sourceKey(archive.format(), h);
            HabitInfo habit;
            try {
                Optional<HabitInfo> found = habits.findImported(userId, key);
                if (found.isPresent()) {
                    habit = found.get();
                } else {
                    habit = habits.createImported(userId, imported(key, h));
                    created++;
                    // a habit's reminders come with it once: a second import of the file adds none
                    for (ArchivedReminder r : h.reminders()) {
                        try {
                            reminders.create(userId, habit.id(), r.time(), r.days(), r.onlyIfNotDone());
                        } catch (DomainException e) {
                            warnings.add("Habit '" + h.name() + "': the reminder at " + r.time() + " was not imported: "
                                    + e.getMessage());
                        }
                    }
                }
            } catch (DomainException e) {
                warnings.add("Habit '" + h.name() + "' was not imported: " + e.getMessage());
                skipped += 1 + h.days().size();
                done += h.days().size();
                continue;
            }
            bySource.put(h.sourceId(), habit.id());
            List<ArchivedDay> days = h.days();
            for (int from = 0; from < days.size(); from += Math.max(1, c.batchDays())) {
                List<ArchivedDay> batch = days.subList(from, Math.min(days.size(), from + Math.max(1, c.batchDays())));
                try {
                    added += habits.addDays(
                            userId,
                            habit.id(),
                            batch.stream()
                                    .map(d -> new ImportedDay(
                                            d.date(), d.value(), d.note(), d.skipped(), d.backfilled(), d.recordedAt()))
                                    .collect(Collectors.toList()));
                } catch (ValidationException e) {
                    warnings.add("Habit '" + h.name() + "': " + batch.size() + " days from "
                            + batch.get(0).date() + " were not imported: " + e.getMessage());
                    skipped += batch.size();
                }
                done += batch.size();
                if (!jobs.progress(job.id(), node, LEASE, done, created, added)) {
                    LOG.info("Import {} was taken over by another node", job.id());
                    return;
                }
                tell(job, ImportJob.RUNNING, done);
            }
        }
        for (io.steadfast.transfer.internal.archive.ArchivedVacation v : archive.vacations()) {
            List<UUID> ids = v.habitSourceIds().isEmpty()
                    ? null
                    : v.habitSourceIds().stream()
                            .map(bySource::get)
                            .filter(java.util.Objects::nonNull)
                            .toList();
            if (ids != null && ids.isEmpty()) {
                skipped++;
                warnings.add("The vacation from " + v.from() + " to " + v.to() + " was not imported: none of its "
                        + "habits was");
                continue;
            }
            try {
                habits.addVacation(userId, v.from(), v.to(), ids);
            } catch (DomainException e) {
                skipped++;
                warnings.add(
                        "The vacation from " + v.from() + " to " + v.to() + " was not imported: " + e.getMessage());
            }
        }
        PhotoCounts photos = photos(userId, archive, bySource, file, l, warnings);
        skipped += photos.left();
        if (!jobs.finish(
                job.id(), node, ImportJob.DONE, done, created, added, skipped, photos.stored(), warnings, null)) {
            LOG.info("Import {} was taken over by another node", job.id());
            return;
        }
        tell(job, ImportJob.DONE, done);
        LOG.info("Import {} of {} done: {} habits created, {} days added", job.id(), archive.format(), created, added);
    }

    /**
     * The account settings of Steadfast's own export (time zone, first day of the week, the hour the day starts),
     * first, so that the days come into the day the user had. One the server does not take is left as it is, with a
     * warning; the display name stays the account's own.
     */
    private void restoreProfile(UUID userId, Archive archive, List<String> warnings) {
        io.steadfast.transfer.internal.archive.ArchivedProfile p = archive.profile();
        if (p == null) {
            return;
        }
        try {
            profiles.restore(userId, p.timezone(), p.weekStart(), p.dayStartsAt());
        } catch (ValidationException e) {
            warnings.add("The account settings were not restored: " + e.getMessage());
        }
    }

    /**
     * Stores the archive's photos, each on its day, after the days: the same bytes on the same day are not stored
     * twice, so a second import of the file, or an import resumed after a stop, adds only the missing ones. How many
     * were stored and how many left out (each with a warning); an unreachable media store is an {@link IOException}
     * (the import is tried again).
     */
    /** The photos an import stored, and those it left out. */
    private record PhotoCounts(int stored, int left) {}

    private PhotoCounts photos(
            UUID userId,
            Archive archive,
            java.util.Map<String, UUID> bySource,
            Path file,
            ImportLimits l,
            List<String> warnings)
            throws IOException {
        if (archive.photos().isEmpty()) {
            return new PhotoCounts(0, 0);
        }
        io.steadfast.media.api.AttachmentImport a = attachments;
        if (a == null) {
            warnings.add("The file's " + archive.photos().size() + " photos were not imported: this server "
                    + "stores no photos now");
            return new PhotoCounts(0, archive.photos().size());
        }
        int stored = 0;
        int left = 0;
        for (io.steadfast.transfer.internal.archive.ArchivedPhoto p : archive.photos()) {
            UUID habitId = bySource.get(p.habitSourceId());
            if (habitId == null) {
                left++;
                continue; // its habit was not imported, which a warning already says
            }
            try (InputStream in = Formats.entry(file, p.entry(), l)) {
                if (a.store(userId, habitId, p.date(), in, p.fileName()).added()) {
                    stored++;
                }
            } catch (DomainException | ImportRefused e) {
                left++;
                warnings.add("The photo " + p.entry() + " of " + p.date() + " was not imported: " + e.getMessage());
            }
        }
        return new PhotoCounts(stored, left);
    }

    private static ImportedHabit imported(String key, ArchivedHabit h) {
        return new ImportedHabit(
                key,
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
                        : new io.steadfast.habit.api.Goal(
                                h.goal().value(),
                                io.steadfast.habit.api.Goal.Direction.parse(
                                        h.goal().direction()),
                                h.goal().by()),
                h.createdAt());
    }

    private void fail(ImportJob job, String why) {
        jobs.finish(
                job.id(),
                node,
                ImportJob.FAILED,
                job.done(),
                job.habits(),
                job.checkins(),
                job.skipped(),
                job.photos(),
                job.warnings(),
                why);
        tell(job, ImportJob.FAILED, job.done());
        try {
            if (job.fileKey() != null) {
                files.store().delete(job.fileKey());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the file of import {}: {}", job.id(), e.toString());
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "node";
        }
    }
}
