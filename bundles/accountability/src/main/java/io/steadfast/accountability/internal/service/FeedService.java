package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Cursors;
import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.FeedItemRow;
import io.steadfast.accountability.internal.store.FeedStore;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The feed as a user sees it: what their partners did on the habits they share now, the newest first, with cheers.
 * Visibility is decided at each read: an item of a habit made private, or of someone who is no partner any more,
 * is not there.
 */
@Component(service = FeedService.class)
public class FeedService {

    /** How many rounds of reading a page may take while items it finds are not visible. */
    private static final int ROUNDS = 5;

    private final FeedStore feed;
    private final Partnerships partnerships;
    private final HabitQuery habits;
    private final UserDirectory directory;
    private final Clock clock;
    private final Signals signals;
    private final Audience audience;
    private final io.steadfast.api.partner.GroupMemberships memberships;
    private final io.steadfast.accountability.internal.store.GroupStore groups;

    @Activate
    public FeedService(
            @Reference FeedStore feed,
            @Reference Partnerships partnerships,
            @Reference HabitQuery habits,
            @Reference UserDirectory directory,
            @Reference Clock clock,
            @Reference Signals signals,
            @Reference Audience audience,
            @Reference io.steadfast.api.partner.GroupMemberships memberships,
            @Reference io.steadfast.accountability.internal.store.GroupStore groups) {
        this.signals = signals;
        this.audience = audience;
        this.memberships = memberships;
        this.groups = groups;
        this.feed = feed;
        this.partnerships = partnerships;
        this.habits = habits;
        this.directory = directory;
        this.clock = clock;
    }

    public record Item(
            long id,
            String kind,
            UUID actorId,
            String actorName,
            UUID habitId,
            String habitName,
            LocalDate date,
            boolean backfilled,
            String detail,
            Instant createdAt,
            long cheers,
            boolean cheered) {}

    public record Page(List<Item> items, String nextCursor) {}

    public record CheerState(long count, boolean mine) {}

    public Page page(UUID viewerId, String cursor, int limit) {
        if (Cursors.malformed(cursor)) {
            throw new ValidationException("cursor", "must be the nextCursor of a previous page");
        }
        Long before = Cursors.parse(cursor).orElse(null);
        List<UUID> partners = actors(viewerId);
        Map<UUID, Map<UUID, HabitInfo>> shared = new HashMap<>();
        List<FeedItemRow> visible = new ArrayList<>();
        boolean more = false;
        for (int round = 0; round < ROUNDS && visible.size() <= limit; round++) {
            List<FeedItemRow> rows = feed.page(partners, before, limit * 2);
            for (FeedItemRow r : rows) {
                if (visible.size() > limit) {
                    break;
                }
                if (habit(viewerId, shared, r).isPresent()) {
                    visible.add(r);
                }
            }
            if (rows.size() < limit * 2) {
                break;
            }
            before = rows.get(rows.size() - 1).id();
            more = true;
        }
        boolean hasNext = visible.size() > limit || (more && visible.size() == limit);
        List<FeedItemRow> page = visible.stream().limit(limit).toList();
        Map<Long, FeedStore.Cheers> cheers =
                feed.cheers(page.stream().map(FeedItemRow::id).toList(), viewerId);
        List<Item> items = page.stream()
                .map(r -> item(r, habit(viewerId, shared, r).orElseThrow(), cheers.get(r.id())))
                .toList();
        String next = hasNext && !items.isEmpty()
                ? Long.toString(items.get(items.size() - 1).id())
                : null;
        return new Page(items, next);
    }

    /**
     * The items the viewer sees that are newer than {@code afterId}, the oldest first, at most {@code limit} (an event
     * stream's resume and wake-ups).
     */
    public List<Item> since(UUID viewerId, long afterId, int limit) {
        Map<UUID, Map<UUID, HabitInfo>> shared = new HashMap<>();
        List<FeedItemRow> rows = feed.since(actors(viewerId), afterId, limit);
        List<FeedItemRow> visible = rows.stream()
                .filter(r -> habit(viewerId, shared, r).isPresent())
                .toList();
        Map<Long, FeedStore.Cheers> cheers =
                feed.cheers(visible.stream().map(FeedItemRow::id).toList(), viewerId);
        return visible.stream()
                .map(r -> item(r, habit(viewerId, shared, r).orElseThrow(), cheers.get(r.id())))
                .toList();
    }

    /** The newest item id among the viewer's partners' (0 for none): where a fresh event stream starts. */
    public long newestId(UUID viewerId) {
        List<FeedItemRow> rows = feed.page(actors(viewerId), null, 1);
        return rows.isEmpty() ? 0 : rows.get(0).id();
    }

    /** Cheers an item the viewer sees (again: nothing changes); its actor hears of a new cheer. */
    public CheerState cheer(UUID viewerId, long itemId) {
        FeedItemRow item = visible(viewerId, itemId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NotificationRow notice = new NotificationRow(
                0,
                item.actorId(),
                Notice.CHEER,
                viewerId,
                item.habitId(),
                item.habitName(),
                item.day(),
                Long.toString(itemId),
                null,
                "cheer:" + itemId + ":" + viewerId,
                now,
                null);
        if (feed.cheer(itemId, viewerId, now, notice)) {
            signals.notified(item.actorId());
        }
        return state(viewerId, itemId);
    }

    public CheerState uncheer(UUID viewerId, long itemId) {
        visible(viewerId, itemId);
        feed.uncheer(itemId, viewerId);
        return state(viewerId, itemId);
    }

    private CheerState state(UUID viewerId, long itemId) {
        FeedStore.Cheers c = feed.cheers(List.of(itemId), viewerId).get(itemId);
        return c == null ? new CheerState(0, false) : new CheerState(c.count(), c.mine());
    }

    private FeedItemRow visible(UUID viewerId, long itemId) {
        return feed.find(itemId)
                .filter(i -> !i.actorId().equals(viewerId))
                .filter(i -> habit(viewerId, new HashMap<>(), i).isPresent())
                .orElseThrow(() -> new NotFoundException("Feed item"));
    }

    /** Whether {@code actorId}'s items may reach the viewer (a partner, or a fellow member of a group). */
    public boolean follows(UUID viewerId, UUID actorId) {
        return actors(viewerId).contains(actorId);
    }

    /** Whose items the viewer may see: their partners and the fellow members of their groups. */
    private List<UUID> actors(UUID viewerId) {
        java.util.Set<UUID> out = new java.util.LinkedHashSet<>(partnerships.partners(viewerId));
        for (UUID g : memberships.groups(viewerId)) {
            groups.members(g).stream()
                    .map(io.steadfast.accountability.internal.store.GroupRows.Member::userId)
                    .filter(u -> !u.equals(viewerId))
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The item's habit if the viewer sees it now (the actor's active habits, read once per actor and page; who sees
     * each decided by the {@link Audience}).
     */
    private Optional<HabitInfo> habit(UUID viewerId, Map<UUID, Map<UUID, HabitInfo>> shared, FeedItemRow r) {
        Map<UUID, HabitInfo> mine = shared.computeIfAbsent(r.actorId(), a -> {
            Map<UUID, HabitInfo> m = new HashMap<>();
            habits.activeHabits(a).stream()
                    .filter(h -> h.sharing().shared() && audience.sees(viewerId, h))
                    .forEach(h -> m.put(h.id(), h));
            return m;
        });
        return r.habitId() == null ? Optional.empty() : Optional.ofNullable(mine.get(r.habitId()));
    }

    private Item item(FeedItemRow r, HabitInfo h, FeedStore.Cheers c) {
        return new Item(
                r.id(),
                r.kind(),
                r.actorId(),
                directory.find(r.actorId()).map(u -> u.displayName()).orElse(null),
                r.habitId(),
                h.name(),
                r.day(),
                r.backfilled(),
                r.detail(),
                r.createdAt(),
                c == null ? 0 : c.count(),
                c != null && c.mine());
    }

    /** A feed item's id from a path: anything but a positive number is no item. */
    public static long itemId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // below
        }
        throw new NotFoundException("Feed item");
    }
}
