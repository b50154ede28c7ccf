package io.steadfast.accountability.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.api.HabitAudience;
import io.steadfast.api.partner.GroupMemberships;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Sharing;

/**
 * Who sees a habit besides its owner, decided each time it is shown: with visibility {@code partners} the owner's
 * partners; with {@code groups} the fellow members of one of its groups (the owner still a member); a private habit
 * nobody.
 */
@Component(service = {Audience.class, HabitAudience.class})
public class Audience implements HabitAudience {

    private final Partnerships partnerships;
    private final GroupMemberships groups;

    @Activate
    public Audience(@Reference Partnerships partnerships, @Reference GroupMemberships groups) {
        this.partnerships = partnerships;
        this.groups = groups;
    }

    @Override
    public boolean sees(UUID viewerId, HabitInfo h) {
        if (viewerId.equals(h.userId())) {
            return true;
        }
        Sharing s = h.sharing();
        return switch (s.visibility()) {
            case PRIVATE -> false;
            case PARTNERS -> partnerships.arePartners(viewerId, h.userId());
            case GROUPS -> s.groupIds().stream()
                    .anyMatch(g -> groups.isMember(viewerId, g) && groups.isMember(h.userId(), g));
        };
    }
}
