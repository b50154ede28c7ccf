package io.steadfast.transfer.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;
import io.steadfast.transfer.internal.domain.ImportJob;

class ImportJobStoreTest {

    static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");

    static ImportJob queued(UUID user, Instant at) {
        return new ImportJob(
                UUID.randomUUID(),
                user,
                ImportJob.QUEUED,
                "csv",
                "u/" + user + "/imports/x",
                "habits.csv",
                120,
                40,
                0,
                0,
                0,
                1,
                0,
                List.of("line 3: left out"),
                null,
                0,
                at,
                at,
                null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anImportIsClaimedByOneNodeAndResumedByAnotherWhenItsLeaseRunsOut(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, TransferPersistence.UNIT, "identity", "transfer")) {
            JpaImportJobStore jobs = new JpaImportJobStore(db.jpa(), db.ready(), Clock.fixed(NOW, ZoneOffset.UTC));
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            ImportJob first = queued(ann, NOW);
            ImportJob second = queued(ann, NOW.plusSeconds(1));
            jobs.create(first);
            jobs.create(second);
            assertThat(jobs.find(ann, first.id())).hasValueSatisfying(j -> {
                assertThat(j.status()).isEqualTo(ImportJob.QUEUED);
                assertThat(j.warnings()).containsExactly("line 3: left out");
                assertThat(j.total()).isEqualTo(40);
            });
            assertThat(jobs.find(bob, first.id())).isEmpty();
            assertThat(jobs.list(ann, 10)).extracting(ImportJob::id).containsExactly(second.id(), first.id());
            assertThat(jobs.unfinished(ann)).isEqualTo(2);

            // the oldest first, to one node at a time
            ImportJob claimed = jobs.claim("a", Duration.ofMinutes(5)).orElseThrow();
            assertThat(claimed.id()).isEqualTo(first.id());
            assertThat(claimed.status()).isEqualTo(ImportJob.RUNNING);
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(jobs.claim("b", Duration.ofMinutes(5)).orElseThrow().id())
                    .isEqualTo(second.id());
            assertThat(jobs.claim("c", Duration.ofMinutes(5))).isEmpty();

            assertThat(jobs.progress(first.id(), "a", Duration.ofMinutes(5), 20, 1, 19))
                    .isTrue();
            assertThat(jobs.progress(first.id(), "b", Duration.ofMinutes(5), 30, 1, 29))
                    .isFalse();

            // a node that stops leaves its import to another once the lease is over (here: at once)
            assertThat(jobs.progress(second.id(), "b", Duration.ZERO, 5, 0, 5)).isTrue();
            ImportJob resumed = jobs.claim("c", Duration.ofMinutes(5)).orElseThrow();
            assertThat(resumed.id()).isEqualTo(second.id());
            assertThat(resumed.attempts()).isEqualTo(2);
            assertThat(jobs.finish(second.id(), "b", ImportJob.DONE, 40, 0, 40, 1, 0, List.of(), null))
                    .as("the claim was lost")
                    .isFalse();
            assertThat(jobs.finish(second.id(), "c", ImportJob.DONE, 40, 2, 39, 1, 3, List.of("w1", "w2"), null))
                    .isTrue();
            assertThat(jobs.find(ann, second.id())).hasValueSatisfying(j -> {
                assertThat(j.status()).isEqualTo(ImportJob.DONE);
                assertThat(j.fileKey()).isNull();
                assertThat(j.finishedAt()).isEqualTo(NOW);
                assertThat(j.habits()).isEqualTo(2);
                assertThat(j.checkins()).isEqualTo(39);
                assertThat(j.photos()).isEqualTo(3);
                assertThat(j.warnings()).containsExactly("w1", "w2");
            });
            assertThat(jobs.finish(first.id(), "a", ImportJob.FAILED, 20, 1, 19, 0, 0, List.of(), "The file is gone"))
                    .isTrue();
            assertThat(jobs.find(ann, first.id()).orElseThrow().error()).isEqualTo("The file is gone");
            assertThat(jobs.unfinished(ann)).isZero();
            assertThat(jobs.claim("d", Duration.ofMinutes(5))).isEmpty();
        }
    }
}
