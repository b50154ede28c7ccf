package io.steadfast.identity.internal.service;

import java.time.DayOfWeek;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.ProfileSettings;
import io.steadfast.api.time.Weekdays;
import io.steadfast.identity.internal.domain.ProfileChange;

/** {@link ProfileSettings} for other bundles: a change of the profile as the user's own, of the settings given. */
@Component(service = ProfileSettings.class)
public class AccountSettings implements ProfileSettings {

    private final Accounts accounts;

    @Activate
    public AccountSettings(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void restore(UUID userId, String timezone, DayOfWeek weekStart, Integer dayStartsAt) {
        if (timezone == null && weekStart == null && dayStartsAt == null) {
            return;
        }
        accounts.changeProfile(
                userId,
                new ProfileChange(null, timezone, weekStart == null ? null : Weekdays.code(weekStart), dayStartsAt));
    }
}
