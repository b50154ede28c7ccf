package io.steadfast.storage.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrations and the persistence unit, on an embedded H2 and on a real PostgreSQL. */
class MigrationsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migratesAnEmptyDatabaseAndIsIdempotent(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            String version = Migrations.currentVersion(db.dataSource());
            assertThat(Integer.parseInt(version)).isGreaterThanOrEqualTo(2);
            assertThat(Migrations.migrate(db.dataSource())).isEqualTo(version);
            try (Connection c = db.connection();
                    ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
                boolean found = false;
                while (rs.next()) {
                    found |= "app_setting".equalsIgnoreCase(rs.getString("TABLE_NAME"));
                }
                assertThat(found).as("app_setting table").isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void entitiesRoundTripThroughTheMigratedSchema(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
            db.jpa().tx(TransactionType.Required, em -> em.persist(new AppSettingEntity("instance.id", "abc", now)));
            AppSettingEntity read = db.jpa().txExpr(TransactionType.Required,
                    em -> em.find(AppSettingEntity.class, "instance.id"));
            assertThat(read.getValue()).isEqualTo("abc");
            assertThat(read.getUpdatedAt()).isEqualTo(now);
            Long count = db.jpa().txExpr(em -> em.createQuery("SELECT COUNT(s) FROM AppSetting s", Long.class)
                    .getSingleResult());
            assertThat(count).isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedTransactionLeavesNothingBehind(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try {
                db.jpa().tx(em -> {
                    em.persist(new AppSettingEntity("k", "v", LocalDateTime.now()));
                    em.flush();
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            AppSettingEntity left = db.jpa().txExpr(em -> em.find(AppSettingEntity.class, "k"));
            assertThat(left).isNull();
        }
    }
}
