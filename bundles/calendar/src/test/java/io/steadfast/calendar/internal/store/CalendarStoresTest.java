package io.steadfast.calendar.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class CalendarStoresTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void calendarFeedSecretsMapToTheirUser(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, CalendarPersistence.UNIT, "identity", "calendar")) {
            JpaCalendarFeedStore feeds = new JpaCalendarFeedStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            feeds.put(ann, "a".repeat(64), Instant.now());
            assertThat(feeds.userFor("a".repeat(64))).contains(ann);
            feeds.put(ann, "b".repeat(64), Instant.now());
            assertThat(feeds.userFor("a".repeat(64))).isEmpty();
            assertThat(feeds.userFor("b".repeat(64))).contains(ann);
            assertThat(feeds.delete(ann)).isTrue();
            assertThat(feeds.userFor("b".repeat(64))).isEmpty();
            assertThat(feeds.delete(ann)).isFalse();
        }
    }
}
