package io.steadfast.api.partner;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who are whose accountability partners. Provided by the accountability bundle; bundles that offer something to a
 * user's partners (the habit bundle: a habit's referee) take it as an optional reference.
 */
@ProviderType
public interface Partnerships {

    /** Whether {@code a} and {@code b} are partners (either order; never a user and themself). */
    boolean arePartners(UUID a, UUID b);

    /** The ids of {@code userId}'s partners, the oldest partnership first. */
    List<UUID> partners(UUID userId);
}
