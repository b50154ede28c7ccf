package io.steadfast.api.account;

import java.util.Map;
import java.util.UUID;

import org.osgi.service.event.Event;

/**
 * The Event Admin events of accounts, posted by the identity bundle after the change committed, on the node that
 * made it. For caches and schedules that follow a profile (a day's end moves with the time zone); they may miss
 * one (a node dying between the commit and the post), so a listener also re-reads the profile when it acts on it.
 *
 * @since 1.2
 */
public final class AccountEvents {

    /**
     * A profile changed (time zone, week start, day start, alerts, name, email); property {@link #USER_ID}.
     */
    public static final String TOPIC_PROFILE_CHANGED = "steadfast/account/PROFILE_CHANGED";

    /** The user's id, a UUID string. */
    public static final String USER_ID = "userId";

    private AccountEvents() {}

    public static Event profileChanged(UUID userId) {
        return new Event(TOPIC_PROFILE_CHANGED, Map.of(USER_ID, userId.toString()));
    }

    public static UUID userId(Event e) {
        return UUID.fromString((String) e.getProperty(USER_ID));
    }
}
