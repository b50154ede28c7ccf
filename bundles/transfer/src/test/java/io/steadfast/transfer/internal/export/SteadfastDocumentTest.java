package io.steadfast.transfer.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class SteadfastDocumentTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** A document as the identity bundle writes it, with members and sections these records do not know. */
    static final String DOCUMENT =
            """
            {"format":"steadfast-export","version":1,"exportedAt":"2026-03-01T10:15:00Z",
             "profile":{"id":"00000000-0000-0000-0000-00000000000a","email":"ann@example.org","displayName":"Ann",
               "timezone":"Europe/Berlin","weekStart":"MON","dayStartsAt":3,"role":"user",
               "createdAt":"2025-01-01T08:00:00Z","notify":{"partnerMissed":true,"streakAtRisk":"20:30"},
               "avatar":"later"},
             "accessTokens":[{"id":"00000000-0000-0000-0000-0000000000b1","name":"CI","scopes":["read"],
               "createdAt":"2025-01-01T08:00:00Z","lastUsedAt":null,"expiresAt":null}],
             "habits":[{"habit":{"id":"00000000-0000-0000-0000-0000000000c1","name":"Water","description":null,
                 "type":"count","target":8,"unit":"glasses","schedule":{"kind":"weekdays","days":["MON","WED"]},
                 "startDate":"2025-01-01","color":"#22aa55","icon":null,"archived":false,"sortOrder":0,
                 "available":true,"createdAt":"2025-01-01T08:00:00Z","goal":{"value":2.5,"direction":"down",
                 "by":null},"visibility":"private","shareNotes":false,"refereeUserId":null,"groupIds":[]},
               "checkins":[{"habitId":"00000000-0000-0000-0000-0000000000c1","date":"2025-01-01","value":6.5,
                 "note":"a, \\"b\\"\\nc","status":"done","backfilled":false,"updatedAt":"2025-01-01T20:00:00Z",
                 "verification":null,"verificationComment":null},
                 {"habitId":"00000000-0000-0000-0000-0000000000c1","date":"2025-01-02","value":null,"note":null,
                 "status":"skipped","backfilled":true,"updatedAt":"2025-01-03T20:00:00Z","verification":null,
                 "verificationComment":null,"photo":"later"}]}],
             "vacations":[{"id":"00000000-0000-0000-0000-0000000000d1","from":"2025-02-01","to":"2025-02-07",
               "habitIds":null,"createdAt":"2025-01-20T08:00:00Z"}],
             "reminders":[{"id":"00000000-0000-0000-0000-0000000000e1",
               "habitId":"00000000-0000-0000-0000-0000000000c1","time":"07:30","days":["MON"],
               "onlyIfNotDone":true,"channelIds":[],"createdAt":"2025-01-01T08:00:00Z"}],
             "achievements":[{"code":"streak-7","title":"A week","habitId":"00000000-0000-0000-0000-0000000000c1",
               "habitName":"Water","reachedOn":"2025-01-07"}],
             "accountability":{"partners":[]},"channels":{"channels":[],"deliveries":[]}}
            """;

    @Test
    void readsTheDocumentAsWrittenIgnoringWhatItDoesNotKnow() throws Exception {
        SteadfastDocument d = JSON.readValue(DOCUMENT, SteadfastDocument.class);

        assertThat(d.readable()).isTrue();
        assertThat(d.exportedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(d.profile().timezone()).isEqualTo("Europe/Berlin");
        assertThat(d.profile().alerts()).isEqualTo(new SteadfastDocument.Alerts(true, "20:30"));
        assertThat(d.accessTokens())
                .extracting(SteadfastDocument.AccessToken::name)
                .containsExactly("CI");
        SteadfastDocument.HabitEntry water = d.habits().get(0);
        assertThat(water.habit().schedule().days()).containsExactly("MON", "WED");
        assertThat(water.habit().goal().value()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(water.checkins()).hasSize(2);
        assertThat(water.checkins().get(0).note()).isEqualTo("a, \"b\"\nc");
        assertThat(water.checkins().get(1).skipped()).isTrue();
        assertThat(d.vacations().get(0).to()).isEqualTo(LocalDate.of(2025, 2, 7));
        assertThat(d.reminders().get(0).time()).isEqualTo(LocalTime.of(7, 30));
        assertThat(d.achievements().get(0).code()).isEqualTo("streak-7");
    }

    @Test
    void aDocumentOfAnotherVersionIsNotReadable() throws Exception {
        assertThat(JSON.readValue("{\"format\":\"steadfast-export\",\"version\":2}", SteadfastDocument.class)
                        .readable())
                .isFalse();
        SteadfastDocument other = JSON.readValue("{\"format\":\"loop\",\"version\":1}", SteadfastDocument.class);
        assertThat(other.readable()).isFalse();
        assertThat(other.habits()).isNull();
    }
}
