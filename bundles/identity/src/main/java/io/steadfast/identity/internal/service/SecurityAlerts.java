package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.reminder.spi.ReminderChannel;

/**
 * Tells a user what they should know about their account's security, on their channels (the in-app one at least):
 * today, that wrong passwords tried from an address paused sign-ins from there. Queued through the delivery
 * bundle's outbox (after the commit, off the request thread); without it (not installed) nothing is sent.
 */
@Component(service = SecurityAlerts.class)
public class SecurityAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAlerts.class);

    private final Clock clock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Outbound outbound;

    @org.osgi.service.component.annotations.Activate
    public SecurityAlerts(@Reference Clock clock) {
        this.clock = clock;
    }

    /** Wrong passwords from {@code address} paused its sign-ins to the account for {@code lock}. */
    public void signInLocked(UUID userId, String address, Duration lock) {
        Outbound o = outbound;
        if (o == null) {
            return;
        }
        String where = address == null ? "one address" : address;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("address", address);
        data.put("pausedMinutes", lock.toMinutes());
        try {
            o.queue(
                    userId,
                    new Outbound.Message(
                            "security:sign-in-locked:" + UUID.randomUUID(),
                            ReminderChannel.Message.SECURITY_ALERT,
                            "Wrong passwords were tried on your account",
                            "Several wrong passwords were tried for your account from " + where
                                    + ". Sign-ins from there are paused for " + lock.toMinutes()
                                    + " minutes; you can still sign in from anywhere else. Your password was not "
                                    + "guessed. If this was not you, a longer password keeps it that way; see "
                                    + "your security log in Settings.",
                            "/settings/sessions",
                            clock.instant(),
                            data),
                    List.of());
        } catch (RuntimeException e) {
            LOG.warn("Could not queue the security alert of account {}: {}", userId, e.toString());
        }
    }
}
