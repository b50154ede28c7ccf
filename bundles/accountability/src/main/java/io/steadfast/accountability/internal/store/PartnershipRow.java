package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.UUID;

/** {@code userId}'s partner {@code partnerId}, since {@code since}. */
public record PartnershipRow(UUID userId, UUID partnerId, Instant since) {}
