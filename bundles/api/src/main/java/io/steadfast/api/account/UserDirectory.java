package io.steadfast.api.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Looks up users' profiles. Provided by the identity bundle. */
@ProviderType
public interface UserDirectory {

    Optional<UserProfile> find(UUID userId);

    /**
     * The account that holds {@code email} (compared trimmed and in any case), or empty. For a bundle that addresses
     * someone by email (a partner invitation); never for telling a caller whether an address has an account.
     *
     * @since 1.1
     */
    Optional<UserProfile> findByEmail(String email);

    /**
     * When every credential of the account was last revoked at once (a password change or reset, "sign out
     * everywhere", an operator's revoke), or empty when never. A bundle that keeps a credential of its own (the
     * calendar feed's secret URL) treats one made before this instant as dead, so it ends with the others even if
     * an event about it was missed.
     *
     * @since 1.3
     */
    default Optional<Instant> credentialsRevokedAt(UUID userId) {
        return Optional.empty();
    }
}
