package io.steadfast.identity.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.steadfast.identity.internal.domain.AlertsChange;
import io.steadfast.identity.internal.rest.Dtos.ProfilePatch;
import io.steadfast.platform.internal.rest.JsonMapper;

/** The {@code notify} object of {@code PATCH /me} as the API's JSON mapper reads it. */
class NotifyInputTest {

    final ObjectMapper json = JsonMapper.create();

    AlertsChange read(String body) throws Exception {
        return json.readValue(body, ProfilePatch.class).change().alerts();
    }

    @Test
    void anAbsentNotifyLeavesTheAlerts() throws Exception {
        assertThat(read("{\"displayName\":\"Ann\"}")).isNull();
        assertThat(read("{}")).isNull();
        assertThat(json.readValue("{\"displayName\":\"Ann\"}", ProfilePatch.class)
                        .change()
                        .displayName())
                .isEqualTo("Ann");
    }

    @Test
    void theSettingsPresentAreReadAndNullIsToldFromAbsent() throws Exception {
        assertThat(read("{\"notify\":{}}")).isEqualTo(AlertsChange.NONE);
        assertThat(read("{\"notify\":{\"partnerMissed\":true}}")).isEqualTo(AlertsChange.partnerMissed(true));
        assertThat(read("{\"notify\":{\"partnerMissed\":false}}")).isEqualTo(AlertsChange.partnerMissed(false));
        assertThat(read("{\"notify\":{\"streakAtRisk\":\"20:30\"}}")).isEqualTo(AlertsChange.streakAtRisk("20:30"));
        assertThat(read("{\"notify\":{\"streakAtRisk\":null}}"))
                .as("present and null: off")
                .isEqualTo(AlertsChange.streakAtRisk(null));
        assertThat(read("{\"notify\":{\"streakAtRisk\":\"07:00\",\"partnerMissed\":true},\"timezone\":\"UTC\"}"))
                .isEqualTo(new AlertsChange(true, true, "07:00", List.of()));
        assertThat(json.readValue(
                                "{\"notify\":{\"partnerMissed\":true},\"timezone\":\"Asia/Tokyo\"}", ProfilePatch.class)
                        .change()
                        .timezone())
                .as("the fields after notify")
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void namesThatAreNoSettingAreKeptForTheServicesError() throws Exception {
        assertThat(read("{\"notify\":{\"foo\":1,\"partnerMissed\":true,\"bar\":{\"deep\":[1,{\"x\":null}]}}}"))
                .isEqualTo(new AlertsChange(true, false, null, List.of("foo", "bar")));
        assertThat(read("{\"notify\":{\"PartnerMissed\":true}}").unknown())
                .as("names are exact")
                .containsExactly("PartnerMissed");
    }

    @Test
    void aStreakAtRiskThatIsNotTextComesAsItsJsonForTheServicesFormatError() throws Exception {
        assertThat(read("{\"notify\":{\"streakAtRisk\":2030}}")).isEqualTo(AlertsChange.streakAtRisk("2030"));
        assertThat(read("{\"notify\":{\"streakAtRisk\":[\"20:30\"]}}"))
                .isEqualTo(AlertsChange.streakAtRisk("[\"20:30\"]"));
        assertThat(read("{\"notify\":{\"streakAtRisk\":true}}").streakAtRisk()).isEqualTo("true");
    }

    @Test
    void aPartnerMissedThatIsNoBooleanOrANotifyThatIsNoObjectIsAWrongTypeNamingItsPath() {
        for (String value : new String[] {"1", "\"true\"", "null", "{}", "[true]"}) {
            assertThatThrownBy(() -> read("{\"notify\":{\"partnerMissed\":" + value + "}}"))
                    .as(value)
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                        assertThat(path(e)).containsExactly("notify", "partnerMissed");
                        assertThat(e.getTargetType()).isEqualTo(Boolean.class);
                    });
        }
        for (String value : new String[] {"true", "\"on\"", "[]", "3", "null"}) {
            assertThatThrownBy(() -> read("{\"notify\":" + value + "}"))
                    .as(value)
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                        assertThat(path(e)).containsExactly("notify");
                        assertThat(e.getTargetType()).isEqualTo(Dtos.NotifyInput.class);
                    });
        }
    }

    static List<String> path(JsonMappingException e) {
        return e.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .toList();
    }
}
