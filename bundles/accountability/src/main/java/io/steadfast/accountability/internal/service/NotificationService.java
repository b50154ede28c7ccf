package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Cursors;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.error.ValidationException;

/** A user's in-app notifications: newest first by cursor, the unread count, marking them read. */
@Component(service = NotificationService.class)
public class NotificationService {

    /** The most notifications one page holds. */
    static final int MAX_PAGE = 100;

    /** The most ids one "mark read" takes. */
    static final int MAX_IDS = 500;

    private final NotificationStore store;
    private final UserDirectory directory;
    private final Clock clock;

    @Activate
    public NotificationService(
            @Reference NotificationStore store, @Reference UserDirectory directory, @Reference Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** Who did it: {@code displayName} is {@code null} once their account is gone. */
    public record Actor(UUID userId, String displayName) {}

    public record Notification(
            long id,
            String kind,
            Actor actor,
            UUID habitId,
            String habitName,
            LocalDate date,
            String refId,
            String comment,
            Instant createdAt,
            boolean read) {}

    /** A page, and the cursor of the next one ({@code null} at the end). */
    public record Page(List<Notification> items, String nextCursor) {}

    public Page list(UUID userId, boolean unreadOnly, String cursor, int limit) {
        if (Cursors.malformed(cursor)) {
            throw new ValidationException("cursor", "must be the nextCursor of a previous page");
        }
        Long before = Cursors.parse(cursor).orElse(null);
        List<NotificationRow> rows = store.list(userId, unreadOnly, before, limit + 1);
        boolean more = rows.size() > limit;
        List<Notification> items =
                rows.stream().limit(limit).map(this::notification).toList();
        String next = more ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page(items, next);
    }

    /** The notifications after {@code afterId}, the oldest first (an event stream's resume). */
    public List<Notification> since(UUID userId, long afterId, int limit) {
        return store.since(userId, afterId, limit).stream()
                .map(this::notification)
                .toList();
    }

    /** The newest notification id of the user's (0 for none): where a fresh event stream starts. */
    public long newestId(UUID userId) {
        List<NotificationRow> rows = store.list(userId, false, null, 1);
        return rows.isEmpty() ? 0 : rows.get(0).id();
    }

    public long unread(UUID userId) {
        return store.unread(userId);
    }

    /** Marks the given notifications read (ids of someone else's change nothing); answers how many changed. */
    public int read(UUID userId, List<Long> ids, Boolean all) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (Boolean.TRUE.equals(all)) {
            return store.readAll(userId, now);
        }
        if (ids == null || ids.isEmpty()) {
            throw new ValidationException("ids", "is required: the ids to mark read, or {\"all\": true}");
        }
        if (ids.size() > MAX_IDS) {
            throw new ValidationException("ids", "at most " + MAX_IDS + " at a time; or {\"all\": true}");
        }
        if (ids.stream().anyMatch(i -> i == null)) {
            throw new ValidationException("ids", "must be notification ids (numbers)");
        }
        return store.read(userId, ids, now);
    }

    Notification notification(NotificationRow n) {
        Actor actor = n.actorId() == null
                ? null
                : new Actor(
                        n.actorId(),
                        directory.find(n.actorId()).map(u -> u.displayName()).orElse(null));
        return new Notification(
                n.id(),
                n.kind(),
                actor,
                n.habitId(),
                n.habitName(),
                n.day(),
                n.refId(),
                n.comment(),
                n.createdAt(),
                n.readAt() != null);
    }
}
