package io.steadfast.delivery.internal.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.service.DeliveryAdmin;
import io.steadfast.delivery.internal.service.DeliveryAdmin.Listed;

@Service
@Command(
        scope = "steadfast",
        name = "deliveries",
        description = "Lists the newest deliveries of the outbox (reminders, alerts, webhook events to people's "
                + "channels), newest first: id, when made, for whom, which channel, what, status (pending, waiting "
                + "for its channel's type, sent, failed), attempts, the next attempt or when it was sent, the last "
                + "error. A failed one is sent again with steadfast:delivery-retry <id>.")
public class DeliveriesCommand implements Action {

    static final int MAX_LIMIT = 1000;

    @Reference
    DeliveryAdmin deliveries;

    @Reference
    UserDirectory users;

    @Option(
            name = "--status",
            aliases = "-s",
            description = "Only deliveries of this status: pending, waiting, sent (or delivered) or failed")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--user", aliases = "-u", description = "Only the deliveries of the account with this email")
    @Completion(EmailCompleter.class)
    String user;

    @Option(name = "--type", aliases = "-t", description = "Only deliveries to channels of this type (e.g. email)")
    @Completion(ChannelTypeCompleter.class)
    String type;

    @Option(name = "--limit", description = "Show at most this many, the newest (1 to " + MAX_LIMIT + ")")
    int limit = 50;

    @Override
    public Object execute() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be 1 to " + MAX_LIMIT);
        }
        UUID userId = null;
        if (user != null) {
            userId = users.findByEmail(user)
                    .map(UserProfile::id)
                    .orElseThrow(() -> new IllegalArgumentException("No account has the email " + user));
        }
        List<Listed> list;
        try {
            list = deliveries.recent(userId, status, type, limit);
        } catch (io.steadfast.api.error.ValidationException e) {
            throw new IllegalArgumentException("--status " + e.errors().get(0).message());
        }
        Map<UUID, String> emails = new HashMap<>();
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Created");
        table.column("User");
        table.column("Channel");
        table.column("Message");
        table.column("Status");
        table.column("Attempts");
        table.column("Next / sent");
        table.column("Last error").maxSize(60);
        for (Listed l : list) {
            Delivery d = l.delivery();
            String email = emails.computeIfAbsent(
                    d.userId(), id -> users.find(id).map(UserProfile::email).orElse(id.toString()));
            table.addRow()
                    .addContent(
                            d.id(),
                            time(d.createdAt()),
                            email,
                            l.channelType() == null ? "(deleted)" : l.channelType() + " \"" + l.channelName() + "\"",
                            d.type(),
                            d.status(),
                            d.attempts(),
                            Delivery.SENT.equals(d.status())
                                    ? time(d.sentAt())
                                    : Delivery.FAILED.equals(d.status()) ? "-" : time(d.nextAt()),
                            d.lastError() == null ? "" : d.lastError());
        }
        table.print(System.out);
        System.out.println(list.size() + " deliver" + (list.size() == 1 ? "y" : "ies")
                + (list.size() == limit ? " (the newest " + limit + "; --limit shows more)" : ""));
        return null;
    }

    static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
