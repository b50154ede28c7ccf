package io.steadfast.habit.internal.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.SectionWriter;
import io.steadfast.api.account.UserDataContributor;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.dto.HabitDto;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.rest.HabitDtos.HabitExportDto;
import io.steadfast.habit.internal.service.HabitExport;

/**
 * Adds the habits and every day record to the account export; the database deletes them with the account. The
 * streamed export ({@link #write}) writes each habit's records a page at a time ({@link HabitExport#PAGE}), so its
 * memory does not grow with the history; the document is the same as {@link #export}'s.
 */
@Component(service = UserDataContributor.class)
public class HabitDataContributor implements UserDataContributor {

    private final HabitExport export;

    @Activate
    public HabitDataContributor(@Reference HabitExport export) {
        this.export = export;
    }

    @Override
    public String section() {
        return "habits";
    }

    @Override
    public Object export(UUID userId) {
        return export.export(userId).stream()
                .map(e -> new HabitExportDto(
                        HabitDto.of(e.habit()),
                        e.checkins().stream().map(HabitDtos::exported).collect(Collectors.toList())))
                .collect(Collectors.toList());
    }

    @Override
    public void write(UUID userId, SectionWriter out) throws IOException {
        out.startArray();
        for (HabitInfo h : export.habits(userId)) {
            out.startObject()
                    .name("habit")
                    .value(HabitDto.of(h))
                    .name("checkins")
                    .startArray();
            LocalDate after = null;
            while (true) {
                List<Checkin> page = export.checkins(h.id(), after, HabitExport.PAGE);
                for (Checkin c : page) {
                    out.value(HabitDtos.exported(c));
                }
                if (page.size() < HabitExport.PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).date();
                out.flush();
            }
            out.endArray().endObject();
        }
        out.endArray();
    }
}
