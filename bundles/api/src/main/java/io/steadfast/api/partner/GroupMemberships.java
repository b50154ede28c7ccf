package io.steadfast.api.partner;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who belongs to which accountability group. Provided by the accountability bundle; the habit bundle takes it as an
 * optional reference to check the groups a habit is shared with.
 *
 * @since 1.1
 */
@ProviderType
public interface GroupMemberships {

    /** Whether {@code userId} is a member (or the owner) of {@code groupId}. */
    boolean isMember(UUID userId, UUID groupId);

    /** The groups {@code userId} belongs to. */
    List<UUID> groups(UUID userId);
}
