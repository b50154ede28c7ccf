package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.InviteCodes;
import io.steadfast.accountability.internal.store.GroupRows;
import io.steadfast.accountability.internal.store.GroupStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.auth.Secrets;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.ForbiddenException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.partner.GroupMemberships;

/**
 * Accountability groups: an owner and members; one-use invite codes; members leave or are removed by the owner; the
 * owner hands the group over or deletes it. A group is visible to its members only (anyone else: not found).
 */
@Component(service = {GroupService.class, GroupMemberships.class})
public class GroupService implements GroupMemberships {

    static final int MAX_MEMBERS = 100;
    static final int MAX_CODES = 10;
    static final Duration CODE_LIFETIME = Duration.ofDays(7);

    private final GroupStore store;
    private final UserDirectory directory;
    private final Clock clock;
    private final Limits limits;

    @Activate
    public GroupService(
            @Reference GroupStore store,
            @Reference UserDirectory directory,
            @Reference Clock clock,
            @Reference Limits limits) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.limits = limits;
    }

    public record Member(UUID userId, String displayName, String role, Instant joinedAt) {}

    /** A group as a member sees it; {@code members} only in the detailed view. */
    public record Group(
            UUID id,
            String name,
            String description,
            String role,
            int memberCount,
            Instant createdAt,
            List<Member> members) {}

    public record NewCode(String code, Instant expiresAt) {}

    @Override
    public boolean isMember(UUID userId, UUID groupId) {
        return store.member(groupId, userId).isPresent();
    }

    @Override
    public List<UUID> groups(UUID userId) {
        return store.groupsOf(userId).stream().map(GroupRows.Group::id).toList();
    }

    /**
     * Makes a group owned by the caller; refused (422 {@code limit-reached}) when the caller belongs to as many
     * groups, made or joined, as {@link Limits#GROUPS} allows.
     */
    public Group create(UUID ownerId, String name, String description) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            throw new ValidationException("name", "must be 1 to 100 characters");
        }
        String d = description == null || description.isBlank() ? null : description.trim();
        if (d != null && d.length() > 1000) {
            throw new ValidationException("description", "must be at most 1000 characters");
        }
        checkGroups(ownerId);
        GroupRows.Group g = new GroupRows.Group(UUID.randomUUID(), n, d, ownerId, now());
        store.create(g);
        return view(g, ownerId, false);
    }

    public List<Group> list(UUID userId) {
        return store.groupsOf(userId).stream().map(g -> view(g, userId, false)).toList();
    }

    public Group get(UUID userId, UUID groupId) {
        return view(memberOf(userId, groupId), userId, true);
    }

    /** A one-use code whoever redeems joins with (the owner's). */
    public NewCode createCode(UUID userId, UUID groupId) {
        GroupRows.Group g = ownerOf(userId, groupId);
        Instant now = now();
        if (store.activeCodes(g.id(), now) >= MAX_CODES) {
            throw new ValidationException(
                    "code", "the group has " + MAX_CODES + " unused invite codes; use one, or wait until one expires");
        }
        String code = InviteCodes.generate();
        Instant expires = now.plus(CODE_LIFETIME);
        store.createCode(new GroupRows.Code(hash(InviteCodes.canonical(code).orElseThrow()), g.id(), now, expires));
        return new NewCode(code, expires);
    }

    /**
     * Joins the group of an invite code. A member already is told so (409, the code stays unused); someone who
     * belongs to as many groups as {@link Limits#GROUPS} allows is refused (422 {@code limit-reached}).
     */
    public Group join(UUID userId, String typed) {
        Instant now = now();
        String hash = InviteCodes.canonical(typed).map(GroupService::hash).orElseThrow(GroupService::noCode);
        GroupRows.Code code =
                store.code(hash).filter(c -> c.expiresAt().isAfter(now)).orElseThrow(GroupService::noCode);
        if (store.member(code.groupId(), userId).isPresent()) {
            throw new ConflictException("You are a member of this group already; the code stays unused");
        }
        if (store.members(code.groupId()).size() >= MAX_MEMBERS) {
            throw new ConflictException("The group has " + MAX_MEMBERS + " members, as many as a group takes");
        }
        checkGroups(userId);
        UUID group = store.redeem(hash, userId, now).orElseThrow(GroupService::noCode);
        return get(userId, group);
    }

    /** The owner removes anyone but themself; a member removes themself. */
    public void remove(UUID callerId, UUID groupId, UUID memberId) {
        GroupRows.Group g = memberOf(callerId, groupId);
        boolean owner = g.ownerId().equals(callerId);
        if (!owner && !callerId.equals(memberId)) {
            throw new ForbiddenException("Only the group's owner removes other members");
        }
        if (memberId.equals(g.ownerId())) {
            throw new ConflictException(
                    "The owner cannot leave: hand the group over (POST /api/v1/groups/{id}/owner) or delete it");
        }
        if (!store.leave(groupId, memberId)) {
            throw new NotFoundException("Member");
        }
    }

    public Group handOver(UUID callerId, UUID groupId, UUID newOwner) {
        ownerOf(callerId, groupId);
        if (newOwner == null || store.member(groupId, newOwner).isEmpty()) {
            throw new ValidationException("userId", "must be a member of the group");
        }
        store.handOver(groupId, newOwner);
        return get(callerId, groupId);
    }

    public void delete(UUID callerId, UUID groupId) {
        ownerOf(callerId, groupId);
        store.delete(groupId);
    }

    /**
     * The user's account goes: each group they own passes to its oldest other member, or is deleted when they are
     * its only member.
     */
    public void accountDeleted(UUID userId) {
        for (GroupRows.Group g : store.groupsOf(userId)) {
            if (!g.ownerId().equals(userId)) {
                continue;
            }
            Optional<GroupRows.Member> heir = store.members(g.id()).stream()
                    .filter(m -> !m.userId().equals(userId))
                    .findFirst();
            if (heir.isPresent()) {
                store.handOver(g.id(), heir.get().userId());
            } else {
                store.delete(g.id());
            }
        }
    }

    /** Refuses one more group to a user who belongs to as many as the server allows (the list is bounded by it). */
    private void checkGroups(UUID userId) {
        limits.check(Limits.GROUPS, store.groupsOf(userId).size(), "groups", "leave one first");
    }

    GroupRows.Group memberOf(UUID userId, UUID groupId) {
        if (store.member(groupId, userId).isEmpty()) {
            throw new NotFoundException("Group");
        }
        return store.find(groupId).orElseThrow(() -> new NotFoundException("Group"));
    }

    private GroupRows.Group ownerOf(UUID userId, UUID groupId) {
        GroupRows.Group g = memberOf(userId, groupId);
        if (!g.ownerId().equals(userId)) {
            throw new ForbiddenException("Only the group's owner does that");
        }
        return g;
    }

    private Group view(GroupRows.Group g, UUID viewer, boolean detailed) {
        List<GroupRows.Member> members = store.members(g.id());
        String role = members.stream()
                .filter(m -> m.userId().equals(viewer))
                .map(GroupRows.Member::role)
                .findFirst()
                .orElse(GroupRows.MEMBER);
        List<Member> listed = detailed
                ? members.stream()
                        .map(m -> new Member(
                                m.userId(),
                                directory
                                        .find(m.userId())
                                        .map(u -> u.displayName())
                                        .orElse(null),
                                m.role(),
                                m.joinedAt()))
                        .toList()
                : null;
        return new Group(g.id(), g.name(), g.description(), role, members.size(), g.createdAt(), listed);
    }

    private static NotFoundException noCode() {
        return new NotFoundException("Group invite code (it may have expired or been used)");
    }

    private static String hash(String canonical) {
        return Secrets.sha256Hex("group:" + canonical);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
