package io.steadfast.transfer.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataExporter;
import io.steadfast.habit.api.HabitQuery;

/** {@code GET /api/v1/me/export?format=csv}: the zip of {@link CsvLayout}, written by {@link CsvExport}. */
@Component(service = UserDataExporter.class)
public class CsvExporter implements UserDataExporter {

    private final HabitSource habits;
    private final Clock clock;

    @Activate
    public CsvExporter(@Reference HabitQuery habits, @Reference Clock clock) {
        this.habits = HabitSource.of(habits);
        this.clock = clock;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public void write(UUID userId, OutputStream out) throws IOException {
        CsvExport.write(habits, userId, clock.instant(), out);
    }
}
