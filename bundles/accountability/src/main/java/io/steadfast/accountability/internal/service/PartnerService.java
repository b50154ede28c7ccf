package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Emails;
import io.steadfast.accountability.internal.domain.InviteCodes;
import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.InvitationRow;
import io.steadfast.accountability.internal.store.InviteCodeRow;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.PartnerStore;
import io.steadfast.accountability.internal.store.PartnershipRow;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.auth.Secrets;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.Verifications;

/**
 * Partners: invitations by email (to whoever holds the address when they answer, so an address without an account
 * is treated like any other), one-use invite codes, the partner list and its end. Every method takes the caller's
 * id; an invitation that is neither sent by nor addressed to the caller is not found.
 */
@Component(service = {PartnerService.class, Partnerships.class})
public class PartnerService implements Partnerships {

    /** How many unexpired invite codes one user may hold at a time. */
    static final int MAX_ACTIVE_CODES = 10;

    /** How long an invite code can be used. */
    static final Duration CODE_LIFETIME = Duration.ofDays(7);

    private final PartnerStore store;
    private final UserDirectory directory;
    private final Clock clock;
    private final Verifications verifications;
    private final Signals signals;
    private final Limits limits;

    @Activate
    public PartnerService(
            @Reference PartnerStore store,
            @Reference UserDirectory directory,
            @Reference Clock clock,
            @Reference Verifications verifications,
            @Reference Signals signals,
            @Reference Limits limits) {
        this.signals = signals;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.verifications = verifications;
        this.limits = limits;
    }

    /** A partner as the caller sees them. */
    public record Partner(UUID userId, String displayName, Instant since) {}

    /** Someone on either end of an invitation. */
    public record Person(UUID userId, String displayName, String email) {}

    /**
     * An invitation as the caller sees it.
     *
     * @param direction {@code sent} or {@code received}
     * @param email     the address it was sent to (the sender's view), or {@code null}
     * @param from      the sender (the invitee's view), or {@code null}
     */
    public record Invitation(
            UUID id,
            String direction,
            String email,
            Person from,
            String status,
            Instant createdAt,
            Instant answeredAt) {}

    public record Invitations(List<Invitation> received, List<Invitation> sent) {}

    /** A new invite code, in its written form: the only time it is shown. */
    public record NewCode(String code, Instant expiresAt) {}

    @Override
    public boolean arePartners(UUID a, UUID b) {
        return !a.equals(b) && store.partnership(a, b).isPresent();
    }

    @Override
    public List<UUID> partners(UUID userId) {
        return store.partners(userId).stream().map(PartnershipRow::partnerId).toList();
    }

    /** The caller's partners, the oldest partnership first (accounts that are gone are left out). */
    public List<Partner> list(UUID userId) {
        return store.partners(userId).stream()
                .map(this::partner)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The caller's partnership with {@code partnerId}; 404 unless they are partners. */
    public Partner partner(UUID userId, UUID partnerId) {
        return store.partnership(userId, partnerId)
                .flatMap(this::partner)
                .orElseThrow(() -> new NotFoundException("Partner"));
    }

    /**
     * Ends a partnership, on both sides; 404 unless they are partners. Neither referees the other's habits any more:
     * the days that waited for them count as confirmed. (Should the node stop in between, the referee role stays
     * but is void: a verdict needs a partnership, and waiting days count as done; ending it again is a 404, and the
     * role goes with the next end or the owner's edit.)
     */
    public void end(UUID userId, UUID partnerId) {
        if (!store.end(userId, partnerId)) {
            throw new NotFoundException("Partner");
        }
        verifications.release(userId, partnerId);
        verifications.release(partnerId, userId);
    }

    /**
     * Invites the holder of {@code email}. The answer is the same whether the address has an account or not; the
     * same pending invitation again answers the first one. A sender with as many pending invitations out as
     * {@link Limits#INVITATIONS} allows is refused (422 {@code limit-reached}) until one is answered or withdrawn.
     */
    public Invitation invite(UUID senderId, String email) {
        UserProfile me = profile(senderId);
        String address = Emails.normalize(email);
        if (address == null || address.isEmpty()) {
            throw new ValidationException("email", "is required: the email address of the person to invite");
        }
        if (!Emails.plausible(address)) {
            throw new ValidationException("email", "must be an email address such as ann@example.org");
        }
        if (address.equals(Emails.normalize(me.email()))) {
            throw new ValidationException("email", "is your own address; invite the person you want as a partner");
        }
        for (PartnershipRow p : store.partners(senderId)) {
            if (directory
                    .find(p.partnerId())
                    .map(u -> address.equals(Emails.normalize(u.email())))
                    .orElse(false)) {
                throw new ConflictException("The holder of " + address + " is already your partner");
            }
        }
        Optional<InvitationRow> open = store.sent(senderId).stream()
                .filter(i -> i.pending() && i.email().equals(address))
                .findFirst();
        if (open.isPresent()) {
            return sent(open.get());
        }
        limits.check(
                Limits.INVITATIONS,
                store.pendingCount(senderId),
                "open partner invitations",
                "cancel one or wait until they are answered");
        InvitationRow row = new InvitationRow(UUID.randomUUID(), senderId, address, InvitationRow.PENDING, now(), null);
        // the holder of the address, if there is one now, hears of it (the sender is told nothing either way)
        NotificationRow notice = directory
                .findByEmail(address)
                .filter(u -> !u.id().equals(senderId))
                .map(u -> notice(
                        u.id(), Notice.PARTNER_INVITATION, senderId, row.id().toString(), "invitation:" + row.id()))
                .orElse(null);
        store.invite(row, notice);
        if (notice != null) {
            signals.notified(notice.userId());
        }
        return sent(row);
    }

    /** The pending invitations addressed to the caller, and every invitation the caller sent. */
    public Invitations invitations(UUID userId) {
        UserProfile me = profile(userId);
        List<Invitation> received = store.received(Emails.normalize(me.email())).stream()
                .filter(i -> !i.senderId().equals(userId))
                .map(this::received)
                .flatMap(Optional::stream)
                .toList();
        List<Invitation> sent =
                store.sent(userId).stream().map(PartnerService::sent).toList();
        return new Invitations(received, sent);
    }

    /**
     * Accepts an invitation addressed to the caller: its sender becomes the caller's partner. Refused, the invitation
     * left pending, when the caller has as many partners as {@link Limits#PARTNERS} allows (422
     * {@code limit-reached}) or the sender has (409).
     */
    public Partner accept(UUID userId, UUID invitationId) {
        InvitationRow i = addressedTo(userId, invitationId);
        answerable(i);
        checkPartners(userId, i.senderId());
        NotificationRow notice = notice(
                i.senderId(), Notice.PARTNER_ACCEPTED, userId, invitationId.toString(), "accepted:" + invitationId);
        PartnershipRow p = store.accept(invitationId, userId, now(), notice)
                .orElseThrow(() -> new ConflictException("The invitation was answered or withdrawn meanwhile"));
        signals.notified(i.senderId());
        return partner(p).orElseThrow(() -> new NotFoundException("Invitation"));
    }

    /** Declines an invitation addressed to the caller; the sender sees it declined. */
    public void decline(UUID userId, UUID invitationId) {
        InvitationRow i = addressedTo(userId, invitationId);
        answerable(i);
        if (!store.decline(invitationId, now())) {
            throw new ConflictException("The invitation was answered or withdrawn meanwhile");
        }
    }

    /** Withdraws (deletes) an invitation the caller sent; a partnership it made stays. */
    public void withdraw(UUID userId, UUID invitationId) {
        if (!store.withdraw(userId, invitationId)) {
            throw new NotFoundException("Invitation");
        }
    }

    /** A new one-use invite code of the caller's, valid for {@link #CODE_LIFETIME}. */
    public NewCode createCode(UUID userId) {
        profile(userId);
        Instant now = now();
        if (store.codes(userId, now).size() >= MAX_ACTIVE_CODES) {
            throw new ValidationException(
                    "code",
                    "you hold " + MAX_ACTIVE_CODES + " unused invite codes; use one, or wait until one expires");
        }
        String code = InviteCodes.generate();
        Instant expires = now.plus(CODE_LIFETIME);
        store.createCode(new InviteCodeRow(hash(InviteCodes.canonical(code).orElseThrow()), userId, now, expires));
        return new NewCode(code, expires);
    }

    /**
     * Uses someone's invite code: its owner becomes the caller's partner, and the code is used up. Refused, the code
     * left unused, when the caller has as many partners as {@link Limits#PARTNERS} allows (422
     * {@code limit-reached}) or the code's owner has (409).
     */
    public Partner redeem(UUID userId, String typed) {
        profile(userId);
        Instant now = now();
        String hash = InviteCodes.canonical(typed).map(PartnerService::hash).orElseThrow(PartnerService::noCode);
        InviteCodeRow code =
                store.code(hash).filter(c -> c.expiresAt().isAfter(now)).orElseThrow(PartnerService::noCode);
        if (code.userId().equals(userId)) {
            throw new ValidationException(
                    "code", "is your own invite code; give it to the person you want as a partner");
        }
        if (store.partnership(userId, code.userId()).isPresent()) {
            throw new ConflictException("The owner of this code is already your partner; the code stays unused");
        }
        checkPartners(userId, code.userId());
        NotificationRow notice = notice(
                code.userId(), Notice.PARTNER_JOINED, userId, null, "joined:" + hash.substring(0, 16) + ":" + userId);
        PartnershipRow p = store.redeem(hash, userId, now, notice).orElseThrow(PartnerService::noCode);
        signals.notified(code.userId());
        return partner(p).orElseThrow(() -> new NotFoundException("Partner"));
    }

    /**
     * Refuses a new partnership of {@code userId} (the caller) and {@code otherId} when either has as many partners
     * as the server allows; nothing when they are partners already (nothing new is made). The other side's count is
     * not told: only that they are full. (The lists are bounded by the limit.)
     */
    private void checkPartners(UUID userId, UUID otherId) {
        if (store.partnership(userId, otherId).isPresent()) {
            return;
        }
        limits.check(Limits.PARTNERS, store.partners(userId).size(), "partners", "end a partnership first");
        if (store.partners(otherId).size() >= limits.max(Limits.PARTNERS)) {
            throw new ConflictException("The other person has as many partners as this server allows");
        }
    }

    private NotificationRow notice(UUID recipient, String kind, UUID actor, String refId, String dedupeKey) {
        return new NotificationRow(0, recipient, kind, actor, null, null, null, refId, null, dedupeKey, now(), null);
    }

    private static NotFoundException noCode() {
        return new NotFoundException("Invite code (it may have expired or been used)");
    }

    private InvitationRow addressedTo(UUID userId, UUID invitationId) {
        String mine = Emails.normalize(profile(userId).email());
        return store.invitation(invitationId)
                .filter(i -> i.email().equals(mine) && !i.senderId().equals(userId))
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    private static void answerable(InvitationRow i) {
        if (!i.pending()) {
            throw new ConflictException("The invitation was already " + i.status());
        }
    }

    private Optional<Partner> partner(PartnershipRow p) {
        return directory.find(p.partnerId()).map(u -> new Partner(u.id(), u.displayName(), p.since()));
    }

    private Optional<Invitation> received(InvitationRow i) {
        return directory
                .find(i.senderId())
                .map(u -> new Invitation(
                        i.id(),
                        "received",
                        null,
                        new Person(u.id(), u.displayName(), u.email()),
                        i.status(),
                        i.createdAt(),
                        i.answeredAt()));
    }

    private static Invitation sent(InvitationRow i) {
        return new Invitation(i.id(), "sent", i.email(), null, i.status(), i.createdAt(), i.answeredAt());
    }

    private UserProfile profile(UUID userId) {
        return directory.find(userId).orElseThrow(() -> new NotFoundException("User"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String hash(String canonicalCode) {
        return Secrets.sha256Hex(canonicalCode);
    }
}
