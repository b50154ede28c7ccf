package io.steadfast.accountability.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.steadfast.accountability.internal.store.AccountabilityPersistence;
import io.steadfast.accountability.internal.store.JpaPartnerStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.habit.api.Verifications;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestClock;
import io.steadfast.testsupport.TestRows;

/** The partner rules on H2, with the accounts of a directory over the test's own users. */
class PartnerServiceTest {

    private TestDatabase db;
    private final Map<UUID, UserProfile> users = new ConcurrentHashMap<>();
    private final TestClock clock = new TestClock(Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS));
    private PartnerService partners;
    private final java.util.List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The limits a test sets; 100 for the others. */
    private final Map<String, Integer> caps = new ConcurrentHashMap<>();

    private final Limits limits = name -> caps.getOrDefault(name, 100);

    /** The habit bundle's side of referees: here, which referees the partner rules let go of. */
    private final Verifications verifications = new Verifications() {
        @Override
        public java.util.List<Waiting> waiting(UUID refereeId, int limit) {
            return java.util.List.of();
        }

        @Override
        public java.util.List<VerifiedDay> verifiedDays(UUID ownerId, UUID habitId, java.time.LocalDate from) {
            return java.util.List.of();
        }

        @Override
        public Optional<UUID> ownerOf(UUID refereeId, UUID habitId) {
            return Optional.empty();
        }

        @Override
        public Optional<Verdict> decide(
                UUID refereeId, UUID habitId, java.time.LocalDate date, boolean confirmed, String comment) {
            return Optional.empty();
        }

        @Override
        public void release(UUID ownerId, UUID refereeId) {
            released.add(ownerId + ">" + refereeId);
        }
    };

    private UUID ann;
    private UUID bob;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(TestDatabase.Kind.H2, AccountabilityPersistence.UNIT, "identity", "accountability");
        UserDirectory directory = new UserDirectory() {
            @Override
            public Optional<UserProfile> find(UUID id) {
                return Optional.ofNullable(users.get(id));
            }

            @Override
            public Optional<UserProfile> findByEmail(String email) {
                return users.values().stream()
                        .filter(u -> u.email().equalsIgnoreCase(email.trim()))
                        .findFirst();
            }
        };
        partners = new PartnerService(
                new JpaPartnerStore(db.jpa(), db.ready()), directory, clock, verifications, new Signals(), limits);
        ann = user("Ann@Example.org", "Ann");
        bob = user("bob@example.org", "Bob");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UUID user(String email, String name) {
        UUID id = TestRows.user(db.dataSource(), email);
        users.put(id, new UserProfile(id, email, name, ZoneId.of("UTC"), DayOfWeek.MONDAY, 0, "user", clock.instant()));
        return id;
    }

    @Test
    void anInvitationReachesTheHolderOfTheAddressAndMakesPartnersWhenAccepted() {
        PartnerService.Invitation sent = partners.invite(ann, "  BOB@example.org ");
        assertThat(sent.email()).isEqualTo("bob@example.org");
        assertThat(sent.status()).isEqualTo("pending");
        // the same invitation again is the first one
        assertThat(partners.invite(ann, "bob@example.org").id()).isEqualTo(sent.id());

        PartnerService.Invitations bobs = partners.invitations(bob);
        assertThat(bobs.received()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(sent.id());
            assertThat(i.from().displayName()).isEqualTo("Ann");
            assertThat(i.email()).isNull();
        });
        // nothing is shared before the answer
        assertThat(partners.list(ann)).isEmpty();
        assertThat(partners.arePartners(ann, bob)).isFalse();
        // the sender cannot accept for the invitee
        assertThatThrownBy(() -> partners.accept(ann, sent.id())).isInstanceOf(NotFoundException.class);

        PartnerService.Partner p = partners.accept(bob, sent.id());
        assertThat(p.userId()).isEqualTo(ann);
        assertThat(partners.list(ann))
                .extracting(PartnerService.Partner::userId)
                .containsExactly(bob);
        assertThat(partners.arePartners(bob, ann)).isTrue();
        assertThat(partners.invitations(ann).sent())
                .singleElement()
                .extracting(PartnerService.Invitation::status)
                .isEqualTo("accepted");
        assertThatThrownBy(() -> partners.decline(bob, sent.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already accepted");
        assertThatThrownBy(() -> partners.invite(ann, "bob@example.org"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already your partner");

        partners.end(bob, ann);
        assertThat(partners.list(ann)).isEmpty();
        // neither referees the other's habits any more
        assertThat(released).containsExactlyInAnyOrder(bob + ">" + ann, ann + ">" + bob);
        assertThatThrownBy(() -> partners.end(ann, bob)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAddressWithoutAnAccountIsInvitedLikeAnyOtherAndReachesTheAccountRegisteredLater() {
        PartnerService.Invitation known = partners.invite(ann, "bob@example.org");
        PartnerService.Invitation unknown = partners.invite(ann, "cat@example.org");
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.direction()).isEqualTo(known.direction());

        UUID cat = user("cat@example.org", "Cat");
        assertThat(partners.invitations(cat).received())
                .extracting(PartnerService.Invitation::id)
                .containsExactly(unknown.id());
        partners.decline(cat, unknown.id());
        assertThat(partners.invitations(cat).received()).isEmpty();
        assertThat(partners.invitations(ann).sent())
                .extracting(PartnerService.Invitation::status)
                .containsExactlyInAnyOrder("pending", "declined");
        // the sender withdraws what is left; the invitee sees nothing of it
        partners.withdraw(ann, known.id());
        assertThat(partners.invitations(bob).received()).isEmpty();
        assertThatThrownBy(() -> partners.withdraw(bob, unknown.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badAddressesAreTold() {
        assertThatThrownBy(() -> partners.invite(ann, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> partners.invite(ann, "no-at-sign")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> partners.invite(ann, "ann@example.ORG"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(
                                ((ValidationException) e).errors().get(0).message())
                        .contains("your own address"));
    }

    @Test
    void openInvitationsAreCappedByTheLimitUntilOneIsAnsweredOrWithdrawn() {
        caps.put(Limits.INVITATIONS, 2);
        PartnerService.Invitation toBob = partners.invite(ann, "bob@example.org");
        PartnerService.Invitation toCat = partners.invite(ann, "cat@example.org");
        // the same invitation again is the first one, not one more
        assertThat(partners.invite(ann, "cat@example.org").id()).isEqualTo(toCat.id());
        assertThatThrownBy(() -> partners.invite(ann, "dan@example.org"))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.INVITATIONS);
                    assertThat(e.max()).isEqualTo(2);
                    assertThat(e.getMessage())
                            .contains("2 open partner invitations", "cancel one or wait until they are answered");
                });
        assertThat(partners.invitations(ann).sent())
                .as("nothing stored by the refused call")
                .hasSize(2);
        // bad input is told as before
        assertThatThrownBy(() -> partners.invite(ann, "no-at-sign")).isInstanceOf(ValidationException.class);

        // a declined invitation is not open any more
        partners.decline(bob, toBob.id());
        partners.invite(ann, "dan@example.org");
        assertThatThrownBy(() -> partners.invite(ann, "eve@example.org")).isInstanceOf(LimitReachedException.class);
        // nor is a withdrawn one
        partners.withdraw(ann, toCat.id());
        assertThat(partners.invite(ann, "eve@example.org").status()).isEqualTo("pending");
        assertThat(partners.invitations(ann).sent())
                .extracting(PartnerService.Invitation::status)
                .containsExactlyInAnyOrder("declined", "pending", "pending");
    }

    @Test
    void partnersAreCappedByTheLimitForTheCallerAndForTheOtherSide() {
        caps.put(Limits.PARTNERS, 1);
        UUID cat = user("cat@example.org", "Cat");
        UUID dan = user("dan@example.org", "Dan");
        PartnerService.Invitation annToBob = partners.invite(ann, "bob@example.org");
        PartnerService.Invitation annToCat = partners.invite(ann, "cat@example.org");
        PartnerService.Invitation danToBob = partners.invite(dan, "bob@example.org");
        assertThat(partners.accept(bob, annToBob.id()).userId()).isEqualTo(ann);

        // the caller is full: told as their limit
        assertThatThrownBy(() -> partners.accept(bob, danToBob.id()))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.PARTNERS);
                    assertThat(e.max()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("1 partners", "end a partnership first");
                });
        // the sender is full: the caller learns only that
        assertThatThrownBy(() -> partners.accept(cat, annToCat.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The other person has as many partners as this server allows");
        // the same with invite codes, which stay unused
        PartnerService.NewCode annsCode = partners.createCode(ann);
        assertThatThrownBy(() -> partners.redeem(cat, annsCode.code()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("The other person has as many partners as this server allows");
        PartnerService.NewCode catsCode = partners.createCode(cat);
        assertThatThrownBy(() -> partners.redeem(bob, catsCode.code()))
                .isInstanceOfSatisfying(
                        LimitReachedException.class, e -> assertThat(e.limit()).isEqualTo(Limits.PARTNERS));
        // nothing stored by the refused calls: no partnership, the invitations still pending
        assertThat(partners.list(bob))
                .extracting(PartnerService.Partner::userId)
                .containsExactly(ann);
        assertThat(partners.list(cat)).isEmpty();
        assertThat(partners.list(dan)).isEmpty();
        assertThat(partners.invitations(bob).received())
                .extracting(PartnerService.Invitation::id)
                .containsExactly(danToBob.id());
        assertThat(partners.invitations(cat).received())
                .extracting(PartnerService.Invitation::id)
                .containsExactly(annToCat.id());

        // ending a partnership makes room on both sides
        partners.end(ann, bob);
        assertThat(partners.redeem(cat, annsCode.code()).userId()).isEqualTo(ann);
        assertThat(partners.accept(bob, danToBob.id()).userId()).isEqualTo(dan);
        // an invitation between partners already makes nothing new: accepted though both are full
        assertThat(partners.accept(cat, annToCat.id()).userId()).isEqualTo(ann);
        assertThat(partners.list(cat))
                .extracting(PartnerService.Partner::userId)
                .containsExactly(ann);
    }

    @Test
    void anInviteCodeIsUsedOnceWithinItsLifetime() {
        PartnerService.NewCode code = partners.createCode(ann);
        assertThat(code.expiresAt()).isEqualTo(clock.instant().plus(PartnerService.CODE_LIFETIME));
        assertThatThrownBy(() -> partners.redeem(ann, code.code())).isInstanceOf(ValidationException.class);

        PartnerService.Partner p =
                partners.redeem(bob, code.code().toLowerCase().replace("-", " "));
        assertThat(p.userId()).isEqualTo(ann);
        UUID cat = user("cat@example.org", "Cat");
        assertThatThrownBy(() -> partners.redeem(cat, code.code())).isInstanceOf(NotFoundException.class);

        PartnerService.NewCode later = partners.createCode(ann);
        assertThatThrownBy(() -> partners.redeem(bob, later.code()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already your partner");
        clock.advance(PartnerService.CODE_LIFETIME.plusSeconds(1));
        assertThatThrownBy(() -> partners.redeem(cat, later.code())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> partners.redeem(cat, "not a code")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unusedCodesAreCapped() {
        for (int i = 0; i < PartnerService.MAX_ACTIVE_CODES; i++) {
            partners.createCode(ann);
        }
        assertThatThrownBy(() -> partners.createCode(ann)).isInstanceOf(ValidationException.class);
        clock.advance(PartnerService.CODE_LIFETIME.plus(Duration.ofMinutes(1)));
        assertThat(partners.createCode(ann).code()).isNotBlank();
    }
}
