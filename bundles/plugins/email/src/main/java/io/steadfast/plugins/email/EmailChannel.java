package io.steadfast.plugins.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.reminder.spi.ReminderChannel;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

/**
 * E-mail notifications. A channel of this type always writes to its owner's own account address, looked up at
 * every delivery, so that nobody can make the server mail a stranger and a changed address is followed.
 */
final class EmailChannel implements ReminderChannel {

    static final String TYPE = "email";
    static final String PLAIN_TEXT_ONLY = "plainTextOnly";

    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private static final List<ConfigField> SCHEMA = List.of(new ConfigField(
            PLAIN_TEXT_ONLY,
            "Plain text only",
            FieldType.BOOLEAN,
            false,
            false,
            "Send plain text without the HTML version"));

    private final UserDirectory users;
    private final SmtpSender sender;
    private final MailComposer composer;
    private final Clock clock;

    EmailChannel(UserDirectory users, SmtpSender sender, Clock clock) {
        this.users = users;
        this.sender = sender;
        this.composer = new MailComposer(sender);
        this.clock = clock;
    }

    @Override
    public String key() {
        return TYPE;
    }

    @Override
    public String name() {
        return "E-mail";
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object plain = config.get(PLAIN_TEXT_ONLY);
        if (plain != null && !(plain instanceof Boolean)) {
            problems.add(new ConfigProblem(PLAIN_TEXT_ONLY, "must be true or false"));
        }
        return problems;
    }

    @Override
    public Result deliver(Message message, Map<String, Object> config) {
        if (message.userId() == null) {
            return Result.failed("the message has no recipient");
        }
        Optional<UserProfile> owner;
        try {
            owner = users.find(message.userId());
        } catch (RuntimeException e) {
            return Result.retry("the account could not be read");
        }
        if (owner.isEmpty()) {
            return Result.failed("the account no longer exists");
        }
        String to = owner.get().email();
        if (to == null || to.isBlank()) {
            return Result.failed("the account has no e-mail address");
        }
        boolean plainTextOnly = Boolean.TRUE.equals(config.get(PLAIN_TEXT_ONLY));
        try {
            sender.send(() -> composer.reminder(message, to.strip(), plainTextOnly, clock.instant()));
            return Result.delivered("accepted by the mail server");
        } catch (RuntimeException e) {
            // deliver must not throw; a fault of the mail library here is the operator's to see
            LOG.warn("E-mail: a message could not be sent", e);
            return Result.retry("the message could not be sent (" + e.getClass().getSimpleName() + ")");
        } catch (MessagingException e) {
            if (e instanceof AuthenticationFailedException) {
                LOG.warn(
                        "E-mail: the SMTP server {} refused the login; check STEADFAST_SMTP_USER and _PASSWORD",
                        sender.settings().host());
            }
            // the detail goes to the owner's own delivery log: the server's answer may name their address
            return SmtpSender.outcome(e);
        }
    }
}
