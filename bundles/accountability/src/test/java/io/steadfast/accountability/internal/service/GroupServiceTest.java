package io.steadfast.accountability.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.steadfast.accountability.internal.store.AccountabilityPersistence;
import io.steadfast.accountability.internal.store.GroupRows;
import io.steadfast.accountability.internal.store.JpaGroupStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.limit.Limits;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestClock;
import io.steadfast.testsupport.TestRows;

/** The group rules on H2, with the accounts of a directory over the test's own users. */
class GroupServiceTest {

    private TestDatabase db;
    private final Map<UUID, UserProfile> users = new ConcurrentHashMap<>();
    private final TestClock clock = new TestClock(Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS));
    /** The limits a test sets; 100 for the others. */
    private final Map<String, Integer> caps = new ConcurrentHashMap<>();

    private final Limits limits = name -> caps.getOrDefault(name, 100);
    private GroupService groups;

    private UUID ann;
    private UUID bob;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(TestDatabase.Kind.H2, AccountabilityPersistence.UNIT, "identity", "accountability");
        UserDirectory directory = new UserDirectory() {
            @Override
            public Optional<UserProfile> find(UUID id) {
                return Optional.ofNullable(users.get(id));
            }

            @Override
            public Optional<UserProfile> findByEmail(String email) {
                return users.values().stream()
                        .filter(u -> u.email().equalsIgnoreCase(email.trim()))
                        .findFirst();
            }
        };
        groups = new GroupService(new JpaGroupStore(db.jpa(), db.ready()), directory, clock, limits);
        ann = user("ann@example.org", "Ann");
        bob = user("bob@example.org", "Bob");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UUID user(String email, String name) {
        UUID id = TestRows.user(db.dataSource(), email);
        users.put(id, new UserProfile(id, email, name, ZoneId.of("UTC"), DayOfWeek.MONDAY, 0, "user", clock.instant()));
        return id;
    }

    @Test
    void theGroupsOneBelongsToMadeOrJoinedAreCappedByTheLimit() {
        caps.put(Limits.GROUPS, 2);
        GroupService.Group mine = groups.create(ann, "Runners", null);
        GroupService.Group readers = groups.create(bob, "Readers", null);
        GroupService.Group writers = groups.create(bob, "Writers", null);
        assertThat(groups.join(ann, groups.createCode(bob, readers.id()).code()).role())
                .isEqualTo(GroupRows.MEMBER);

        // joining a group one is in is told as before, not as the limit
        String again = groups.createCode(bob, readers.id()).code();
        assertThatThrownBy(() -> groups.join(ann, again))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("member of this group already");
        // one made and one joined: no third, made or joined
        assertThatThrownBy(() -> groups.create(ann, "Swimmers", null))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.GROUPS);
                    assertThat(e.max()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("2 groups", "leave one first");
                });
        String toWriters = groups.createCode(bob, writers.id()).code();
        assertThatThrownBy(() -> groups.join(ann, toWriters))
                .isInstanceOfSatisfying(
                        LimitReachedException.class, e -> assertThat(e.limit()).isEqualTo(Limits.GROUPS));
        assertThat(groups.list(ann))
                .as("nothing stored by the refused calls")
                .extracting(GroupService.Group::id)
                .containsExactlyInAnyOrder(mine.id(), readers.id());
        assertThat(groups.isMember(ann, writers.id())).isFalse();

        // leaving one makes room (and the refused code is still good)
        groups.remove(ann, readers.id(), ann);
        assertThat(groups.join(ann, toWriters).id()).isEqualTo(writers.id());
        assertThatThrownBy(() -> groups.create(ann, "Swimmers", null)).isInstanceOf(LimitReachedException.class);
        groups.delete(ann, mine.id());
        assertThat(groups.create(ann, "Swimmers", null).role()).isEqualTo(GroupRows.OWNER);
        assertThat(groups.list(ann)).hasSize(2);
    }
}
