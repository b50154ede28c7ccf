package io.steadfast.transfer.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.domain.ImportJob;
import io.steadfast.transfer.internal.formats.Formats;
import io.steadfast.transfer.internal.store.ImportJobStore;

/**
 * Taking an import: the uploaded file is read completely while the request waits (a file that is too large,
 * malformed, hostile or of no known format is refused at once, and nothing changes), kept in the media store, and
 * queued; the {@link ImportRunner} writes it in the background.
 */
@Component(service = Imports.class)
public class Imports {

    /** Imports of one user queued or running at once. */
    static final int MAX_UNFINISHED = 3;

    private final ImportJobStore jobs;
    private final ImportFiles files;
    private final ImportRunner runner;
    private final Clock clock;

    @Activate
    public Imports(
            @Reference ImportJobStore jobs,
            @Reference ImportFiles files,
            @Reference ImportRunner runner,
            @Reference Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.runner = runner;
        this.clock = clock;
    }

    /** The limits an upload is held to. */
    public ImportLimits limits() {
        return runner.limits();
    }

    /**
     * Reads {@code file} and queues its import.
     *
     * @throws io.steadfast.transfer.internal.archive.ImportRefused the file is not imported (413 or 422)
     */
    public ImportJob submit(UUID userId, Path file, long size, String contentType, String fileName) {
        if (jobs.unfinished(userId) >= MAX_UNFINISHED) {
            throw new TooManyAttemptsException(
                    "You have " + MAX_UNFINISHED + " imports waiting or running; wait until one is done",
                    java.time.Duration.ofSeconds(30));
        }
        ImportLimits limits = runner.limits();
        ArchiveReader reader;
        Archive archive;
        try {
            reader = Formats.detect(Formats.sniff(file, contentType, limits));
            archive = reader.read(file, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runner.checkHabitLimit(userId, archive);
        UUID id = UUID.randomUUID();
        String key = ImportFiles.key(userId, id);
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            files.store().put(key, in, size, contentType == null ? "application/octet-stream" : contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ImportJob job = new ImportJob(
                id,
                userId,
                ImportJob.QUEUED,
                reader.format(),
                key,
                fileName,
                size,
                archive.checkins(),
                0,
                0,
                0,
                archive.skipped(),
                0,
                archive.warnings(),
                null,
                0,
                now,
                now,
                null);
        jobs.create(job);
        runner.wake();
        return job;
    }

    public ImportJob get(UUID userId, UUID id) {
        return jobs.find(userId, id).orElseThrow(() -> new NotFoundException("Import"));
    }

    public List<ImportJob> list(UUID userId) {
        return jobs.list(userId, 50);
    }
}
