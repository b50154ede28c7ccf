package io.steadfast.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class PlatformUnitsTest {

    record Sample(String displayName, LocalDate startDate, Instant createdAt, int count) {}

    record Strict(
            String name,
            java.math.BigDecimal target,
            Integer times,
            int dayStartsAt,
            LocalDate startDate,
            Boolean archived,
            Instant expiresAt) {}

    @Test
    void nothingIsCoercedAndTheErrorSaysWhatTheFieldMustBe() {
        ObjectMapper m = JsonMapper.create();
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put("{\"name\":123}", "name must be text");
        wrong.put("{\"name\":true}", "name must be text");
        wrong.put("{\"target\":\"8\"}", "target must be a number");
        wrong.put("{\"times\":2.5}", "times must be a whole number");
        wrong.put("{\"times\":\"2\"}", "times must be a whole number");
        wrong.put("{\"dayStartsAt\":1.5}", "dayStartsAt must be a whole number");
        wrong.put("{\"startDate\":123}", "startDate must be a date such as 2026-03-01");
        wrong.put("{\"archived\":123}", "archived must be true or false");
        wrong.put("{\"archived\":\"yes\"}", "archived must be true or false");
        wrong.put(
                "{\"dayStartsAt\":0,\"expiresAt\":1700000000}",
                "expiresAt must be an instant such as 2026-03-01T10:15:30Z");
        wrong.put("{\"name\":\"x\"}", "dayStartsAt is required: a whole number");
        wrong.forEach((json, message) -> {
            JsonProcessingException e = catchJson(() -> m.readValue(json, Strict.class));
            assertThat(e).as(json).isNotNull();
            assertThat(JsonErrors.detail(e)).as(json).isEqualTo(message);
            assertThat(JsonErrors.errors(e)).as(json).hasSize(1);
        });
        Strict ok = catchNothing(() -> m.readValue(
                "{\"name\":\"Run\",\"target\":8,\"times\":2,\"dayStartsAt\":4,"
                        + "\"startDate\":\"2028-02-29\",\"archived\":false,\"expiresAt\":\"2030-01-01T00:00:00Z\"}",
                Strict.class));
        assertThat(ok.target()).isEqualByComparingTo("8");
        assertThat(ok.startDate()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(catchNothing(() -> m.readValue("{\"target\":8.25,\"dayStartsAt\":0}", Strict.class))
                        .target())
                .isEqualByComparingTo("8.25");
    }

    interface JsonCall<T> {
        T call() throws Exception;
    }

    static <T> T catchNothing(JsonCall<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jsonUsesCamelCaseAndIso8601() throws Exception {
        ObjectMapper m = JsonMapper.create();
        String json = m.writeValueAsString(
                new Sample("Ann", LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T10:15:30Z"), 2));
        assertThat(json)
                .isEqualTo("{\"displayName\":\"Ann\",\"startDate\":\"2026-03-01\","
                        + "\"createdAt\":\"2026-03-01T10:15:30Z\",\"count\":2}");
        Sample back = m.readValue(
                "{\"displayName\":\"B\",\"startDate\":\"2026-01-02\",\"unknown\":1,"
                        + "\"createdAt\":\"2026-01-02T00:00:00Z\",\"count\":3}",
                Sample.class);
        assertThat(back.startDate()).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    record Numbers(Integer hour, int count, long total) {}

    @Test
    void aNumberTooLargeForItsFieldNamesTheFieldAndTheRange() {
        // valid JSON, so not "malformed": found by ApiFuzzIT on PATCH /me {"dayStartsAt":2147483648}
        for (String json : new String[] {"{\"hour\":2147483648}", "{\"count\":-2147483649}"}) {
            JsonProcessingException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> JsonMapper.create().readValue(json, Numbers.class), JsonProcessingException.class);
            String field = json.substring(2, json.indexOf('"', 2));
            assertThat(JsonErrors.errors(e).get(0).field()).isEqualTo(field);
            assertThat(JsonErrors.detail(e))
                    .isEqualTo(field + " must be a whole number between -2147483648 and 2147483647");
        }
        JsonProcessingException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> JsonMapper.create().readValue("{\"total\":9223372036854775808}", Numbers.class),
                JsonProcessingException.class);
        assertThat(JsonErrors.detail(e))
                .isEqualTo("total must be a whole number between -9223372036854775808 and 9223372036854775807");
    }

    @Test
    void jsonErrorsNameTheFieldAndHideClassNames() {
        ObjectMapper m = JsonMapper.create();
        JsonProcessingException malformed = catchJson(() -> m.readValue("{\"a\": ", Map.class));
        assertThat(JsonErrors.detail(malformed))
                .startsWith("Malformed JSON at line 1")
                .endsWith("ends too early");
        JsonProcessingException wrongType = catchJson(() -> m.readValue("{\"count\":\"many\"}", Sample.class));
        assertThat(JsonErrors.detail(wrongType)).isEqualTo("count must be a whole number");
        JsonProcessingException badDate = catchJson(() -> m.readValue("{\"startDate\":\"yesterday\"}", Sample.class));
        assertThat(JsonErrors.detail(badDate)).isEqualTo("startDate must be a date such as 2026-03-01");
        JsonProcessingException list = catchJson(() -> m.readValue("{\"a\":1}", java.util.List.class));
        assertThat(JsonErrors.detail(list)).isEqualTo("body must be an array");
        JsonProcessingException trailing = catchJson(() -> m.readValue("{} {}", Map.class));
        assertThat(trailing).isNotNull();
    }

    @Test
    void requestIdsAreTakenWhenSaneAndMadeOtherwise() {
        assertThat(RequestIds.accept("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.accept(null)).hasSize(36);
        assertThat(RequestIds.accept("bad id\r\nInjected: yes")).hasSize(36).doesNotContain("Injected");
        assertThat(RequestIds.accept("x".repeat(200))).hasSize(36);
        assertThat(RequestIds.accept("chosen-at-the-edge", "abc"))
                .as("the id the Jetty edge chose (and logs with) wins")
                .isEqualTo("chosen-at-the-edge");
        assertThat(RequestIds.accept(null, "abc")).isEqualTo("abc");
    }

    @Test
    void corsAllowsOnlyListedOrigins() {
        CorsPolicy none = new CorsPolicy(new String[0], null);
        assertThat(none.allows("https://evil.example")).isFalse();
        CorsPolicy some = new CorsPolicy(new String[] {"https://habits.example.org/", " http://localhost:5173"}, null);
        assertThat(some.allows("https://habits.example.org")).isTrue();
        assertThat(some.allows("HTTP://LOCALHOST:5173")).isTrue();
        assertThat(some.allows("https://habits.example.org.evil.example")).isFalse();
        assertThat(some.allows(null)).isFalse();
        CorsPolicy env = new CorsPolicy(new String[] {"https://a.example"}, "https://b.example,https://c.example");
        assertThat(env.allows("https://a.example")).isFalse();
        assertThat(env.allows("https://c.example")).isTrue();
    }

    @Test
    void accessLogLinesAreJson() throws Exception {
        String line = AccessLogLine.format("GET", "/api/v1/habits/\"x\"", 200, 12_345, "rid");
        Map<?, ?> parsed = JsonMapper.create().readValue(line, Map.class);
        assertThat(parsed.get("method")).isEqualTo("GET");
        assertThat(parsed.get("path")).isEqualTo("/api/v1/habits/\"x\"");
        assertThat(parsed.get("status")).isEqualTo(200);
        assertThat(parsed.get("durationMs")).isEqualTo(12.345);
        assertThat(parsed.get("requestId")).isEqualTo("rid");
        String feed = "sfc_" + "aB3-_x".repeat(7) + "z";
        assertThat(AccessLogLine.format("GET", "/api/v1/calendar-feed/" + feed + ".ics", 200, 1, "r"))
                .as("the calendar feed's secret stays out of the log")
                .doesNotContain(feed)
                .contains("\"/api/v1/calendar-feed/sfc_REDACTED.ics\"");
        assertThat(AccessLogLine.redact("/api/v1/habits/x_y")).isEqualTo("/api/v1/habits/x_y");
        assertThat(AccessLogLine.redact("/api/v1/x/asfc_notasecret")).isEqualTo("/api/v1/x/asfc_notasecret");
    }

    @Test
    void problemStatusesHaveSlugsAndTitles() {
        assertThat(Problems.describe(404)).containsExactly("not-found", "Not Found");
        assertThat(Problems.describe(422)).containsExactly("validation-failed", "Unprocessable Content");
        assertThat(Problems.describe(418)[0]).isEqualTo("client-error");
        assertThat(Problems.describe(502)[0]).isEqualTo("server-error");
    }

    interface Thrower {
        Object run() throws Exception;
    }

    private static JsonProcessingException catchJson(Thrower t) {
        try {
            t.run();
        } catch (JsonProcessingException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no JSON error");
    }

    @org.junit.jupiter.api.Test
    void aClientThatWentAwayIsNotAServerError() {
        class EofException extends java.io.EOFException {} // Jetty's is one too
        assertThat(FallbackExceptionMapper.clientWentAway(
                        new RuntimeException("Fault", new java.io.IOException(new EofException()))))
                .isTrue();
        assertThat(FallbackExceptionMapper.clientWentAway(new java.io.IOException("Broken pipe")))
                .isTrue();
        assertThat(FallbackExceptionMapper.clientWentAway(new IllegalStateException("a bug")))
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void aDatabaseOutOfReachIsUnavailableNotAServerError() {
        assertThat(FallbackExceptionMapper.databaseUnavailable(new RuntimeException(
                        "Exception [EclipseLink-4002]", new java.sql.SQLException("Connection refused", "08001"))))
                .isTrue();
        assertThat(FallbackExceptionMapper.databaseUnavailable(
                        new RuntimeException(new java.sql.SQLException("terminating", "57P01"))))
                .as("PostgreSQL shutting down")
                .isTrue();
        assertThat(FallbackExceptionMapper.databaseUnavailable(new IllegalStateException(
                        "x",
                        new RuntimeException(
                                "TransxPool-1 - Connection is not available, request timed out after 30001ms."))))
                .isTrue();
        assertThat(FallbackExceptionMapper.databaseUnavailable(new java.sql.SQLException("duplicate key", "23505")))
                .as("a constraint is no outage")
                .isFalse();
        assertThat(FallbackExceptionMapper.databaseUnavailable(new IllegalStateException("a bug")))
                .isFalse();
    }
}
