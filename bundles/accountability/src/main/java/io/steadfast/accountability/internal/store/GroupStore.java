package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.accountability.internal.store.GroupRows.Challenge;
import io.steadfast.accountability.internal.store.GroupRows.Code;
import io.steadfast.accountability.internal.store.GroupRows.Group;
import io.steadfast.accountability.internal.store.GroupRows.Member;
import io.steadfast.accountability.internal.store.GroupRows.Participant;

/** Groups, their members and codes, challenges and who joined them. */
public interface GroupStore {

    /** Stores a group with its owner as its first member. */
    void create(Group g);

    Optional<Group> find(UUID groupId);

    /** The groups {@code userId} is a member of, by name. */
    List<Group> groupsOf(UUID userId);

    /** The groups {@code userId} owns. */
    int owned(UUID userId);

    Optional<Member> member(UUID groupId, UUID userId);

    /** The members, the owner first, then by joining. */
    List<Member> members(UUID groupId);

    /** Adds a member unless they are one; answers whether they are new. */
    boolean join(UUID groupId, UUID userId, Instant at);

    /** Uses a code: deletes it and makes {@code userId} a member (unless they are), in one transaction. */
    Optional<UUID> redeem(String codeHash, UUID userId, Instant now);

    boolean leave(UUID groupId, UUID userId);

    /** Makes {@code newOwner} (a member) the owner and the old owner a member. */
    boolean handOver(UUID groupId, UUID newOwner);

    boolean delete(UUID groupId);

    void createCode(Code c);

    Optional<Code> code(String codeHash);

    int activeCodes(UUID groupId, Instant now);

    void createChallenge(Challenge c);

    Optional<Challenge> challenge(UUID groupId, UUID challengeId);

    List<Challenge> challenges(UUID groupId);

    /** Records that {@code p.userId()} joined; {@code false} when they had. */
    boolean participate(Participant p);

    Optional<Participant> participant(UUID challengeId, UUID userId);

    List<Participant> participants(UUID challengeId);

    /** The challenges {@code userId} joined. */
    List<Participant> participationsOf(UUID userId);

    /** A challenge by its id alone (for what the scheduler hands over). */
    Optional<Challenge> challenge(UUID challengeId);

    /** The challenges {@code userId} created. */
    List<Challenge> createdBy(UUID userId);
}
