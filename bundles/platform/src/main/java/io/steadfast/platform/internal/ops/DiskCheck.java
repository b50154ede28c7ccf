package io.steadfast.platform.internal.ops;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.ops.Check;

/**
 * {@code disk}: the free space of the data directory ({@code karaf.data}: the embedded H2 database, the logs, the
 * bundle cache). Below {@value #WARN_PERCENT} % or {@link #WARN_BYTES} a warning; below {@link #PROBLEM_BYTES} a
 * problem (H2 and the logs stop writing when the disk is full).
 */
@Component(service = Check.class)
public class DiskCheck implements Check {

    static final long MB = 1024L * 1024;
    static final long PROBLEM_BYTES = 200 * MB;
    static final long WARN_BYTES = 1024 * MB;
    static final int WARN_PERCENT = 5;

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public Finding run() {
        String dir = System.getProperty("karaf.data", "data");
        Path data = Path.of(dir).toAbsolutePath();
        try {
            FileStore store = Files.getFileStore(data);
            return judge(data, store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException | RuntimeException e) {
            return Finding.problem(
                    "cannot read the free space of the data directory " + data + ": " + e.getMessage(),
                    "check that the directory exists and that the server's user may read it");
        }
    }

    /** The verdict on {@code free} of {@code total} bytes in {@code data}. */
    static Finding judge(Path data, long free, long total) {
        long percent = total <= 0 ? 100 : free * 100 / total;
        String detail = "the data directory " + data + " has " + size(free) + " free of " + size(total) + " (" + percent
                + " %)";
        String fix = "free space on that disk (old logs in data/log, backups), or give it more; "
                + "H2 and the logs stop writing when it is full";
        if (free < PROBLEM_BYTES) {
            return Finding.problem(detail, fix);
        }
        if (free < WARN_BYTES || percent < WARN_PERCENT) {
            return Finding.warning(detail, fix);
        }
        return Finding.ok(detail);
    }

    static String size(long bytes) {
        if (bytes >= 1024 * MB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MB));
        }
        return bytes / MB + " MiB";
    }
}
