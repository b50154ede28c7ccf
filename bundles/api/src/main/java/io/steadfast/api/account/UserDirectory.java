package io.steadfast.api.account;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Looks up users' profiles. Provided by the identity bundle. */
@ProviderType
public interface UserDirectory {

    Optional<UserProfile> find(UUID userId);
}
