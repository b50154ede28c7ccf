package io.steadfast.habit.internal.rest;

import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.habit.dto.HabitDto;
import io.steadfast.habit.internal.rest.HabitDtos.HabitExportDto;
import io.steadfast.habit.internal.service.HabitExport;

/** Adds the habits and every day record to the account export; the database deletes them with the account. */
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
}
