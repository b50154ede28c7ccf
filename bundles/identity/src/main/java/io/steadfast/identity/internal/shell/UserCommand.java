package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.api.ops.AccountFacts.Fact;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.service.AccountOverview;
import io.steadfast.identity.internal.service.AccountOverview.Credential;
import io.steadfast.identity.internal.service.AccountOverview.Overview;

@Service
@Command(
        scope = "steadfast",
        name = "user",
        description = "Shows one account: its profile (id, email, name, role, time zone, created), whether it is "
                + "disabled, its habits, its last activity (last sign-in, last token use, last check-in) and the "
                + "sessions and access tokens that work now (names and dates; a secret is never stored, so never "
                + "shown).")
public class UserCommand implements Action {

    @Reference
    AccountOverview overview;

    @Argument(index = 0, name = "email", required = true, description = "The account's email (Tab completes)")
    @Completion(EmailCompleter.class)
    String email;

    @Override
    public Object execute() {
        Overview o = overview.of(email).orElse(null);
        if (o == null) {
            return "No account with email " + email;
        }
        Account a = o.account();
        ShellTable profile = new ShellTable().noHeaders();
        profile.column("");
        profile.column("");
        profile.addRow().addContent("Id", a.id());
        profile.addRow().addContent("Email", a.email());
        profile.addRow().addContent("Name", a.displayName());
        profile.addRow().addContent("Role", a.role());
        profile.addRow().addContent("Time zone", a.timezone());
        profile.addRow().addContent("Created", Shell.time(a.createdAt()));
        profile.addRow()
                .addContent(
                        "Disabled",
                        a.disabled()
                                ? "yes, since " + Shell.time(a.disabledAt()) + " (steadfast:user-enable " + a.email()
                                        + ")"
                                : "no");
        profile.addRow()
                .addContent(
                        "Last sign-in",
                        o.lastSignIn()
                                .map(e -> Shell.time(e.at())
                                        + (e.clientAddress() == null ? "" : " from " + e.clientAddress()))
                                .orElse("none in the security log"));
        profile.addRow()
                .addContent(
                        "Last token use",
                        o.lastTokenUse() == null
                                ? "never"
                                : Shell.time(o.lastTokenUse()) + " (recorded when not served from a cache)");
        for (Fact f : o.facts()) {
            profile.addRow().addContent(f.label(), f.value());
        }
        profile.print(System.out);
        System.out.println();
        if (o.credentials().isEmpty()) {
            System.out.println("No session or access token works now.");
            return null;
        }
        ShellTable tokens = new ShellTable();
        tokens.column("Kind");
        tokens.column("Name / client");
        tokens.column("Created");
        tokens.column("Last used");
        tokens.column("Expires");
        for (Credential c : o.credentials()) {
            tokens.addRow()
                    .addContent(
                            kind(c.kind()),
                            c.name() == null ? "-" : c.name(),
                            Shell.time(c.createdAt()),
                            Shell.time(c.lastUsedAt()),
                            c.expiresAt() == null ? "never" : Shell.time(c.expiresAt()));
        }
        tokens.print(System.out);
        System.out.println(o.credentials().size() + " session(s) and token(s) work now "
                + "(steadfast:user-revoke-tokens " + a.email() + " ends them all)");
        return null;
    }

    static String kind(String kind) {
        switch (kind) {
            case "pat":
                return "access token";
            case "password-change":
                return "password change";
            default:
                return kind;
        }
    }
}
