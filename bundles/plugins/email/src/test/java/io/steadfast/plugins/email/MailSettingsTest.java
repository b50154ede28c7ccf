package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void isOffWithoutAHost() {
        assertThat(MailSettings.from(TestMail.config("", 587, "habits@example.org")))
                .isNull();
        assertThat(MailSettings.from(TestMail.config("  ", 587, "habits@example.org")))
                .isNull();
        // the shipped file's placeholder, when nothing interpolated it
        assertThat(MailSettings.from(TestMail.config("$[env:STEADFAST_SMTP_HOST;default=]", 587, "")))
                .isNull();
    }

    @Test
    void readsACompleteConfiguration() {
        MailSettings s = MailSettings.from(TestMail.config(
                "smtp.example.org", 587, "habits", "pw-secret", "Steadfast <habits@example.org>", true));
        assertThat(s.host()).isEqualTo("smtp.example.org");
        assertThat(s.from().getPersonal()).isEqualTo("Steadfast");
        assertThat(s.from().getAddress()).isEqualTo("habits@example.org");
        assertThat(s.implicitTls()).isFalse();
        assertThat(s.describe())
                .isEqualTo("smtp.example.org:587 (STARTTLS, login habits), from habits@example.org")
                .doesNotContain("pw-secret");
        assertThat(MailSettings.from(TestMail.config("smtp.example.org", 465, "a@example.org"))
                        .describe())
                .startsWith("smtp.example.org:465 (TLS)");
    }

    @Test
    void needsASender() {
        assertThatThrownBy(() -> MailSettings.from(TestMail.config("smtp.example.org", 587, "")))
                .hasMessageContaining("STEADFAST_SMTP_FROM");
        assertThatThrownBy(() -> MailSettings.from(TestMail.config("smtp.example.org", 587, "not an address")))
                .hasMessageContaining("is not an e-mail address");
    }

    @Test
    void needsAUsablePortAndAUserForAPassword() {
        assertThatThrownBy(() -> MailSettings.from(TestMail.config("smtp.example.org", 0, "a@example.org")))
                .hasMessageContaining("port");
        assertThatThrownBy(() ->
                        MailSettings.from(TestMail.config("smtp.example.org", 587, "", "pw", "a@example.org", true)))
                .hasMessageContaining("without a user");
    }

    @Test
    void masksAddressesForTheLog() {
        assertThat(Addresses.mask("ada.lovelace@example.org")).isEqualTo("a***@example.org");
        assertThat(Addresses.mask("nonsense")).isEqualTo("***");
        assertThat(Addresses.scrub("550 <ada@example.org> unknown", "ada@example.org"))
                .isEqualTo("550 <a***@example.org> unknown");
    }
}
