package io.steadfast.accountability.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.Verifications;

/**
 * Referees (stickK's referee): a partner named on a habit confirms or disputes its done days. Only that referee
 * answers, and only while the two are partners; anyone else finds nothing.
 */
@Component(service = RefereeService.class)
public class RefereeService {

    /** The longest comment on a verdict. */
    static final int MAX_COMMENT = 500;

    /** How many waiting days the queue lists at most. */
    static final int QUEUE_LIMIT = 200;

    private final Verifications verifications;
    private final Partnerships partnerships;
    private final UserDirectory directory;

    @Activate
    public RefereeService(
            @Reference Verifications verifications,
            @Reference Partnerships partnerships,
            @Reference UserDirectory directory) {
        this.verifications = verifications;
        this.partnerships = partnerships;
        this.directory = directory;
    }

    /** A done day waiting for the caller; {@code note} only where the owner shares notes. */
    public record Waiting(
            UUID ownerId,
            String ownerName,
            UUID habitId,
            String habitName,
            LocalDate date,
            BigDecimal value,
            String note,
            Instant recordedAt) {}

    /** The days waiting for the caller's verdict, the oldest first. */
    public List<Waiting> queue(UUID refereeId) {
        return verifications.waiting(refereeId, QUEUE_LIMIT).stream()
                .filter(w -> partnerships.arePartners(refereeId, w.ownerId()))
                .map(w -> directory
                        .find(w.ownerId())
                        .map(u -> new Waiting(
                                w.ownerId(),
                                u.displayName(),
                                w.habitId(),
                                w.habitName(),
                                w.date(),
                                w.value(),
                                w.note(),
                                w.recordedAt())))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Confirms or disputes a done day of a habit the caller referees; 404 for anything else. */
    public Verifications.Verdict decide(UUID refereeId, UUID habitId, LocalDate date, boolean confirm, String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ValidationException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        UUID owner = verifications
                .ownerOf(refereeId, habitId)
                .filter(o -> partnerships.arePartners(refereeId, o))
                .orElseThrow(() -> new NotFoundException("Habit"));
        return verifications
                .decide(refereeId, habitId, date, confirm, comment)
                .filter(v -> v.ownerId().equals(owner))
                .orElseThrow(() -> new NotFoundException("Done day"));
    }
}
