package io.steadfast.accountability.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.store.GroupRows.Challenge;
import io.steadfast.accountability.internal.store.GroupRows.Code;
import io.steadfast.accountability.internal.store.GroupRows.Group;
import io.steadfast.accountability.internal.store.GroupRows.Member;
import io.steadfast.accountability.internal.store.GroupRows.Participant;
import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = GroupStore.class)
public class JpaGroupStore implements GroupStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaGroupStore(
            @Reference(target = AccountabilityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = AccountabilityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void create(Group g) {
        jpa.tx(TransactionType.Required, em -> {
            GroupEntity e = new GroupEntity();
            e.id = g.id().toString();
            e.name = g.name();
            e.description = g.description();
            e.ownerId = g.ownerId().toString();
            e.createdAt = toDb(g.createdAt());
            em.persist(e);
            em.persist(member(g.id(), g.ownerId(), GroupRows.OWNER, g.createdAt()));
        });
    }

    @Override
    public Optional<Group> find(UUID groupId) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(GroupEntity.class, groupId.toString())))
                .map(JpaGroupStore::row);
    }

    @Override
    public List<Group> groupsOf(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT g FROM AccountabilityGroup g, GroupMember m WHERE m.groupId = g.id AND m.userId = :u "
                                + "ORDER BY g.name, g.id",
                        GroupEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .toList());
    }

    @Override
    public int owned(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT COUNT(g) FROM AccountabilityGroup g WHERE g.ownerId = :u", Long.class)
                        .setParameter("u", userId.toString())
                        .getSingleResult())
                .intValue();
    }

    @Override
    public Optional<Member> member(UUID groupId, UUID userId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports,
                        em -> em.find(MemberEntity.class, new MemberEntity.Key(groupId.toString(), userId.toString()))))
                .map(JpaGroupStore::row);
    }

    @Override
    public List<Member> members(UUID groupId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT m FROM GroupMember m WHERE m.groupId = :g ORDER BY m.joinedAt, m.userId",
                        MemberEntity.class)
                .setParameter("g", groupId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .sorted((x, y) -> Boolean.compare(!GroupRows.OWNER.equals(x.role()), !GroupRows.OWNER.equals(y.role())))
                .toList());
    }

    @Override
    public boolean join(UUID groupId, UUID userId, Instant at) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> join(em, groupId, userId, at));
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean join(EntityManager em, UUID groupId, UUID userId, Instant at) {
        if (em.find(MemberEntity.class, new MemberEntity.Key(groupId.toString(), userId.toString())) != null) {
            return false;
        }
        em.persist(member(groupId, userId, GroupRows.MEMBER, at));
        em.flush();
        return true;
    }

    @Override
    public Optional<UUID> redeem(String codeHash, UUID userId, Instant now) {
        try {
            return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
                GroupCodeEntity c = em.find(GroupCodeEntity.class, codeHash, LockModeType.PESSIMISTIC_WRITE);
                if (c == null || !fromDb(c.expiresAt).isAfter(now)) {
                    return null;
                }
                em.remove(c);
                UUID group = UUID.fromString(c.groupId);
                join(em, group, userId, now);
                return group;
            }));
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean leave(UUID groupId, UUID userId) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery(
                                        "DELETE FROM GroupMember m WHERE m.groupId = :g AND m.userId = :u AND m.role <> :o")
                                .setParameter("g", groupId.toString())
                                .setParameter("u", userId.toString())
                                .setParameter("o", GroupRows.OWNER)
                                .executeUpdate()
                        > 0);
    }

    @Override
    public boolean handOver(UUID groupId, UUID newOwner) {
        return jpa.txExpr(TransactionType.Required, em -> {
            GroupEntity g = em.find(GroupEntity.class, groupId.toString(), LockModeType.PESSIMISTIC_WRITE);
            MemberEntity next =
                    em.find(MemberEntity.class, new MemberEntity.Key(groupId.toString(), newOwner.toString()));
            if (g == null || next == null) {
                return false;
            }
            MemberEntity old = em.find(MemberEntity.class, new MemberEntity.Key(groupId.toString(), g.ownerId));
            if (old != null) {
                old.role = GroupRows.MEMBER;
            }
            next.role = GroupRows.OWNER;
            g.ownerId = newOwner.toString();
            return true;
        });
    }

    @Override
    public boolean delete(UUID groupId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            GroupEntity g = em.find(GroupEntity.class, groupId.toString());
            if (g == null) {
                return false;
            }
            em.remove(g);
            return true;
        });
    }

    @Override
    public void createCode(Code c) {
        jpa.tx(TransactionType.Required, em -> {
            GroupCodeEntity e = new GroupCodeEntity();
            e.codeHash = c.codeHash();
            e.groupId = c.groupId().toString();
            e.createdAt = toDb(c.createdAt());
            e.expiresAt = toDb(c.expiresAt());
            em.persist(e);
        });
    }

    @Override
    public Optional<Code> code(String codeHash) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(GroupCodeEntity.class, codeHash)))
                .map(e -> new Code(e.codeHash, UUID.fromString(e.groupId), fromDb(e.createdAt), fromDb(e.expiresAt)));
    }

    @Override
    public int activeCodes(UUID groupId, Instant now) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT COUNT(c) FROM GroupCode c WHERE c.groupId = :g AND c.expiresAt > :n",
                                Long.class)
                        .setParameter("g", groupId.toString())
                        .setParameter("n", toDb(now))
                        .getSingleResult())
                .intValue();
    }

    @Override
    public void createChallenge(Challenge c) {
        jpa.tx(TransactionType.Required, em -> {
            ChallengeEntity e = new ChallengeEntity();
            e.id = c.id().toString();
            e.groupId = c.groupId().toString();
            e.name = c.name();
            e.habitType = c.habitType();
            e.target = c.target();
            e.unit = c.unit();
            e.schedule = c.schedule();
            e.startDate = c.startDate();
            e.endDate = c.endDate();
            e.createdBy = c.createdBy() == null ? null : c.createdBy().toString();
            e.createdAt = toDb(c.createdAt());
            em.persist(e);
        });
    }

    @Override
    public Optional<Challenge> challenge(UUID groupId, UUID challengeId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports, em -> em.find(ChallengeEntity.class, challengeId.toString())))
                .filter(e -> e.groupId.equals(groupId.toString()))
                .map(JpaGroupStore::row);
    }

    @Override
    public List<Challenge> challenges(UUID groupId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM Challenge c WHERE c.groupId = :g ORDER BY c.startDate DESC, c.id",
                        ChallengeEntity.class)
                .setParameter("g", groupId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .toList());
    }

    @Override
    public boolean participate(Participant p) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(
                                ChallengeMemberEntity.class,
                                new ChallengeMemberEntity.Key(
                                        p.challengeId().toString(), p.userId().toString()))
                        != null) {
                    return false;
                }
                ChallengeMemberEntity e = new ChallengeMemberEntity();
                e.challengeId = p.challengeId().toString();
                e.userId = p.userId().toString();
                e.habitId = p.habitId().toString();
                e.joinedOn = p.joinedOn();
                e.joinedAt = toDb(p.joinedAt());
                em.persist(e);
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Participant> participant(UUID challengeId, UUID userId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports,
                        em -> em.find(
                                ChallengeMemberEntity.class,
                                new ChallengeMemberEntity.Key(challengeId.toString(), userId.toString()))))
                .map(JpaGroupStore::row);
    }

    @Override
    public List<Participant> participants(UUID challengeId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT m FROM ChallengeMember m WHERE m.challengeId = :c ORDER BY m.joinedAt, m.userId",
                        ChallengeMemberEntity.class)
                .setParameter("c", challengeId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .toList());
    }

    @Override
    public List<Participant> participationsOf(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT m FROM ChallengeMember m WHERE m.userId = :u ORDER BY m.joinedAt, m.challengeId",
                        ChallengeMemberEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .toList());
    }

    @Override
    public Optional<Challenge> challenge(UUID challengeId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports, em -> em.find(ChallengeEntity.class, challengeId.toString())))
                .map(JpaGroupStore::row);
    }

    @Override
    public List<Challenge> createdBy(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM Challenge c WHERE c.createdBy = :u ORDER BY c.createdAt, c.id",
                        ChallengeEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaGroupStore::row)
                .toList());
    }

    private static MemberEntity member(UUID groupId, UUID userId, String role, Instant at) {
        MemberEntity m = new MemberEntity();
        m.groupId = groupId.toString();
        m.userId = userId.toString();
        m.role = role;
        m.joinedAt = toDb(at);
        return m;
    }

    private static Group row(GroupEntity e) {
        return new Group(UUID.fromString(e.id), e.name, e.description, UUID.fromString(e.ownerId), fromDb(e.createdAt));
    }

    private static Member row(MemberEntity e) {
        return new Member(UUID.fromString(e.groupId), UUID.fromString(e.userId), e.role, fromDb(e.joinedAt));
    }

    private static Challenge row(ChallengeEntity e) {
        return new Challenge(
                UUID.fromString(e.id),
                UUID.fromString(e.groupId),
                e.name,
                e.habitType,
                Rows.plain(e.target),
                e.unit,
                e.schedule,
                e.startDate,
                e.endDate,
                e.createdBy == null ? null : UUID.fromString(e.createdBy),
                fromDb(e.createdAt));
    }

    private static Participant row(ChallengeMemberEntity e) {
        return new Participant(
                UUID.fromString(e.challengeId),
                UUID.fromString(e.userId),
                UUID.fromString(e.habitId),
                e.joinedOn,
                fromDb(e.joinedAt));
    }
}
