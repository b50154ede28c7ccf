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

/** {@code GET /api/v1/me/export?format=ics}: the done days as an iCalendar, written by {@link IcsExport}. */
@Component(service = UserDataExporter.class)
public class IcsExporter implements UserDataExporter {

    private final HabitSource habits;
    private final Clock clock;

    @Activate
    public IcsExporter(@Reference HabitQuery habits, @Reference Clock clock) {
        this.habits = HabitSource.of(habits);
        this.clock = clock;
    }

    @Override
    public String format() {
        return "ics";
    }

    @Override
    public String mediaType() {
        return "text/calendar; charset=utf-8";
    }

    @Override
    public String fileExtension() {
        return "ics";
    }

    @Override
    public void write(UUID userId, OutputStream out) throws IOException {
        IcsExport.write(habits, userId, clock.instant(), out);
    }
}
