package io.steadfast.media.internal.store;

import java.util.Optional;
import java.util.UUID;

import io.steadfast.media.internal.domain.Avatar;

/** Users' profile pictures, one at most each. */
public interface AvatarStore {

    Optional<Avatar> find(UUID userId);

    /** Sets the user's avatar; answers the one it replaces. */
    Optional<Avatar> put(Avatar a);

    /** Removes the user's avatar; answers it. */
    Optional<Avatar> delete(UUID userId);
}
