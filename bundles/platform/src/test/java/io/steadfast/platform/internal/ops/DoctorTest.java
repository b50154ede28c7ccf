package io.steadfast.platform.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.steadfast.api.ops.Check;
import io.steadfast.api.ops.Check.Finding;
import io.steadfast.api.ops.Check.Verdict;

class DoctorTest {

    static Check check(String name, Finding f) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Finding run() {
                return f;
            }
        };
    }

    @Test
    void theHighestRankedCheckOfANameAnswersAndTheUsualPartsComeFirst() {
        Check local = check("redis", Finding.off("not configured", "set STEADFAST_REDIS_URL"));
        Check redis = check("redis", Finding.ok("PONG in 1 ms"));
        Check zeta = check("zeta", Finding.ok("fine"));
        Check db = check("database", Finding.ok("h2"));
        Check disk = check("disk", Finding.ok("plenty"));
        List<Check> chosen = Doctor.winners(List.of(
                new Doctor.Entry(zeta, 0),
                new Doctor.Entry(local, 0),
                new Doctor.Entry(disk, 0),
                new Doctor.Entry(redis, 100),
                new Doctor.Entry(db, 0)));
        assertThat(chosen).containsExactly(db, redis, disk, zeta);
    }

    @Test
    void aCheckThatThrowsOrAnswersNothingIsAProblemAndTheSummarySaysWhich() {
        Check broken = new Check() {
            @Override
            public String name() {
                return "smtp";
            }

            @Override
            public Finding run() {
                throw new IllegalStateException("boom");
            }
        };
        AtomicLong nanos = new AtomicLong();
        Doctor.Report r = Doctor.run(
                List.of(
                        check("database", Finding.ok("h2 answered in 1 ms")),
                        check("redis", Finding.off("not configured", "set it for a cluster")),
                        check("clock", Finding.warning("simulated", "unset it")),
                        broken,
                        check("disk", null)),
                () -> nanos.addAndGet(2_000_000));
        assertThat(r.lines())
                .extracting(l -> l.finding().verdict())
                .containsExactly(Verdict.OK, Verdict.OFF, Verdict.WARNING, Verdict.PROBLEM, Verdict.PROBLEM);
        assertThat(r.lines().get(3).finding().detail()).contains("boom");
        assertThat(r.lines().get(0).millis()).isEqualTo(2);
        assertThat(r.healthy()).isFalse();
        assertThat(r.summary())
                .isEqualTo("Doctor: NOT healthy. 5 check(s): 1 fine, 2 problem(s) (smtp, disk), 1 warning(s) "
                        + "(clock); not configured: redis");
    }

    @Test
    void allFineSaysSo() {
        Doctor.Report r = Doctor.run(List.of(check("database", Finding.ok("h2"))), System::nanoTime);
        assertThat(r.healthy()).isTrue();
        assertThat(r.summary()).isEqualTo("Doctor: healthy. 1 check(s): 1 fine, no problem");
    }

    @Test
    void littleFreeDiskIsAWarningAndAlmostNoneAProblem() {
        long gib = 1024L * 1024 * 1024;
        Path data = Path.of("/srv/steadfast/data");
        assertThat(DiskCheck.judge(data, 50 * gib, 100 * gib).verdict()).isEqualTo(Verdict.OK);
        assertThat(DiskCheck.judge(data, 50 * gib, 100 * gib).detail())
                .isEqualTo("the data directory /srv/steadfast/data has 50.0 GiB free of 100.0 GiB (50 %)");
        assertThat(DiskCheck.judge(data, 3 * gib, 100 * gib).verdict())
                .as("3 %")
                .isEqualTo(Verdict.WARNING);
        assertThat(DiskCheck.judge(data, gib / 2, 4 * gib).verdict())
                .as("512 MiB")
                .isEqualTo(Verdict.WARNING);
        Finding full = DiskCheck.judge(data, 100 * 1024 * 1024, 100 * gib);
        assertThat(full.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(full.fix()).contains("free space");
    }

    @Test
    void ofTwoTypesWithOneKeyTheFirstRegisteredServes() {
        List<Plugins.Row> rows = Plugins.rows(List.of(
                new Plugins.Registration("habit type", "count", "Count", 12, "io.steadfast.habit", "0.1.0", "Active"),
                new Plugins.Registration(
                        "channel type", "email", "E-mail", 40, "io.steadfast.plugins.email", "0.1.0", "Active"),
                new Plugins.Registration("habit type", "count", "Other", 90, "com.example.count", "1.0.0", "Active"),
                new Plugins.Registration(
                        "habit type", "boolean", "Yes/no", 11, "io.steadfast.habit", "0.1.0", "Active")));
        assertThat(rows)
                .extracting(r -> r.registration().key() + " " + r.registration().bundle() + ": " + r.note())
                .containsExactly(
                        "email io.steadfast.plugins.email: serves",
                        "boolean io.steadfast.habit: serves",
                        "count io.steadfast.habit: serves",
                        "count com.example.count: ignored: another habit type has the key count");
    }
}
