package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserProfile;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;

class AccountDirectoryTest {

    @Test
    void otherBundlesReadTheProfileWithItsZoneAndWeek() {
        Fixture f = new Fixture();
        Account ann = f.accounts
                .register(
                        new Registration("ann@example.org", Fixture.PASSWORD, "Ann", "Europe/Berlin"), Fixture.ADDRESS)
                .account();
        f.accounts.changeProfile(ann.id(), new ProfileChange(null, null, "SUNDAY", 4));
        assertThat(f.directory.find(ann.id()))
                .contains(new UserProfile(
                        ann.id(),
                        "ann@example.org",
                        "Ann",
                        ZoneId.of("Europe/Berlin"),
                        DayOfWeek.SUNDAY,
                        4,
                        "admin",
                        Fixture.T0));
        assertThat(f.directory.find(UUID.randomUUID())).isEmpty();
    }
}
