package io.steadfast.storage.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsToAnEmbeddedH2FileUnderKarafData() {
        DatabaseSettings s = DatabaseSettings.resolve("", "", "", Map.of(), "/opt/steadfast/data");
        assertThat(s.kind()).isEqualTo(DatabaseSettings.Kind.H2);
        assertThat(s.url()).startsWith("jdbc:h2:file:/opt/steadfast/data/steadfast/steadfast;");
        assertThat(s.dataSourceProperties())
                .containsEntry("osgi.jdbc.driver.class", "org.h2.Driver")
                .containsEntry("dataSourceName", "steadfast")
                .containsEntry("pool", "transx")
                .containsEntry("xa", "true");
    }

    @Test
    void environmentOverridesConfiguration() {
        DatabaseSettings s = DatabaseSettings.resolve(
                "jdbc:h2:mem:x",
                "a",
                "b",
                Map.of(
                        "STEADFAST_DB_URL",
                        "jdbc:postgresql://db:5432/sf",
                        "STEADFAST_DB_USER",
                        "sf",
                        "STEADFAST_DB_PASSWORD",
                        "secret"),
                "/data");
        assertThat(s.kind()).isEqualTo(DatabaseSettings.Kind.POSTGRESQL);
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/sf");
        assertThat(s.user()).isEqualTo("sf");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.dataSourceProperties()).containsEntry("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
    }

    @Test
    void configurationIsUsedWhenTheEnvironmentIsSilent() {
        DatabaseSettings s =
                DatabaseSettings.resolve("jdbc:postgresql://h/db", "u", "p", Map.of("STEADFAST_DB_URL", "  "), null);
        assertThat(s.url()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(s.user()).isEqualTo("u");
    }

    @Test
    void acceptsPostgresUrisWithCredentials() {
        DatabaseSettings s = DatabaseSettings.resolve(
                null,
                null,
                null,
                Map.of("STEADFAST_DB_URL", "postgres://sf:p%40ss@db.internal/steadfast?sslmode=require"),
                null);
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.internal:5432/steadfast?sslmode=require");
        assertThat(s.user()).isEqualTo("sf");
        assertThat(s.password()).isEqualTo("p@ss");
    }

    @Test
    void neverPrintsPasswords() {
        DatabaseSettings s =
                DatabaseSettings.resolve("jdbc:postgresql://h/db?user=u&password=hunter2", null, "x", Map.of(), null);
        assertThat(s.describe()).doesNotContain("hunter2").contains("password=***");
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("=x");
    }

    @Test
    void rejectsOtherDatabases() {
        assertThatThrownBy(() -> DatabaseSettings.resolve("jdbc:mysql://h/db", null, null, Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported database URL");
    }
}
