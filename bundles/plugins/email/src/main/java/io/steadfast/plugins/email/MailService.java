package io.steadfast.plugins.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.mail.spi.Mailer;
import io.steadfast.api.ops.Check;
import io.steadfast.api.reminder.spi.ReminderChannel;

/**
 * Turns e-mail on when an SMTP host is configured: registers the {@code email} {@link ReminderChannel} and the
 * {@link Mailer}. Without a host it registers nothing, so the rest of the server sees e-mail as not configured
 * (a password reset by e-mail answers so). A changed configuration replaces both services. The
 * {@code steadfast:doctor} check ({@link SmtpCheck}) is registered either way.
 */
@Component(immediate = true, configurationPid = MailConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailConfig.class)
public class MailService {

    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

    private final BundleContext context;
    private final UserDirectory users;
    private final Clock clock;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private QueuedMailer mailer;

    @Activate
    public MailService(
            BundleContext context, @Reference UserDirectory users, @Reference Clock clock, MailConfig config) {
        this.context = context;
        this.users = users;
        this.clock = clock;
        start(config);
    }

    @Modified
    synchronized void modified(MailConfig config) {
        stop();
        start(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private synchronized void start(MailConfig config) {
        MailSettings settings;
        try {
            settings = MailSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("E-mail is off: {}", e.getMessage());
            registrations.add(context.registerService(Check.class, new SmtpCheck(null, e.getMessage()), null));
            return;
        }
        // the doctor's check is there either way: it says when e-mail is off
        registrations.add(context.registerService(Check.class, new SmtpCheck(settings, null), null));
        if (settings == null) {
            LOG.info(
                    "E-mail is off: no SMTP host is configured. To turn it on, set STEADFAST_SMTP_HOST and "
                            + "STEADFAST_SMTP_FROM (and STEADFAST_SMTP_PORT, _USER, _PASSWORD, _STARTTLS as needed), or edit "
                            + "etc/{}.cfg",
                    MailConfig.PID);
            return;
        }
        SmtpSender sender = new SmtpSender(settings);
        mailer = new QueuedMailer(sender, clock);
        Dictionary<String, Object> channel = new Hashtable<>();
        channel.put(ReminderChannel.KEY, EmailChannel.TYPE);
        registrations.add(
                context.registerService(ReminderChannel.class, new EmailChannel(users, sender, clock), channel));
        registrations.add(context.registerService(Mailer.class, mailer, new Hashtable<>()));
        // no connection now: the first message shows whether the server answers
        LOG.info("E-mail: via {}", settings.describe());
    }

    private void stop() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        registrations.clear();
        if (mailer != null) {
            mailer.close();
            mailer = null;
        }
    }
}
