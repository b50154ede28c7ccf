package io.steadfast.storage.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.Schemas;
import io.steadfast.testsupport.LegacyDatabase;

/** The migration runner, per schema with its own history, on an embedded H2 and on a real PostgreSQL. */
class MigrationsTest {

    static final ClassLoader LOADER = MigrationsTest.class.getClassLoader();

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachSchemaHasItsOwnHistoryAndMigratingTwiceChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, null)) {
            SchemaDeclaration storage = SchemaDeclaration.parse("storage; legacy=1");
            SchemaDeclaration second = SchemaDeclaration.parse("second");
            assertThat(Migrations.migrate(db.dataSource(), storage, LOADER)).isEqualTo("1");
            assertThat(Migrations.migrate(db.dataSource(), second, LOADER)).isEqualTo("1");
            assertThat(Migrations.migrate(db.dataSource(), storage, LOADER)).isEqualTo("1");
            assertThat(Migrations.currentVersion(db.dataSource(), second, LOADER))
                    .isEqualTo("1");
            assertThat(Migrations.tableExists(db.dataSource(), Schemas.historyTable("storage")))
                    .isTrue();
            assertThat(Migrations.tableExists(db.dataSource(), Schemas.historyTable("second")))
                    .isTrue();
            assertThat(Migrations.tableExists(db.dataSource(), "app_setting")).isTrue();
            assertThat(Migrations.tableExists(db.dataSource(), "second_thing")).isTrue();
            assertThat(Migrations.legacyVersion(db.dataSource()))
                    .as("no 0.1 history")
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDatabaseOf01IsAdoptedWithoutLossAndMigratesOn(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, null)) {
            LegacyDatabase.create(db.dataSource());
            try (Connection c = db.connection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO app_user (id, email, email_normalized, display_name, password_hash, "
                        + "timezone, week_start, day_starts_at, role, created_at, updated_at) VALUES ('u1', 'a@b.c', "
                        + "'a@b.c', 'A', 'x', 'UTC', 'MONDAY', 0, 'admin', TIMESTAMP '2026-01-01 00:00:00', "
                        + "TIMESTAMP '2026-01-01 00:00:00')");
            }
            assertThat(Migrations.legacyVersion(db.dataSource())).isEqualTo(Integer.parseInt(LegacyDatabase.VERSION));
            // its version 1 already exists in the 0.1 tables: adopted, not run; version 2 runs on top
            assertThat(Migrations.migrate(db.dataSource(), SchemaDeclaration.parse("upgradetest; legacy=2"), LOADER))
                    .isEqualTo("2");
            assertThat(Migrations.migrate(db.dataSource(), SchemaDeclaration.parse("storage; legacy=1"), LOADER))
                    .isEqualTo("1");
            try (Connection c = db.connection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT email, nickname FROM app_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the data of 0.1 is kept").isEqualTo("a@b.c");
                assertThat(rs.getString(2)).isNull();
            }
        }
    }

    @Test
    void aSchemaOf01ThatIsNotThereYetRunsFromVersionOne() {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2, null)) {
            LegacyDatabase.create(db.dataSource());
            // a legacy level the 0.1 history never reached: the schema's own version 1 runs
            assertThat(Migrations.migrate(db.dataSource(), SchemaDeclaration.parse("second; legacy=9"), LOADER))
                    .isEqualTo("1");
        }
    }

    @Test
    void schemaHeadersAreParsedStrictly() {
        SchemaDeclaration d = SchemaDeclaration.parse("streak; requires:=\"identity,habit\"; legacy=4");
        assertThat(d.name()).isEqualTo("streak");
        assertThat(d.requires()).isEqualTo(Set.of("identity", "habit"));
        assertThat(d.legacy()).isEqualTo(4);
        assertThat(SchemaDeclaration.parse("calendar").requires()).isEmpty();
        assertThatThrownBy(() -> SchemaDeclaration.parse("Bad-Name")).hasMessageContaining("lower case");
        assertThatThrownBy(() -> SchemaDeclaration.parse("x; colour=blue")).hasMessageContaining("colour");
        assertThatThrownBy(() -> SchemaDeclaration.parse("x; requires")).hasMessageContaining("needs a value");
    }
}
