package io.steadfast.api.account;

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
     * The account's credential epoch: it moves on whenever every credential of the account is revoked at once (a
     * password change or reset, "sign out everywhere", an operator's revoke); 0 before. A bundle that keeps a
     * credential of its own (the calendar feed's secret URL) notes the epoch it was made in and treats it as dead
     * in any other, so it ends with the others even if an event about it was missed, and whatever the nodes'
     * clocks say.
     *
     * @since 1.3
     */
    default long credentialsEpoch(UUID userId) {
        return 0;
    }

    /**
     * Up to {@code limit} emails of accounts that start with {@code prefix} (compared in any case), in order: for the
     * completion of the operator's shell commands, never for a request of a user.
     *
     * @since 1.4
     */
    default java.util.List<String> emailsStartingWith(String prefix, int limit) {
        return java.util.List.of();
    }
}
