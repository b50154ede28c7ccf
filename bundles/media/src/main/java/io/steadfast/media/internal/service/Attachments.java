package io.steadfast.media.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.media.MediaStore;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.media.api.AttachmentExport;
import io.steadfast.media.api.AttachmentFile;
import io.steadfast.media.api.AttachmentImport;
import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.domain.ImageRefused;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.store.AttachmentStore;

/**
 * The photos of a user's days, for their owner: added to a day that has a check-in record (a photo is proof of
 * a check-in: a day without one is a 409 that says to check in first), at most {@code maxPerDay} per day, listed,
 * deleted; and whether the habit's audience sees them. Also the export and import API of the bundle.
 */
@Component(
        service = {Attachments.class, AttachmentExport.class, AttachmentImport.class},
        configurationPid = MediaConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Attachments implements AttachmentExport, AttachmentImport {

    /** The name of the limit in {@code limit-reached} problems. */
    public static final String LIMIT = "attachmentsPerDay";

    private final AttachmentStore store;
    private final HabitQuery habits;
    private final ImageUploads images;
    private final MediaFiles files;
    private final Clock clock;
    private volatile MediaConfig config;

    @Activate
    public Attachments(
            @Reference AttachmentStore store,
            @Reference HabitQuery habits,
            @Reference ImageUploads images,
            @Reference MediaFiles files,
            @Reference Clock clock,
            MediaConfig config) {
        this.store = store;
        this.habits = habits;
        this.images = images;
        this.files = files;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void configure(MediaConfig config) {
        this.config = config;
    }

    /** The most bytes of one photo. */
    public long maxFileBytes() {
        return images.maxFileBytes();
    }

    private HabitInfo habit(UUID userId, UUID habitId) {
        return habits.habit(userId, habitId).orElseThrow(() -> new NotFoundException("Habit"));
    }

    private boolean hasRecord(UUID userId, UUID habitId, LocalDate date) {
        return !habits.records(userId, habitId, date, date).isEmpty();
    }

    private static ConflictException noCheckin(LocalDate date) {
        return new ConflictException("There is no check-in on " + date
                + ": a photo belongs to a day's check-in, so check in on that day first, then attach it");
    }

    /**
     * Adds a photo to a day of the user's habit.
     *
     * @throws ImageRefused not an image this server takes (the caller says how to answer)
     */
    public Attachment upload(UUID userId, UUID habitId, LocalDate date, byte[] bytes, String fileName) {
        return upload(userId, habitId, date, bytes, fileName, null);
    }

    private Attachment upload(
            UUID userId, UUID habitId, LocalDate date, byte[] bytes, String fileName, String sourceHash) {
        requireRoom(userId, habitId, date);
        int max = config.maxPerDay();
        UUID id = UUID.randomUUID();
        String prefix = MediaKeys.attachment(userId, habitId, date, id);
        ImageUploads.Stored s = images.store(bytes, prefix, false);
        Attachment a = new Attachment(
                id,
                userId,
                habitId,
                date,
                s.image().format().contentType(),
                s.size(),
                s.image().shownWidth(),
                s.image().shownHeight(),
                s.originalKey(),
                s.thumbKey(),
                fileName,
                clock.instant());
        boolean added;
        try {
            added = store.create(a, max, sourceHash);
        } catch (RuntimeException e) {
            files.deleteQuietly(prefix);
            throw e;
        }
        if (!added) {
            files.deleteQuietly(prefix);
            throw limit(max);
        }
        if (!hasRecord(userId, habitId, date)) {
            // the check-in was cleared while the photo was stored: its clean-up may have run before this row was
            // written, so this upload takes itself back
            store.delete(userId, id);
            files.deleteQuietly(prefix);
            throw noCheckin(date);
        }
        return a;
    }

    /**
     * What an upload to the day needs before its bytes are read: the user's habit (404), a check-in record on the
     * day (409), room for one more photo (422 {@code limit-reached}).
     */
    public void requireRoom(UUID userId, UUID habitId, LocalDate date) {
        habit(userId, habitId);
        DateLimits.check(date, "date");
        if (!hasRecord(userId, habitId, date)) {
            throw noCheckin(date);
        }
        int max = config.maxPerDay();
        if (store.countOfDay(userId, habitId, date) >= max) {
            throw limit(max);
        }
    }

    private static LimitReachedException limit(int max) {
        return new LimitReachedException(LIMIT, max, "photos on this day", "delete one first");
    }

    /** The day's photos, in the order they were added. */
    public List<Attachment> list(UUID userId, UUID habitId, LocalDate date) {
        habit(userId, habitId);
        return store.ofDay(userId, habitId, date);
    }

    /** One photo of the day. */
    public Attachment get(UUID userId, UUID habitId, LocalDate date, UUID attachmentId) {
        return store.find(userId, attachmentId)
                .filter(a -> a.habitId().equals(habitId) && a.date().equals(date))
                .orElseThrow(() -> new NotFoundException("Attachment"));
    }

    /** Deletes a photo of the day and its files. */
    public void delete(UUID userId, UUID habitId, LocalDate date, UUID attachmentId) {
        Attachment a = get(userId, habitId, date, attachmentId);
        files.deletePrefix(MediaKeys.attachment(userId, habitId, date, a.id()));
        store.delete(userId, a.id());
    }

    /** Whether those who see the habit see its photos too. */
    public boolean sharing(UUID userId, UUID habitId) {
        habit(userId, habitId);
        return store.shareAttachments(habitId);
    }

    public boolean share(UUID userId, UUID habitId, boolean share) {
        habit(userId, habitId);
        store.setShareAttachments(userId, habitId, share, clock.instant());
        return share;
    }

    @Override
    public List<AttachmentFile> attachments(UUID userId) {
        return store.ofUser(userId).stream().map(Attachments::file).toList();
    }

    @Override
    public Optional<InputStream> open(UUID userId, UUID attachmentId) throws IOException {
        Optional<Attachment> a = store.find(userId, attachmentId);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        try {
            return files.get(a.get().originalKey()).map(MediaStore.Blob::stream);
        } catch (StoreUnavailableException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    @Override
    public Stored store(UUID userId, UUID habitId, LocalDate date, InputStream data, String fileName)
            throws IOException {
        long max = maxFileBytes();
        byte[] bytes = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw new ValidationException("file", "is larger than " + max + " bytes, the most a photo may have");
        }
        if (bytes.length == 0) {
            throw new ValidationException("file", "is empty");
        }
        // the same bytes on the same day are the same photo: a second import of an export, or a resumed one, adds
        // no copy
        String hash = sha256(bytes);
        habit(userId, habitId);
        Optional<Attachment> already = store.findBySource(userId, habitId, date, hash);
        if (already.isPresent()) {
            return new Stored(file(already.get()), false);
        }
        try {
            return new Stored(file(upload(userId, habitId, date, bytes, fileName, hash)), true);
        } catch (ImageRefused e) {
            throw new ValidationException("file", e.getMessage());
        } catch (StoreUnavailableException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static AttachmentFile file(Attachment a) {
        return new AttachmentFile(
                a.id(),
                a.habitId(),
                a.date(),
                a.contentType(),
                a.size(),
                a.width(),
                a.height(),
                a.fileName(),
                a.createdAt());
    }
}
