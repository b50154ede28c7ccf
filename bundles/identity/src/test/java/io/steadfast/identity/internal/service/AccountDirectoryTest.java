package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import io.steadfast.api.account.AccountEvents;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.AlertsChange;
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
                        Fixture.T0,
                        Alerts.NONE));
        assertThat(f.directory.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void theProfileCarriesTheAlerts() {
        Account ann = register("ann@example.org");
        f.directory.find(ann.id());
        f.accounts.changeProfile(ann.id(), ProfileChange.of(new AlertsChange(true, true, "21:15", null)));
        assertThat(f.directory.find(ann.id()).orElseThrow().alerts())
                .as("read afresh")
                .isEqualTo(new Alerts(true, LocalTime.of(21, 15)));
        assertThat(f.directory.findByEmail("ANN@example.org").orElseThrow().alerts())
                .isEqualTo(new Alerts(true, LocalTime.of(21, 15)));
    }

    @Test
    void everyCommittedProfileChangeIsPostedOnceAndNothingElse() {
        Account ann = register("ann@example.org");
        Account bob = register("bob@example.org");
        assertThat(f.events.posted).as("a registration is no change").isEmpty();

        f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.partnerMissed(true)));
        assertThat(f.events.posted).hasSize(1);
        Event e = f.events.posted.get(0);
        assertThat(e.getTopic()).isEqualTo(AccountEvents.TOPIC_PROFILE_CHANGED);
        assertThat(AccountEvents.userId(e)).isEqualTo(ann.id());

        f.accounts.changeProfile(
                ann.id(), new ProfileChange("Ann", null, null, null, "ann.new@example.org", Fixture.PASSWORD));
        assertThat(f.events.posted)
                .as("an email change with other fields: one event")
                .hasSize(2);
        f.accounts.changeRole("bob@example.org", "admin");
        assertThat(f.events.posted).hasSize(3);
        assertThat(AccountEvents.userId(f.events.posted.get(2))).isEqualTo(bob.id());

        assertThatThrownBy(() -> f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.streakAtRisk("8pm"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.accounts.changeProfile(
                        bob.id(), new ProfileChange(null, null, null, null, "ann.new@example.org", Fixture.PASSWORD)))
                .as("the email is taken")
                .isInstanceOf(ConflictException.class);
        f.accounts.changePassword(bob.id(), null, Fixture.PASSWORD, "another fine passphrase");
        f.accounts.delete(bob.id(), "another fine passphrase");
        assertThat(f.events.posted)
                .as("no event for a refused change, a password change or a deletion")
                .hasSize(3);
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
