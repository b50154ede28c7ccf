package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.FeedStore;
import io.steadfast.accountability.internal.store.GroupRows;
import io.steadfast.accountability.internal.store.GroupStore;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.accountability.internal.store.PartnerStore;
import io.steadfast.api.account.UserDataContributor;

/**
 * The {@code accountability} section of the account export: partnerships, the invitations sent and received,
 * when the unused invite codes expire (never the codes), groups, the challenges created or joined, the nudges sent,
 * the user's own feed items and the cheers they gave. Deleting the account ends its partnerships and removes what
 * it sent (the database's cascades); invitations other people sent to its address stay theirs.
 */
@Component(service = UserDataContributor.class)
public class AccountabilityDataContributor implements UserDataContributor {

    private final PartnerService partners;
    private final PartnerStore store;
    private final Clock clock;
    private final FeedStore feed;
    private final GroupService groups;
    private final GroupStore groupStore;
    private final NotificationStore notifications;

    @Activate
    public AccountabilityDataContributor(
            @Reference PartnerService partners,
            @Reference PartnerStore store,
            @Reference Clock clock,
            @Reference FeedStore feed,
            @Reference GroupService groups,
            @Reference GroupStore groupStore,
            @Reference NotificationStore notifications) {
        this.groups = groups;
        this.groupStore = groupStore;
        this.notifications = notifications;
        this.partners = partners;
        this.store = store;
        this.clock = clock;
        this.feed = feed;
    }

    @Override
    public void deleteAll(UUID userId) {
        // the groups the user owns pass to their oldest other member (or go, when nobody else is in them)
        groups.accountDeleted(userId);
    }

    @Override
    public String section() {
        return "accountability";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("partners", partners.list(userId));
        PartnerService.Invitations invitations = partners.invitations(userId);
        out.put("invitationsSent", invitations.sent());
        out.put("invitationsReceived", invitations.received());
        List<Map<String, Object>> codes = store.codes(userId, clock.instant()).stream()
                .map(c -> Map.<String, Object>of("createdAt", c.createdAt(), "expiresAt", c.expiresAt()))
                .toList();
        out.put("inviteCodes", codes);
        out.put("groups", groups.list(userId));
        Map<UUID, GroupRows.Participant> joined = new LinkedHashMap<>();
        for (GroupRows.Participant p : groupStore.participationsOf(userId)) {
            joined.put(p.challengeId(), p);
        }
        Map<UUID, GroupRows.Challenge> challenges = new LinkedHashMap<>();
        for (GroupRows.Challenge c : groupStore.createdBy(userId)) {
            challenges.put(c.id(), c);
        }
        for (UUID id : joined.keySet()) {
            groupStore.challenge(id).ifPresent(c -> challenges.putIfAbsent(c.id(), c));
        }
        out.put(
                "challenges",
                challenges.values().stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", c.id());
                            m.put("groupId", c.groupId());
                            m.put("name", c.name());
                            m.put("habitType", c.habitType());
                            m.put("target", c.target());
                            m.put("unit", c.unit());
                            m.put("startDate", c.startDate());
                            m.put("endDate", c.endDate());
                            m.put("createdByMe", userId.equals(c.createdBy()));
                            GroupRows.Participant p = joined.get(c.id());
                            m.put(
                                    "joined",
                                    p == null ? null : Map.of("habitId", p.habitId(), "joinedOn", p.joinedOn()));
                            return m;
                        })
                        .toList());
        out.put(
                "nudgesSent",
                notifications.byActor(userId, Notice.NUDGE).stream()
                        .map(n -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("recipientId", n.userId());
                            m.put("habitId", n.habitId());
                            m.put("message", n.comment());
                            m.put("sentAt", n.createdAt());
                            return m;
                        })
                        .toList());
        out.put(
                "feedItems",
                feed.byActor(userId).stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", f.id());
                            m.put("kind", f.kind());
                            m.put("habitId", f.habitId());
                            m.put("date", f.day());
                            m.put("backfilled", f.backfilled());
                            m.put("createdAt", f.createdAt());
                            return m;
                        })
                        .toList());
        out.put(
                "cheersGiven",
                feed.cheersBy(userId).entrySet().stream()
                        .map(e -> Map.<String, Object>of("itemId", e.getKey(), "createdAt", e.getValue()))
                        .toList());
        return out;
    }
}
