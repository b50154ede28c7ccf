package io.steadfast.identity.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.SecurityEvent;
import io.steadfast.identity.internal.service.Accounts;
import io.steadfast.identity.internal.service.SecurityLog;

@Service
@Command(
        scope = "steadfast",
        name = "security-log",
        description = "Shows the security log (sign-ins, failures, changes), newest first: of one account or of all")
public class SecurityLogCommand implements Action {

    @Reference
    SecurityLog log;

    @Reference
    Accounts accounts;

    @Option(name = "--user", description = "Only this account's entries (its e-mail)")
    @Completion(EmailCompleter.class)
    String user;

    @Option(
            name = "--limit",
            description = "Show at most this many entries (1 to " + SecurityLog.MAX_PAGE + "; default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        UUID userId = null;
        if (user != null) {
            userId = accounts.findByEmail(user)
                    .map(Account::id)
                    .orElseThrow(() -> new IllegalArgumentException("No account has the e-mail " + user));
        }
        if (limit < 1 || limit > SecurityLog.MAX_PAGE) {
            throw new IllegalArgumentException("--limit must be 1 to " + SecurityLog.MAX_PAGE);
        }
        ShellTable table = new ShellTable();
        table.column("When");
        table.column("Account");
        table.column("What");
        table.column("Address");
        table.column("Detail");
        for (SecurityEvent e : log.page(userId, null, limit).entries()) {
            table.addRow().addContent(e.at(), e.userId(), e.kind(), e.clientAddress(), e.detail());
        }
        table.print(System.out);
        return null;
    }
}
