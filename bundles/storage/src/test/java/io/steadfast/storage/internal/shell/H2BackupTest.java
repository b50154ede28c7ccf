package io.steadfast.storage.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BackupTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheDatabaseIsOpenRestoresByUnzipping() throws Exception {
        String live = "jdbc:h2:file:" + dir.resolve("live/steadfast") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
        Path zip = dir.resolve("backups/it's here.zip");
        try (Connection c = DriverManager.getConnection(live, "steadfast", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE habit (id INT PRIMARY KEY, name VARCHAR(50))");
                s.execute("INSERT INTO habit VALUES (1, 'Run'), (2, 'Read')");
            }
            assertThat(H2Backup.isH2(c)).isTrue();
            assertThat(H2Backup.backup(c, zip)).isPositive();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO habit VALUES (3, 'after the backup')");
            }
            assertThatThrownBy(() -> H2Backup.backup(c, zip))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exists already");
        }
        // the restore of docs/operations.md: unzip into the database's folder, open it
        Path restored = Files.createDirectories(dir.resolve("restored"));
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                assertThat(e.getName()).isEqualTo("steadfast.mv.db");
                Files.copy(entries, restored.resolve(e.getName()));
            }
        }
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + restored.resolve("steadfast") + ";MODE=LEGACY;IFEXISTS=TRUE",
                        "steadfast",
                        "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name FROM habit ORDER BY id")) {
            StringBuilder names = new StringBuilder();
            while (r.next()) {
                names.append(r.getString(1)).append(';');
            }
            assertThat(names).hasToString("Run;Read;");
        }
    }

    @Test
    void theDefaultFileIsNamedByTheClockInUtc() {
        assertThat(H2Backup.defaultFile(Path.of("/srv/data"), Instant.parse("2026-12-02T06:55:07.123Z")))
                .isEqualTo(Path.of("/srv/data/backup/steadfast-20261202T065507Z.zip"));
        assertThat(H2Backup.sql(Path.of("/b/it's.zip"))).isEqualTo("BACKUP TO '/b/it''s.zip'");
    }
}
