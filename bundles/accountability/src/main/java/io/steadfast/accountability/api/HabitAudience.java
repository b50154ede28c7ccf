package io.steadfast.accountability.api;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.habit.api.HabitInfo;

/**
 * Who sees a habit besides its owner, decided each time it is shown (the rule of the partners' views and the feed):
 * with visibility {@code partners} the owner's partners, with {@code groups} the fellow members of one of its groups
 * (the owner still a member), a private habit nobody. The owner always sees their own. A habit's referee is not an
 * audience of its own: whoever shows something to referees checks {@code Sharing#refereeUserId()} themselves.
 */
@ProviderType
public interface HabitAudience {

    /** Whether {@code viewerId} may see the habit {@code habit} (its owner, or an audience its sharing allows). */
    boolean sees(UUID viewerId, HabitInfo habit);
}
