package io.steadfast.media.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.domain.Avatar;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class MediaStoresTest {

    static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2031-03-04");

    static Attachment attachment(UUID user, UUID habit, LocalDate day, Instant at) {
        UUID id = UUID.randomUUID();
        String p = "u/" + user + "/h/" + habit + "/" + day + "/" + id + "/";
        return new Attachment(
                id, user, habit, day, "image/jpeg", 1234, 640, 480, p + "original", p + "thumb.jpg", "IMG_1.jpg", at);
    }

    static TestDatabase db(TestDatabase.Kind kind) {
        return TestDatabase.create(kind, MediaPersistence.UNIT, "identity", "media; requires=identity");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void attachmentsAreKeptPerDayWithinTheLimitAndGoWithTheirHabitDayOrAccount(TestDatabase.Kind kind) {
        try (TestDatabase db = db(kind)) {
            JpaAttachmentStore store = new JpaAttachmentStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UUID habit = UUID.randomUUID();
            UUID other = UUID.randomUUID();

            Attachment first = attachment(ann, habit, DAY, NOW);
            assertThat(store.create(first, 2)).isTrue();
            assertThat(store.create(attachment(ann, habit, DAY, NOW.plusSeconds(1)), 2))
                    .isTrue();
            assertThat(store.create(attachment(ann, habit, DAY, NOW.plusSeconds(2)), 2))
                    .as("full")
                    .isFalse();
            assertThat(store.create(attachment(ann, habit, DAY.minusDays(1), NOW), 2))
                    .isTrue();
            assertThat(store.create(attachment(ann, other, DAY, NOW), 2)).isTrue();
            assertThat(store.countOfDay(ann, habit, DAY)).isEqualTo(2);
            assertThat(store.countOfDay(bob, habit, DAY)).isZero();

            assertThat(store.ofDay(ann, habit, DAY)).hasSize(2).first().isEqualTo(first);
            assertThat(store.ofDay(bob, habit, DAY)).isEmpty();
            assertThat(store.find(ann, first.id())).contains(first);
            assertThat(store.find(bob, first.id())).isEmpty();
            assertThat(store.days(ann, habit, DAY.minusDays(5))).containsExactly(DAY.minusDays(1), DAY);
            assertThat(store.days(ann, habit, DAY)).containsExactly(DAY);
            assertThat(store.ofUser(ann)).hasSize(4);
            assertThat(store.usage(ann)).containsExactly(4, 4 * 1234);
            assertThat(store.usage(bob)).containsExactly(0, 0);

            assertThat(store.delete(bob, first.id())).isFalse();
            assertThat(store.delete(ann, first.id())).isTrue();
            assertThat(store.delete(ann, first.id())).isFalse();
            assertThat(store.deleteOfDay(ann, habit, DAY.minusDays(1))).isEqualTo(1);

            assertThat(store.shareAttachments(habit)).isFalse();
            store.setShareAttachments(ann, habit, true, NOW);
            assertThat(store.shareAttachments(habit)).isTrue();
            store.setShareAttachments(ann, habit, false, NOW);
            assertThat(store.shareAttachments(habit)).isFalse();
            store.setShareAttachments(ann, habit, true, NOW);

            assertThat(store.deleteOfHabit(ann, habit)).isEqualTo(1);
            assertThat(store.shareAttachments(habit))
                    .as("the choice goes with the habit")
                    .isFalse();
            assertThat(store.ofHabit(ann, other)).hasSize(1);

            TestRows.deleteUser(db.dataSource(), ann);
            assertThat(store.ofUser(ann)).as("rows go with the account").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void uploadsAtOnceCannotPassTheDaysLimit(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = db(kind)) {
            JpaAttachmentStore store = new JpaAttachmentStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID habit = UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    Callable<Boolean> c = () -> store.create(attachment(ann, habit, DAY, NOW), 5);
                    results.add(pool.submit(c));
                }
                int added = 0;
                for (Future<Boolean> f : results) {
                    added += f.get() ? 1 : 0;
                }
                assertThat(added).isEqualTo(5);
                assertThat(store.countOfDay(ann, habit, DAY)).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAvatarIsReplacedAndTheSecretIsMadeOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = db(kind)) {
            JpaAvatarStore avatars = new JpaAvatarStore(db.jpa(), db.ready());
            JpaSecretStore secrets = new JpaSecretStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            Avatar a = new Avatar(
                    ann, UUID.randomUUID(), "image/png", 10, 64, 64, "u/" + ann + "/avatar/x/original", null, NOW);
            assertThat(avatars.put(a)).isEmpty();
            assertThat(avatars.find(ann)).contains(a);
            Avatar b = new Avatar(ann, UUID.randomUUID(), "image/jpeg", 20, 32, 32, "k", "t", NOW.plusSeconds(5));
            assertThat(avatars.put(b)).contains(a);
            assertThat(avatars.find(ann)).contains(b);
            assertThat(avatars.delete(ann)).contains(b);
            assertThat(avatars.delete(ann)).isEmpty();
            assertThat(avatars.find(ann)).isEmpty();

            String s = secrets.secret("url-signing", () -> "first", NOW);
            assertThat(s).isEqualTo("first");
            assertThat(secrets.secret("url-signing", () -> "second", NOW)).isEqualTo("first");
        }
    }
}
