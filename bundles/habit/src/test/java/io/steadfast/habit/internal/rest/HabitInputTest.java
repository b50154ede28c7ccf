package io.steadfast.habit.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.steadfast.habit.internal.domain.GoalDraft;
import io.steadfast.habit.internal.rest.HabitDtos.HabitInput;
import io.steadfast.platform.internal.rest.JsonMapper;

/** The goal of a create or change as the API's JSON mapper reads it: absent, removed or set. */
class HabitInputTest {

    final ObjectMapper json = JsonMapper.create();

    HabitInput read(String body) throws Exception {
        return json.readValue(body, HabitInput.class);
    }

    @Test
    void anAbsentGoalLeavesItAndNullRemovesIt() throws Exception {
        assertThat(read("{\"name\":\"Weight\"}").draft().goal()).isNull();
        assertThat(read("{\"goal\":null}").draft().goal()).isEqualTo(GoalDraft.REMOVE);
    }

    @Test
    void aGoalIsReadWithItsFields() throws Exception {
        assertThat(read("{\"goal\":{\"value\":70.5,\"direction\":\"down\",\"by\":\"2026-06-01\"}}")
                        .draft()
                        .goal())
                .isEqualTo(GoalDraft.of(new BigDecimal("70.5"), "down", LocalDate.of(2026, 6, 1)));
        assertThat(read("{\"goal\":{}}").draft().goal())
                .as("missing fields are the service's to report")
                .isEqualTo(GoalDraft.of(null, null, null));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("{\"goal\":{\"value\":\"70\",\"direction\":\"down\",\"by\":\"2026-06-01\"}}"))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(e.getPath())
                        .extracting(r -> r.getFieldName())
                        .containsExactly("goal", "value"));
        assertThatThrownBy(() -> read("{\"goal\":{\"value\":70,\"by\":20260601}}"))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(e.getPath())
                        .extracting(r -> r.getFieldName())
                        .containsExactly("goal", "by"));
        assertThatThrownBy(() -> read("{\"goal\":70}"))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(e.getPath())
                        .extracting(r -> r.getFieldName())
                        .containsExactly("goal"));
    }
}
