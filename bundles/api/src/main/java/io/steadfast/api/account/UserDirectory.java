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
}
