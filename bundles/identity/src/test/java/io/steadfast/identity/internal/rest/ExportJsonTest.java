package io.steadfast.identity.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.account.SectionWriter;
import io.steadfast.api.account.UserDataContributor;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.platform.internal.rest.JsonMapper;

class ExportJsonTest {

    static final Instant T = Instant.parse("2026-03-02T09:30:00Z");
    static final Account ANN =
            new Account(UUID.randomUUID(), "ann@example.org", "Ann", "Europe/Berlin", "SUNDAY", 4, "user", T, null);
    static final TokenInfo CI =
            new TokenInfo(UUID.randomUUID(), "CI", List.of("write", "read"), T, T.plusSeconds(5), null);
    static final UUID USER = ANN.id();

    record Day(LocalDate date, BigDecimal value, String note, Instant updatedAt) {}

    /** A section of whole values (the default {@link UserDataContributor#write}). */
    record Whole(String section, Object value) implements UserDataContributor {
        @Override
        public Object export(UUID userId) {
            return value;
        }
    }

    /** A section written a piece at a time: {@code [{"habit": name, "checkins": [days...]}]}. */
    record Paged(String section, int days, List<Long> seenBeforeTheEnd, ByteCounter out)
            implements UserDataContributor {

        List<Day> all() {
            List<Day> out = new ArrayList<>();
            for (int i = 0; i < days; i++) {
                out.add(new Day(LocalDate.of(2020, 1, 1).plusDays(i), BigDecimal.valueOf(i), "n, \"" + i + "\"\n", T));
            }
            return out;
        }

        @Override
        public Object export(UUID userId) {
            return List.of(Map.of("habit", "Read", "checkins", all()));
        }

        @Override
        public void write(UUID userId, SectionWriter w) throws IOException {
            w.startArray()
                    .startObject()
                    .name("habit")
                    .value("Read")
                    .name("checkins")
                    .startArray();
            List<Day> all = all();
            for (int i = 0; i < all.size(); i++) {
                w.value(all.get(i));
                if (i % 1000 == 999) {
                    w.flush();
                }
            }
            if (out != null) {
                seenBeforeTheEnd.add(out.count);
            }
            w.endArray().endObject().endArray();
        }
    }

    static final class ByteCounter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    final ObjectMapper platform = JsonMapper.create();

    interface Writing {
        void write(SectionWriter out) throws IOException;
    }

    static UserDataContributor writing(String section, Writing w) {
        return new UserDataContributor() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public Object export(UUID userId) {
                throw new AssertionError("the streamed export calls write");
            }

            @Override
            public void write(UUID userId, SectionWriter out) throws IOException {
                w.write(out);
            }
        };
    }

    @Test
    void theStreamedDocumentIsTheDocumentOfThePlatformsMapper() throws Exception {
        Map<String, Object> achievements = new LinkedHashMap<>();
        achievements.put("streak-7", LocalDate.of(2026, 3, 1));
        achievements.put("none", null);
        List<UserDataContributor> sections =
                List.of(new Paged("habits", 2500, new ArrayList<>(), null), new Whole("achievements", achievements));
        ExportDocument head = new ExportDocument(T, ANN, List.of(CI), Map.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportJson.write(out, USER, head, sections);

        Map<String, Object> inMemory = new LinkedHashMap<>();
        for (UserDataContributor c : sections) {
            inMemory.put(c.section(), c.export(USER));
        }
        JsonNode expected = platform.readTree(
                platform.writeValueAsString(Dtos.export(new ExportDocument(T, ANN, List.of(CI), inMemory))));
        JsonNode streamed = platform.readTree(out.toByteArray());
        assertThat(streamed).isEqualTo(expected);
        List<String> names = new ArrayList<>();
        streamed.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "format", "version", "exportedAt", "profile", "accessTokens", "habits", "achievements");
        assertThat(streamed.get("format").asText()).isEqualTo("steadfast-export");
        assertThat(streamed.get("version").asInt()).isEqualTo(1);
        assertThat(streamed.get("exportedAt").asText()).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(streamed.get("habits").get(0).get("checkins")).hasSize(2500);
    }

    @Test
    void whatASectionWritesReachesTheStreamBeforeTheSectionEnds() throws Exception {
        ByteCounter out = new ByteCounter();
        List<Long> seen = new ArrayList<>();
        ExportJson.write(
                out,
                USER,
                new ExportDocument(T, ANN, List.of(), Map.of()),
                List.of(new Paged("habits", 20_000, seen, out)));
        assertThat(seen.get(0))
                .as("the pages were sent while the section was still being written")
                .isGreaterThan(out.count * 9 / 10);
    }

    @Test
    void aSectionThatWritesNothingIsNullAndASecondOfTheSameNameIsLeftOut() throws Exception {
        UserDataContributor silent = writing("silent", out -> {});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportJson.write(
                out,
                USER,
                new ExportDocument(T, ANN, List.of(), Map.of()),
                List.of(
                        silent,
                        new Whole("habits", List.of(1)),
                        new Whole("habits", List.of(2)),
                        new Whole("profile", 3)));
        JsonNode doc = platform.readTree(out.toByteArray());
        assertThat(doc.get("silent").isNull()).isTrue();
        assertThat(doc.get("habits").get(0).asInt()).isEqualTo(1);
        assertThat(doc.get("profile").get("email").asText())
                .as("no section takes a member of the document")
                .isEqualTo("ann@example.org");
    }

    @Test
    void aSectionLeftOpenCutsTheDocumentShortRatherThanEndingItWrong() {
        UserDataContributor open = writing("open", out -> out.startArray().value(1));
        assertThatThrownBy(() -> ExportJson.write(
                        new ByteArrayOutputStream(),
                        USER,
                        new ExportDocument(T, ANN, List.of(), Map.of()),
                        List.of(open)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("open");
    }
}
