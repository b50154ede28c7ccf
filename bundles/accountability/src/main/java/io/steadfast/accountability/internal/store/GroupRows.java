package io.steadfast.accountability.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The rows of groups and challenges. */
public final class GroupRows {

    private GroupRows() {}

    public static final String OWNER = "owner";
    public static final String MEMBER = "member";

    public record Group(UUID id, String name, String description, UUID ownerId, Instant createdAt) {}

    /** {@code role}: {@link #OWNER} or {@link #MEMBER}. */
    public record Member(UUID groupId, UUID userId, String role, Instant joinedAt) {}

    public record Code(String codeHash, UUID groupId, Instant createdAt, Instant expiresAt) {}

    /** {@code schedule}: the JSON of the habit's schedule ({@code ScheduleSpec}). */
    public record Challenge(
            UUID id,
            UUID groupId,
            String name,
            String habitType,
            BigDecimal target,
            String unit,
            String schedule,
            LocalDate startDate,
            LocalDate endDate,
            UUID createdBy,
            Instant createdAt) {}

    public record Participant(UUID challengeId, UUID userId, UUID habitId, LocalDate joinedOn, Instant joinedAt) {}
}
