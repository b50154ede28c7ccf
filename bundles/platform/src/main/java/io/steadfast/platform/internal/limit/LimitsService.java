package io.steadfast.platform.internal.limit;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import io.steadfast.api.limit.Limits;

/** The per-user limits, from {@code etc/io.steadfast.limits.cfg}; a change applies at once. */
@Component(service = Limits.class, configurationPid = Limits.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LimitsConfig.class)
public class LimitsService implements Limits {

    private volatile Map<String, Integer> max;

    @Activate
    public LimitsService(LimitsConfig config) {
        modified(config);
    }

    @Modified
    void modified(LimitsConfig c) {
        this.max = table(c);
    }

    /** The limits by name, each at least 1. Plain Java. */
    static Map<String, Integer> table(LimitsConfig c) {
        return Map.of(
                HABITS, atLeastOne(c.habits()),
                TOKENS, atLeastOne(c.tokens()),
                SESSIONS, atLeastOne(c.sessions()),
                REMINDERS_PER_HABIT, atLeastOne(c.remindersPerHabit()),
                CHANNELS, atLeastOne(c.channels()),
                GROUPS, atLeastOne(c.groups()),
                INVITATIONS, atLeastOne(c.invitations()),
                PARTNERS, atLeastOne(c.partners()),
                VACATIONS, atLeastOne(c.vacations()));
    }

    private static int atLeastOne(int n) {
        return Math.max(1, n);
    }

    @Override
    public int max(String limit) {
        return max.getOrDefault(limit, Integer.MAX_VALUE);
    }
}
