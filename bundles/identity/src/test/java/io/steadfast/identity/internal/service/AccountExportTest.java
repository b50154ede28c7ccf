package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.TokenInfo;

class AccountExportTest {

    final Fixture f = new Fixture();

    @Test
    void theDocumentHoldsTheProfileTheAccessTokensAndEveryBundlesSection() {
        f.contribute("habits", List.of("Read", "Run"));
        f.contribute("achievements", Map.of("streak-7", true));
        Session ann = f.register("ann@example.org");
        UUID id = ann.account().id();
        TokenInfo brief = f.accessTokens
                .create(id, "brief", List.of("read"), Fixture.T0.plusSeconds(60))
                .token();
        f.clock.advance(Duration.ofSeconds(1));
        TokenInfo ci = f.accessTokens.create(id, "CI", List.of("write"), null).token();
        TokenInfo gone =
                f.accessTokens.create(id, "gone", List.of("read"), null).token();
        f.accessTokens.revoke(id, gone.id());
        f.clock.advance(Duration.ofHours(1));

        ExportDocument doc = f.export.export(id);
        assertThat(doc.exportedAt()).isEqualTo(f.clock.instant());
        assertThat(doc.profile()).isEqualTo(ann.account());
        assertThat(doc.accessTokens())
                .as("not revoked, expired or not; never sessions")
                .containsExactly(ci, brief);
        assertThat(doc.sections())
                .containsExactly(
                        Map.entry("habits", List.of("Read", "Run")),
                        Map.entry("achievements", Map.of("streak-7", true)));
    }

    @Test
    void anAccountDeletedMeanwhileIsNotAuthenticated() {
        assertThatThrownBy(() -> f.export.export(UUID.randomUUID()))
                .isInstanceOf(NotAuthenticatedException.class)
                .hasMessage("The account no longer exists");
    }

    record Exporter(String format) implements io.steadfast.api.account.UserDataExporter {
        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public String fileExtension() {
            return format;
        }

        @Override
        public void write(UUID userId, java.io.OutputStream out) {}
    }

    @Test
    void aFormatIsJsonOrAnExportersAndAnyOtherNamesTheAcceptedOnes() {
        Exporter csv = new Exporter("csv");
        f.export.addExporter(new Exporter("ics"));
        f.export.addExporter(csv);
        assertThat(f.export.exporter(null)).as("no format: the JSON document").isEmpty();
        assertThat(f.export.exporter("json")).isEmpty();
        assertThat(f.export.exporter(" CSV ")).contains(csv);
        assertThatThrownBy(() -> f.export.exporter("xml"))
                .isInstanceOf(io.steadfast.api.error.ValidationException.class)
                .hasMessageContaining("format")
                .hasMessageContaining("json, csv, ics");
        f.export.removeExporter(csv);
        assertThat(f.export.formats()).containsExactly("json", "ics");
    }

    @Test
    void theHeadIsTheAccountWithoutSections() {
        f.contribute("habits", List.of("Read"));
        UUID id = f.register("bob@example.org").account().id();
        ExportDocument head = f.export.head(id);
        assertThat(head.sections()).isEmpty();
        assertThat(head.exportedAt()).isEqualTo(f.clock.instant());
        assertThat(f.export.sections())
                .extracting(io.steadfast.api.account.UserDataContributor::section)
                .containsExactly("habits");
    }
}
