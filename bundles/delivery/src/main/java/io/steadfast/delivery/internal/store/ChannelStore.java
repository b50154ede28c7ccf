package io.steadfast.delivery.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.delivery.internal.domain.UserChannel;

/** Users' channels. */
public interface ChannelStore {

    void create(UserChannel c);

    /** Replaces a channel of its user; {@code false} when it is gone. */
    boolean update(UserChannel c);

    Optional<UserChannel> find(UUID userId, UUID channelId);

    /** The user's channels, oldest first. */
    List<UserChannel> ofUser(UUID userId);

    /** How many channels the user has, the in-app one included. */
    int count(UUID userId);

    boolean delete(UUID userId, UUID channelId);

    /** Turns a channel off with a reason; {@code false} when it was off or gone. */
    boolean disable(UUID channelId, String reason, Instant at);

    /** Notes that a delivery failed (the first failure of a run starts {@code failingSince}); answers it. */
    Instant failed(UUID channelId, Instant at);

    /** Notes that a delivery went out (ends a run of failures). */
    void succeeded(UUID channelId);
}
