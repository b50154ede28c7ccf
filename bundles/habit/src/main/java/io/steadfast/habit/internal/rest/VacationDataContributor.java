package io.steadfast.habit.internal.rest;

import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.habit.internal.service.Vacations;

/** Adds the vacations to the account export; the database deletes them with the account. */
@Component(service = UserDataContributor.class)
public class VacationDataContributor implements UserDataContributor {

    private final Vacations vacations;

    @Activate
    public VacationDataContributor(@Reference Vacations vacations) {
        this.vacations = vacations;
    }

    @Override
    public String section() {
        return "vacations";
    }

    @Override
    public Object export(UUID userId) {
        return vacations.list(userId).stream()
                .map(VacationResource.VacationDto::of)
                .toList();
    }
}
