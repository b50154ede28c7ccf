package io.steadfast.accountability.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class PartnerStoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAcceptedInvitationMakesPartnersOnBothSidesOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db =
                TestDatabase.create(kind, AccountabilityPersistence.UNIT, "identity", "accountability")) {
            JpaPartnerStore store = new JpaPartnerStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UUID invitation = UUID.randomUUID();
            store.invite(new InvitationRow(invitation, ann, "bob@example.org", InvitationRow.PENDING, NOW, null));
            assertThat(store.received("bob@example.org"))
                    .extracting(InvitationRow::id)
                    .containsExactly(invitation);
            assertThat(store.pendingCount(ann)).isEqualTo(1);

            // two answers at once (two devices): one accepts, the other finds it answered
            List<Optional<PartnershipRow>> answers = concurrently(4, () -> store.accept(invitation, bob, NOW));
            assertThat(answers.stream().filter(Optional::isPresent)).hasSize(1);
            assertThat(store.partners(bob))
                    .extracting(PartnershipRow::partnerId)
                    .containsExactly(ann);
            assertThat(store.partners(ann))
                    .extracting(PartnershipRow::partnerId)
                    .containsExactly(bob);
            assertThat(store.invitation(invitation).orElseThrow().status()).isEqualTo(InvitationRow.ACCEPTED);
            assertThat(store.received("bob@example.org")).isEmpty();
            assertThat(store.decline(invitation, NOW)).isFalse();

            assertThat(store.end(bob, ann)).isTrue();
            assertThat(store.partners(ann)).isEmpty();
            assertThat(store.partners(bob)).isEmpty();
            assertThat(store.end(bob, ann)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCodeIsUsedOnceAndNotAfterItExpires(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db =
                TestDatabase.create(kind, AccountabilityPersistence.UNIT, "identity", "accountability")) {
            JpaPartnerStore store = new JpaPartnerStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UUID cat = TestRows.user(db.dataSource(), "cat@example.org");
            store.createCode(new InviteCodeRow("a".repeat(64), ann, NOW, NOW.plus(Duration.ofDays(7))));
            store.createCode(
                    new InviteCodeRow("b".repeat(64), ann, NOW.minus(Duration.ofDays(8)), NOW.minusSeconds(1)));
            assertThat(store.codes(ann, NOW))
                    .extracting(InviteCodeRow::codeHash)
                    .containsExactly("a".repeat(64));

            assertThat(store.redeem("b".repeat(64), bob, NOW)).isEmpty();
            List<Optional<PartnershipRow>> uses = new ArrayList<>();
            uses.addAll(concurrently(2, () -> store.redeem("a".repeat(64), bob, NOW)));
            uses.add(store.redeem("a".repeat(64), cat, NOW));
            assertThat(uses.stream().filter(Optional::isPresent)).hasSize(1);
            assertThat(store.partners(ann))
                    .extracting(PartnershipRow::partnerId)
                    .containsExactly(bob);
            assertThat(store.code("a".repeat(64))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeletedAccountLeavesNoPartnershipAndNoInvitationOfItsOwn(TestDatabase.Kind kind) {
        try (TestDatabase db =
                TestDatabase.create(kind, AccountabilityPersistence.UNIT, "identity", "accountability")) {
            JpaPartnerStore store = new JpaPartnerStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UUID toAnn = UUID.randomUUID();
            UUID fromAnn = UUID.randomUUID();
            store.invite(new InvitationRow(toAnn, bob, "ann@example.org", InvitationRow.PENDING, NOW, null));
            store.invite(new InvitationRow(fromAnn, ann, "bob@example.org", InvitationRow.PENDING, NOW, null));
            store.accept(fromAnn, bob, NOW);
            store.createCode(new InviteCodeRow("c".repeat(64), ann, NOW, NOW.plus(Duration.ofDays(7))));

            TestRows.deleteUser(db.dataSource(), ann);

            assertThat(store.partners(bob)).isEmpty();
            assertThat(store.invitation(fromAnn)).isEmpty();
            assertThat(store.code("c".repeat(64))).isEmpty();
            // what Bob sent stays his
            assertThat(store.sent(bob)).extracting(InvitationRow::id).containsExactly(toAnn);
            assertThat(store.withdraw(bob, toAnn)).isTrue();
            assertThat(store.sent(bob)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNotificationIsWrittenOncePerKeyPagedNewestFirstAndRead(TestDatabase.Kind kind) {
        try (TestDatabase db =
                TestDatabase.create(kind, AccountabilityPersistence.UNIT, "identity", "accountability")) {
            JpaPartnerStore partners = new JpaPartnerStore(db.jpa(), db.ready());
            JpaNotificationStore store = new JpaNotificationStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UUID invitation = UUID.randomUUID();
            partners.invite(
                    new InvitationRow(invitation, ann, "bob@example.org", InvitationRow.PENDING, NOW, null),
                    notice(bob, ann, "invitation:" + invitation, null));
            UUID habit = UUID.randomUUID();
            assertThat(store.add(notice(bob, ann, "request:1", habit))).isTrue();
            assertThat(store.add(notice(bob, ann, "request:1", habit)))
                    .as("delivered again")
                    .isFalse();
            assertThat(store.add(notice(bob, ann, "request:2", habit))).isTrue();
            assertThat(store.add(notice(ann, bob, "request:1", habit)))
                    .as("another recipient")
                    .isTrue();

            List<NotificationRow> page = store.list(bob, false, null, 2);
            assertThat(page).extracting(NotificationRow::dedupeKey).containsExactly("request:2", "request:1");
            assertThat(page.get(0).habitId()).isEqualTo(habit);
            assertThat(page.get(0).day()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
            assertThat(store.list(bob, false, page.get(1).id(), 2))
                    .extracting(NotificationRow::dedupeKey)
                    .containsExactly("invitation:" + invitation);
            assertThat(store.since(bob, page.get(1).id() - 1, 10))
                    .extracting(NotificationRow::dedupeKey)
                    .containsExactly("request:1", "request:2");
            assertThat(store.unread(bob)).isEqualTo(3);
            // someone else's id changes nothing
            long annsId = store.list(ann, false, null, 1).get(0).id();
            assertThat(store.read(bob, List.of(page.get(0).id(), annsId), NOW)).isEqualTo(1);
            assertThat(store.list(bob, true, null, 10)).hasSize(2);
            assertThat(store.readAll(bob, NOW)).isEqualTo(2);
            assertThat(store.unread(bob)).isZero();
            assertThat(store.unread(ann)).isEqualTo(1);

            TestRows.deleteUser(db.dataSource(), ann);
            assertThat(store.list(bob, false, null, 10))
                    .allSatisfy(n -> assertThat(n.actorId()).isNull());
        }
    }

    private static NotificationRow notice(UUID to, UUID from, String key, UUID habit) {
        return new NotificationRow(
                0,
                to,
                "referee_request",
                from,
                habit,
                habit == null ? null : "Gym",
                habit == null ? null : java.time.LocalDate.of(2026, 3, 2),
                null,
                null,
                key,
                NOW,
                null);
    }

    private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
