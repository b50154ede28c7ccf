package io.steadfast.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;

class ParamsTest {

    @Test
    void anIdThatIsNotAUuidIsTheSame404AsAnotherUsersObject() {
        UUID id = UUID.randomUUID();
        assertThat(Params.id(id.toString(), "Habit")).isEqualTo(id);
        for (String bad : new String[] {null, "", "not-a-uuid", "1-1-1-1-1", id + "x"}) {
            assertThatThrownBy(() -> Params.id(bad, "Habit"))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.getMessage()).isEqualTo("Habit not found");
                    });
        }
    }

    @Test
    void datesAreIsoAndInsideTheProductsWorldOrA422NamingTheParameter() {
        assertThat(Params.date("2028-02-29", "date")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Params.optionalDate(null, "date")).isNull();
        assertMessage(() -> Params.date("yesterday", "date"), "date", "must be a date such as 2026-03-01");
        assertMessage(() -> Params.date("2026-02-30", "date"), "date", "must be a date such as 2026-03-01");
        assertMessage(
                () -> Params.date("-999999999-01-01", "from"),
                "from",
                "must be a date between 1900-01-01 and 2199-12-31");
        assertMessage(() -> Params.date("2200-01-01", "to"), "to", "must be a date between 1900-01-01 and 2199-12-31");
    }

    @Test
    void numbersAndBooleansNameTheParameterAndTheRange() {
        assertThat(Params.integer(null, "year", 7, 1900, 2199)).isEqualTo(7);
        assertThat(Params.integer("2028", "year", 7, 1900, 2199)).isEqualTo(2028);
        assertMessage(
                () -> Params.integer("abc", "year", 0, 1900, 2199),
                "year",
                "must be a whole number between 1900 and 2199");
        assertMessage(
                () -> Params.integer("1e3", "limit", 0, 1, 500), "limit", "must be a whole number between 1 and 500");
        assertThat(Params.bool("TRUE", "archived", false)).isTrue();
        assertThat(Params.bool(null, "archived", false)).isFalse();
        assertMessage(() -> Params.bool("yes", "archived", false), "archived", "must be true or false");
    }

    static void assertMessage(Runnable r, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors().get(0).field()).isEqualTo(field);
            assertThat(e.errors().get(0).message()).isEqualTo(message);
        });
    }
}
