package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserProfile;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;

class AccountDirectoryTest {

    final Fixture f = new Fixture();

    Account register(String email) {
        return f.accounts
                .register(new Registration(email, Fixture.PASSWORD, "Ann", "Europe/Berlin"), Fixture.ADDRESS)
                .account();
    }

    @Test
    void otherBundlesReadTheProfileWithItsZoneAndWeek() {
        Account ann = register("ann@example.org");
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

    @Test
    void aProfileIsReadOnceForTheLocalCachesSeconds() {
        Account ann = register("ann@example.org");
        int before = f.users.finds;
        f.directory.find(ann.id());
        f.clock.advance(Duration.ofSeconds(29));
        f.directory.find(ann.id());
        assertThat(f.users.finds - before).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(1));
        f.directory.find(ann.id());
        assertThat(f.users.finds - before).isEqualTo(2);
    }

    @Test
    void everyChangeOfTheAccountIsSeenAtOnce() {
        Account ann = register("ann@example.org");
        Account bob = register("bob@example.org");
        f.directory.find(bob.id());
        f.accounts.changeProfile(bob.id(), new ProfileChange(null, "Asia/Tokyo", "SUNDAY", 3));
        UserProfile changed = f.directory.find(bob.id()).orElseThrow();
        assertThat(changed.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(changed.weekStart()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(changed.dayStartsAt()).isEqualTo(3);

        f.accounts.changeRole("bob@example.org", "admin");
        assertThat(f.directory.find(bob.id()).orElseThrow().role()).isEqualTo("admin");

        f.accounts.changeProfile(
                bob.id(), new ProfileChange(null, null, null, null, "robert@example.org", Fixture.PASSWORD));
        assertThat(f.directory.find(bob.id()).orElseThrow().email()).isEqualTo("robert@example.org");

        f.accounts.delete(bob.id(), Fixture.PASSWORD);
        assertThat(f.directory.find(bob.id())).isEmpty();
        assertThat(f.bus.published).contains(AccountDirectory.CHANNEL + " " + bob.id());
        assertThat(f.directory.find(ann.id())).isPresent();
    }

    @Test
    void aChangeOnAnotherNodeArrivesThroughTheBus() {
        Account ann = register("ann@example.org");
        f.directory.find(ann.id());
        int before = f.users.finds;
        f.bus.publish(AccountDirectory.CHANNEL, ann.id().toString());
        f.directory.find(ann.id());
        assertThat(f.users.finds - before).isEqualTo(1);
    }
}
