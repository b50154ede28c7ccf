package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.habit;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedGoal;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedProfile;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.ArchivedVacation;
import io.steadfast.transfer.internal.archive.ImportLimits;

class SteadfastReaderTest {

    private static final String WEIGHT = "7d0c1a52-3b4e-4f5a-9b6c-0d1e2f3a4b5c";
    private static final String GYM = "11111111-2222-4333-8444-555555555555";

    private final SteadfastReader reader = new SteadfastReader();

    @TempDir
    Path dir;

    static String document() {
        return """
                {"format":"steadfast-export","version":1,"exportedAt":"2024-06-01T10:00:00Z",
                 "profile":{"id":"00000000-0000-4000-8000-000000000001","email":"sam@example.com","displayName":"Sam",
                  "timezone":"Europe/Berlin","weekStart":"MON","dayStartsAt":4,"role":"user",
                  "createdAt":"2024-01-01T00:00:00Z","notify":{"partnerMissed":true,"streakAtRisk":"20:00"}},
                 "accessTokens":[{"id":"00000000-0000-4000-8000-000000000002","name":"phone","scopes":["read"]}],
                 "habits":[
                  {"habit":{"id":"%s","name":"Weight","type":"measurement","unit":"kg","schedule":{"kind":"daily"},
                    "startDate":"2024-05-01","color":"#3366CC","icon":"scale","archived":false,"sortOrder":2,
                    "available":true,"goal":{"value":70,"direction":"down","by":"2024-12-31"},"visibility":"private",
                    "futureMember":{"a":1}},
                   "checkins":[{"habitId":"%s","date":"2024-05-01","value":72.4,"note":"after run","status":"done",
                     "backfilled":false,"updatedAt":"2024-05-01T07:00:00Z","verification":null}]},
                  {"habit":{"id":"%s","name":"Gym","type":"boolean","schedule":{"kind":"weekdays","days":["MON","THU"]},
                    "startDate":"2024-04-01","archived":true,"sortOrder":1,"available":true},
                   "checkins":[{"date":"2024-05-02","status":"done"},{"date":"2024-05-06","status":"skipped"}]}
                 ],
                 "vacations":[{"id":"00000000-0000-4000-8000-000000000003","from":"2024-07-01","to":"2024-07-14",
                   "habitIds":null},
                  {"from":"2024-08-01","to":"2024-08-03","habitIds":["%s"]}],
                 "reminders":[{"id":"00000000-0000-4000-8000-000000000004","habitId":"%s","time":"07:30",
                   "days":["MON","THU"],"onlyIfNotDone":true,"channelIds":[]}],
                 "achievements":[{"code":"first","title":"First day","habitId":null,"reachedOn":"2024-05-01"}],
                 "accountability":{"partners":[]}}
                """
                .formatted(WEIGHT, WEIGHT, GYM, GYM, GYM);
    }

    @Test
    void readsADocument() throws Exception {
        Path file = Fixtures.text(dir, "steadfast-export.json", document());
        assertThat(Formats.detect(Formats.sniff(file, "application/json", ImportLimits.DEFAULTS)))
                .isInstanceOf(SteadfastReader.class);

        Archive a = reader.read(file, ImportLimits.DEFAULTS);

        assertThat(a.format()).isEqualTo("steadfast");
        assertThat(a.profile()).isEqualTo(new ArchivedProfile("Sam", "Europe/Berlin", MONDAY, 4));
        assertThat(a.habits()).extracting(ArchivedHabit::name).containsExactly("Gym", "Weight"); // by sortOrder

        ArchivedHabit weight = habit(a, "Weight");
        assertThat(weight.sourceId()).isEqualTo(WEIGHT);
        assertThat(weight.type()).isEqualTo("measurement");
        assertThat(weight.unit()).isEqualTo("kg");
        assertThat(weight.color()).isEqualTo("#3366cc");
        assertThat(weight.icon()).isEqualTo("scale");
        assertThat(weight.goal()).isEqualTo(new ArchivedGoal(new BigDecimal("70"), "down", LocalDate.of(2024, 12, 31)));
        assertThat(weight.days())
                .containsExactly(new ArchivedDay(
                        LocalDate.of(2024, 5, 1),
                        new BigDecimal("72.4"),
                        "after run",
                        false,
                        false,
                        java.time.Instant.parse("2024-05-01T07:00:00Z")));

        ArchivedHabit gym = habit(a, "Gym");
        assertThat(gym.schedule()).isEqualTo(Schedule.Weekdays.of(MONDAY, THURSDAY));
        assertThat(gym.archived()).isTrue();
        assertThat(gym.startDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(gym.days())
                .containsExactly(
                        new ArchivedDay(LocalDate.of(2024, 5, 2), null, null, false),
                        new ArchivedDay(LocalDate.of(2024, 5, 6), null, null, true));
        assertThat(gym.reminders())
                .containsExactly(new ArchivedReminder(LocalTime.of(7, 30), Set.of(MONDAY, THURSDAY), true));

        assertThat(a.vacations())
                .containsExactly(
                        new ArchivedVacation(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 14), List.of()),
                        new ArchivedVacation(LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 3), List.of(GYM)));
        assertThat(a.skipped()).isEqualTo(1); // the access token
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("access tokens were not imported"));
    }

    @Test
    void refusesAnotherVersionOrADamagedDocument() throws Exception {
        Path v2 = Fixtures.text(dir, "v2.json", "{\"format\":\"steadfast-export\",\"version\":2}");
        Path cut = Fixtures.text(dir, "cut.json", document().substring(0, 400));
        Path wrong = Fixtures.text(dir, "wrong.json", "{\"format\":\"steadfast-export\",\"version\":1,\"habits\":7}");
        Path deep = Fixtures.text(
                dir,
                "deep.json",
                "{\"format\":\"steadfast-export\",\"version\":1,\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}");

        assertThat(refused(() -> reader.read(v2, ImportLimits.DEFAULTS)).getMessage())
                .contains("version 2");
        assertThat(refused(() -> reader.read(cut, ImportLimits.DEFAULTS)).getMessage())
                .startsWith("This Steadfast export is damaged or incomplete");
        assertThat(refused(() -> reader.read(wrong, ImportLimits.DEFAULTS)).status())
                .isEqualTo(422);
        assertThat(refused(() -> reader.read(deep, ImportLimits.DEFAULTS)).getMessage())
                .contains("nested too deeply");
    }
}
