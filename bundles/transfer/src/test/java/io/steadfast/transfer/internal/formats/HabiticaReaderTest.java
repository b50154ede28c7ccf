package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.habit;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

class HabiticaReaderTest {

    private final HabiticaReader reader = new HabiticaReader();

    @TempDir
    Path dir;

    /** An instant given as local time in UTC+2 (the user's zone in the fixtures: timezoneOffset -120). */
    static long at(String localDateTime) {
        return Instant.parse(localDateTime + "Z").minusSeconds(2 * 3600).toEpochMilli();
    }

    /** A user data export as /export/userdata.json writes it (shortened): the user, then its tasks by type. */
    static String userData() {
        return """
                {"_id":"0f0e0d0c-0000-4000-8000-000000000001",
                 "auth":{"local":{"username":"sam"},"timestamps":{"created":"2023-12-01T10:00:00.000Z"}},
                 "achievements":{"habitBirthdays":0,"streak":3},
                 "inbox":{"messages":{"m1":{"text":"hi","nested":{"deep":[1,2,3]}}}},
                 "preferences":{"timezoneOffset":-120,"dayStart":0,"language":"en"},
                 "tasksOrder":{"habits":["h-both","h-up","h-down"],"dailys":["d-weekly","d-daily"],"todos":[],"rewards":[]},
                 "tasks":{
                  "dailys":[
                   {"_id":"d-daily","id":"d-daily","type":"daily","text":"Stretch","notes":"5 minutes",
                    "frequency":"daily","everyX":1,"startDate":"2023-12-31T22:00:00.000Z",
                    "createdAt":"2023-12-31T21:00:00.000Z",
                    "reminders":[{"id":"r1","time":"2024-01-01T05:30:00.000Z"}],
                    "history":[
                     {"date":%d,"value":1.2,"isDue":true,"completed":true},
                     {"date":%d,"value":0.1,"isDue":true,"completed":false},
                     {"date":%d,"value":1.1,"isDue":true,"completed":true}]},
                   {"_id":"d-weekly","id":"d-weekly","type":"daily","text":"Gym",
                    "frequency":"weekly","everyX":1,"repeat":{"m":true,"t":false,"w":true,"th":false,"f":true,"s":false,"su":false},
                    "startDate":"2024-01-01T00:00:00.000Z","history":[]},
                   {"_id":"d-third","id":"d-third","type":"daily","text":"Water plants","frequency":"daily","everyX":3,
                    "startDate":"2024-01-10T00:00:00.000Z","history":[{"date":%d,"value":1,"completed":true}]},
                   {"_id":"d-monthly","id":"d-monthly","type":"daily","text":"Budget","frequency":"monthly","everyX":1,
                    "daysOfMonth":[1],"startDate":"2024-01-01T00:00:00.000Z","history":[]},
                   {"_id":"d-old","id":"d-old","type":"daily","text":"Old style","frequency":"daily","everyX":1,
                    "history":[{"date":%d,"value":1},{"date":%d,"value":-0.5},{"date":%d,"value":0.6}]}
                  ],
                  "habits":[
                   {"_id":"h-up","id":"h-up","type":"habit","text":"Drink water","up":true,"down":false,
                    "createdAt":"2024-01-01T08:00:00.000Z",
                    "history":[{"date":%d,"value":3,"scoredUp":3,"scoredDown":0},{"date":%d,"value":4,"scoredUp":1,"scoredDown":0}]},
                   {"_id":"h-down","id":"h-down","type":"habit","text":"Smoke","up":false,"down":true,
                    "history":[{"date":%d,"value":-2,"scoredUp":0,"scoredDown":2}]},
                   {"_id":"h-both","id":"h-both","type":"habit","text":"Snack healthy","up":true,"down":true,
                    "history":[{"date":%d,"value":1,"scoredUp":1,"scoredDown":1}]}
                  ],
                  "todos":[{"_id":"t1","id":"t1","type":"todo","text":"Buy milk"},{"_id":"t2","type":"todo","text":"Call"}],
                  "rewards":[{"_id":"w1","id":"w1","type":"reward","text":"Cake","value":10}]
                 }}
                """
                .formatted(
                        at("2024-01-02T21:00:00"),
                        at("2024-01-04T00:05:00"),
                        at("2024-01-05T23:59:00"), // still January 5 in the user's zone, January 5 21:59 UTC
                        at("2024-01-16T09:00:00"),
                        at("2024-01-02T00:10:00"),
                        at("2024-01-03T00:10:00"),
                        at("2024-01-04T00:10:00"),
                        at("2024-01-02T23:30:00"), // January 2 local, January 2 21:30 UTC
                        at("2024-01-03T01:30:00"), // January 3 local, January 2 23:30 UTC
                        at("2024-01-04T12:00:00"),
                        at("2024-01-05T12:00:00"));
    }

    private Archive read(String json) throws Exception {
        return reader.read(Fixtures.text(dir, "habitica-user-data.json", json), ImportLimits.DEFAULTS);
    }

    @Test
    void readsAUserDataExport() throws Exception {
        Archive a = read(userData());

        assertThat(a.format()).isEqualTo("habitica");
        assertThat(a.habits())
                .extracting(ArchivedHabit::name)
                .containsExactly(
                        "Gym",
                        "Stretch",
                        "Water plants",
                        "Budget",
                        "Old style",
                        "Snack healthy",
                        "Drink water",
                        "Smoke");

        ArchivedHabit stretch = habit(a, "Stretch");
        assertThat(stretch.sourceId()).isEqualTo("d-daily");
        assertThat(stretch.type()).isEqualTo("boolean");
        assertThat(stretch.description()).isEqualTo("5 minutes");
        assertThat(stretch.schedule()).isEqualTo(new Schedule.Daily());
        assertThat(stretch.startDate()).isEqualTo(LocalDate.of(2024, 1, 1)); // local midnight in UTC+2
        assertThat(stretch.days())
                .containsExactly(
                        new ArchivedDay(LocalDate.of(2024, 1, 2), null, null, false),
                        new ArchivedDay(LocalDate.of(2024, 1, 5), null, null, false));
        assertThat(stretch.reminders()).containsExactly(new ArchivedReminder(LocalTime.of(7, 30), Set.of(), true));

        assertThat(habit(a, "Gym").schedule()).isEqualTo(Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY));

        ArchivedHabit plants = habit(a, "Water plants");
        assertThat(plants.schedule()).isEqualTo(new Schedule.EveryNDays(3));
        assertThat(plants.startDate()).isEqualTo(LocalDate.of(2024, 1, 10));

        assertThat(habit(a, "Budget").schedule()).isEqualTo(new Schedule.TimesPerMonth(1));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("daily 'Budget': Habitica's monthly repeat"));

        // older history: the value rose in the entry written at the start of January 2 and 4: January 1 and 3
        assertThat(habit(a, "Old style").days())
                .extracting(ArchivedDay::date)
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3));

        ArchivedHabit water = habit(a, "Drink water");
        assertThat(water.type()).isEqualTo("count");
        assertThat(water.target()).isEqualByComparingTo("1");
        assertThat(water.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(water.days())
                .containsExactly(
                        new ArchivedDay(LocalDate.of(2024, 1, 2), new BigDecimal("3"), null, false),
                        new ArchivedDay(LocalDate.of(2024, 1, 3), new BigDecimal("1"), null, false));

        ArchivedHabit smoke = habit(a, "Smoke");
        assertThat(smoke.type()).isEqualTo("limit");
        assertThat(smoke.target()).isEqualByComparingTo("0");
        assertThat(smoke.days())
                .containsExactly(new ArchivedDay(LocalDate.of(2024, 1, 4), new BigDecimal("2"), null, false));

        assertThat(habit(a, "Snack healthy").days())
                .extracting(ArchivedDay::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ONE);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("its − clicks were left out"));

        assertThat(a.skipped()).isEqualTo(3);
        assertThat(a.warnings())
                .contains("2 to-dos and 1 rewards were left out: Steadfast keeps habits, not one-off"
                        + " tasks or rewards.");
    }

    @Test
    void readsTheApisShape() throws Exception {
        Archive a = read(
                """
                {"success":true,"data":{"preferences":{"timezoneOffset":300},"tasks":{"habits":[
                  {"id":"h1","type":"habit","text":"Read","up":true,"down":false,
                   "history":[{"date":"2024-03-01T04:00:00.000Z","value":1,"scoredUp":2,"scoredDown":0}]}]}},
                 "appVersion":"5.0"}
                """);

        // 04:00 UTC is 23:00 on February 29 in UTC-5
        assertThat(habit(a, "Read").days()).extracting(ArchivedDay::date).containsExactly(LocalDate.of(2024, 2, 29));
    }

    @Test
    void readsAListOfTasks() throws Exception {
        Archive a = read(
                """
                {"success":true,"data":[{"id":"d1","type":"daily","text":"Walk","frequency":"weekly","repeat":{}},
                 {"id":"t1","type":"todo","text":"x"}]}
                """);

        assertThat(habit(a, "Walk").schedule()).isEqualTo(new Schedule.Daily()); // repeat without days: all
        assertThat(a.skipped()).isEqualTo(1);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("time zone"));
    }

    @Test
    void refusesJsonThatIsNotHabiticas() throws Exception {
        ImportRefused e = refused(() -> read("{\"auth\": 1, \"something\": [1, 2]}"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("This JSON file is not a Habitica user data export.");
        assertThat(refused(() -> read("[1, 2, 3]")).status()).isEqualTo(422);
    }

    @Test
    void refusesTruncatedOrNestedTooDeeply() throws Exception {
        String full = userData();
        ImportRefused truncated = refused(() -> read(full.substring(0, full.length() / 2)));
        assertThat(truncated.status()).isEqualTo(422);
        assertThat(truncated.getMessage()).startsWith("This JSON file is damaged or incomplete (line ");

        String deep = "{\"tasks\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refused(() -> read(deep)).getMessage()).contains("nested too deeply");

        String longText =
                "{\"tasks\":{\"habits\":[{\"id\":\"x\",\"text\":\"" + "a".repeat(Json.MAX_STRING + 1) + "\"}]}}";
        assertThat(refused(() -> read(longText)).getMessage()).contains("text too long");

        assertThat(refused(() -> read("{\"tasks\":{},\"tasks\":{}}")).status()).isEqualTo(422); // duplicate names
    }

    @Test
    void refusesMoreHabitsThanTheLimit() throws Exception {
        ImportRefused e =
                refused(() -> reader.read(Fixtures.text(dir, "u.json", userData()), Fixtures.limits(3, 1000)));
        assertThat(e.status()).isEqualTo(413);
    }
}
