package io.steadfast.media.internal.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.api.HabitAudience;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.store.AttachmentStore;

/**
 * Who sees a habit's photos besides its owner: its referee always (while the two are partners, as for every
 * referee's right), and its audience — the partners or group members the habit is shared with, decided by the
 * accountability bundle's {@link HabitAudience} — only when the owner turned {@code shareAttachments} on. Anyone
 * else finds nothing: the habit is "not found", exactly as an id that does not exist.
 */
@Component(service = AttachmentAccess.class)
public class AttachmentAccess {

    private final HabitQuery habits;
    private final AttachmentStore store;
    private final HabitAudience audience;
    private final Partnerships partnerships;

    @Activate
    public AttachmentAccess(
            @Reference HabitQuery habits,
            @Reference AttachmentStore store,
            @Reference HabitAudience audience,
            @Reference Partnerships partnerships) {
        this.habits = habits;
        this.store = store;
        this.audience = audience;
        this.partnerships = partnerships;
    }

    /** The photos of a day of {@code ownerId}'s habit, as {@code viewerId} may see them; else 404. */
    public List<Attachment> ofDay(UUID viewerId, UUID ownerId, UUID habitId, LocalDate date) {
        HabitInfo h = habits.habit(ownerId, habitId)
                .filter(i -> sees(viewerId, i))
                .orElseThrow(() -> new NotFoundException("Habit"));
        return store.ofDay(h.userId(), habitId, date);
    }

    /** Whether {@code viewerId} sees the habit's photos. */
    public boolean sees(UUID viewerId, HabitInfo h) {
        if (viewerId.equals(h.userId())) {
            return true;
        }
        if (viewerId.equals(h.sharing().refereeUserId()) && partnerships.arePartners(viewerId, h.userId())) {
            return true;
        }
        return h.sharing().shared() && store.shareAttachments(h.id()) && audience.sees(viewerId, h);
    }
}
