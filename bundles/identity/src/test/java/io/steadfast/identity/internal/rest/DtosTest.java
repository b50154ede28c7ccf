package io.steadfast.identity.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.IssuedToken;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.identity.internal.rest.Dtos.AuthResult;
import io.steadfast.identity.internal.rest.Dtos.NewToken;
import io.steadfast.identity.internal.rest.Dtos.NotifyDto;
import io.steadfast.identity.internal.rest.Dtos.TokenDto;
import io.steadfast.identity.internal.rest.Dtos.UserDto;
import io.steadfast.platform.internal.rest.JsonMapper;

class DtosTest {

    static final Instant T = Instant.parse("2026-03-02T09:30:00Z");
    static final Account ANN =
            new Account(UUID.randomUUID(), "ann@example.org", "Ann", "Europe/Berlin", "SUNDAY", 4, "user", T, null);
    static final TokenInfo CI =
            new TokenInfo(UUID.randomUUID(), "CI", List.of("write", "read"), T, T.plusSeconds(5), null);

    @Test
    void accountsSessionsAndTokensMapFieldByField() {
        assertThat(UserDto.of(ANN))
                .isEqualTo(new UserDto(
                        ANN.id(),
                        "ann@example.org",
                        "Ann",
                        "Europe/Berlin",
                        "SUN",
                        4,
                        "user",
                        T,
                        new NotifyDto(false, null)));
        Account alerted = new Account(
                ANN.id(), ANN.email(), "Ann", "UTC", "MONDAY", 0, "user", T, new Alerts(true, LocalTime.of(7, 5)));
        assertThat(UserDto.of(alerted).alerts()).as("the time as HH:mm").isEqualTo(new NotifyDto(true, "07:05"));
        assertThat(AuthResult.of(new Session(ANN, "sfs_secret", T.plusSeconds(60))))
                .isEqualTo(new AuthResult(UserDto.of(ANN), "sfs_secret", T.plusSeconds(60), false));
        assertThat(TokenDto.of(CI))
                .isEqualTo(new TokenDto(CI.id(), "CI", List.of("write", "read"), T, T.plusSeconds(5), null));
        assertThat(NewToken.of(new IssuedToken(CI, "sfp_secret")))
                .isEqualTo(new NewToken(CI.id(), "CI", List.of("write", "read"), T, null, "sfp_secret"));
    }

    @Test
    void theAlertsAreNotifyInJson() throws Exception {
        ObjectMapper json = JsonMapper.create();
        Account alerted = new Account(
                ANN.id(), ANN.email(), "Ann", "UTC", "MONDAY", 0, "user", T, new Alerts(true, LocalTime.of(20, 30)));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = json.readValue(json.writeValueAsString(UserDto.of(alerted)), Map.class);
        assertThat(user).containsKey("notify").doesNotContainKey("alerts");
        assertThat(user.get("notify")).isEqualTo(Map.of("partnerMissed", true, "streakAtRisk", "20:30"));
        Map<?, ?> plain = json.readValue(json.writeValueAsString(UserDto.of(ANN)), Map.class);
        Map<String, Object> off = new LinkedHashMap<>();
        off.put("partnerMissed", false);
        off.put("streakAtRisk", null);
        assertThat(plain.get("notify")).as("null is shown").isEqualTo(off);
        Map<?, ?> doc = json.readValue(
                json.writeValueAsString(Dtos.export(new ExportDocument(T, alerted, List.of(), Map.of()))), Map.class);
        assertThat(((Map<?, ?>) doc.get("profile")).get("notify"))
                .as("the export's profile")
                .isEqualTo(Map.of("partnerMissed", true, "streakAtRisk", "20:30"));
    }

    @Test
    void theExportDocumentStartsWithItsFormatThenTheAccountThenEveryBundlesSection() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("habits", List.of("Read"));
        sections.put("achievements", List.of());
        Map<String, Object> doc = Dtos.export(new ExportDocument(T, ANN, List.of(CI), sections));
        assertThat(doc)
                .containsExactly(
                        Map.entry("format", "steadfast-export"),
                        Map.entry("version", 1),
                        Map.entry("exportedAt", T),
                        Map.entry("profile", UserDto.of(ANN)),
                        Map.entry("accessTokens", List.of(TokenDto.of(CI))),
                        Map.entry("habits", List.of("Read")),
                        Map.entry("achievements", List.of()));
    }
}
