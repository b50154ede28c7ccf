package io.steadfast.identity.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.api.error.FieldError;

class AlertsChangeTest {

    static final Alerts SET = new Alerts(true, LocalTime.of(20, 30));

    @Test
    void theSettingsNamedChangeAndTheOthersStay() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(AlertsChange.NONE.applyTo(SET, errors)).isEqualTo(SET);
        assertThat(AlertsChange.partnerMissed(false).applyTo(SET, errors))
                .isEqualTo(new Alerts(false, LocalTime.of(20, 30)));
        assertThat(AlertsChange.partnerMissed(true).applyTo(Alerts.NONE, errors))
                .isEqualTo(new Alerts(true, null));
        assertThat(AlertsChange.streakAtRisk("07:05").applyTo(SET, errors))
                .isEqualTo(new Alerts(true, LocalTime.of(7, 5)));
        assertThat(AlertsChange.streakAtRisk(null).applyTo(SET, errors)).isEqualTo(new Alerts(true, null));
        assertThat(new AlertsChange(false, true, " 06:00 ", null).applyTo(SET, errors))
                .as("surrounding blanks are ignored")
                .isEqualTo(new Alerts(false, LocalTime.of(6, 0)));
        assertThat(errors).isEmpty();
    }

    @Test
    void aTimeIsHhMmFromMidnightTo2359() {
        assertThat(AlertsChange.parseTime("00:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(AlertsChange.parseTime("23:59")).isEqualTo(LocalTime.of(23, 59));
        assertThat(AlertsChange.parseTime("09:07")).isEqualTo(LocalTime.of(9, 7));
        for (String no : new String[] {
            "24:00",
            "23:60",
            "8:30",
            "08:3",
            "0830",
            "08:30:00",
            "08.30",
            "8pm",
            "",
            " ",
            "２０:３０",
            "20:30Z",
            "-1:00",
            "2030",
            "[\"20:30\"]",
            "true"
        }) {
            assertThat(AlertsChange.parseTime(no)).as(no).isNull();
        }
        assertThat(AlertsChange.parseTime(null)).isNull();
        assertThat(AlertsChange.formatTime(LocalTime.of(7, 5))).isEqualTo("07:05");
        assertThat(AlertsChange.formatTime(LocalTime.of(7, 5, 30)))
                .as("minutes only")
                .isEqualTo("07:05");
        assertThat(AlertsChange.formatTime(null)).isNull();
    }

    @Test
    void aTimeThatIsNoneAndNamesThatAreNoSettingAreErrorsAndLeaveTheSettings() {
        List<FieldError> errors = new ArrayList<>();
        Alerts after = new AlertsChange(false, true, "25:00", List.of("foo", "streak")).applyTo(SET, errors);
        assertThat(after)
                .as("the valid part applies; the caller throws anyway")
                .isEqualTo(new Alerts(false, SET.streakAtRisk()));
        assertThat(errors)
                .containsExactly(
                        new FieldError("notify.foo", "is not a setting; known: partnerMissed, streakAtRisk"),
                        new FieldError("notify.streak", "is not a setting; known: partnerMissed, streakAtRisk"),
                        new FieldError(
                                "notify.streakAtRisk",
                                "must be a local time \"HH:mm\" from 00:00 to 23:59, e.g. \"20:30\" (or null: no such "
                                        + "alert)"));
        assertThat(errors.get(2).message()).contains("HH:mm");
    }
}
