package io.steadfast.storage.internal.shell;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
        scope = "steadfast",
        name = "backup",
        description = "Backs up the embedded H2 database while the server runs (H2's BACKUP TO: a consistent zip). "
                + "Without a file: data/backup/steadfast-<UTC time>.zip. To restore: stop the server, unzip the "
                + "backup into data/steadfast/, start it (docs/operations.md, Backup and restore). On PostgreSQL, "
                + "use pg_dump.")
public class BackupCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=steadfast)")
    DataSource dataSource;

    @Reference
    Clock clock;

    @Argument(
            index = 0,
            name = "file",
            description = "The zip to write, on the server's file system; relative to the server's folder; refused "
                    + "if it exists")
    String file;

    @Override
    public Object execute() throws Exception {
        Path base = Path.of(System.getProperty("karaf.base", "."));
        Path target = file == null || file.isBlank()
                ? H2Backup.defaultFile(
                        Path.of(System.getProperty(
                                "karaf.data", base.resolve("data").toString())),
                        clock.instant())
                : base.resolve(file.trim());
        try (Connection c = dataSource.getConnection()) {
            if (!H2Backup.isH2(c)) {
                throw new IllegalStateException(
                        "This server's database is " + c.getMetaData().getDatabaseProductName()
                                + ", not the embedded H2: back it up with its own tools (PostgreSQL: pg_dump -Fc; "
                                + "docs/operations.md, Backup and restore)");
            }
            long started = System.nanoTime();
            long bytes = H2Backup.backup(c, target);
            System.out.println(
                    "Backed up the H2 database to " + target.toAbsolutePath().normalize() + " (" + (bytes + 1023) / 1024
                            + " KiB, " + (System.nanoTime() - started) / 1_000_000 + " ms).");
            System.out.println("To restore: stop the server, unzip it into data/steadfast/ (keep the old folder "
                    + "aside), start the server.");
        }
        return null;
    }
}
