package io.steadfast.delivery.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.api.account.UserDirectory;

/** Completes the emails of accounts: the first 50 that start with what is typed. */
@Service
public class EmailCompleter implements Completer {

    static final int MAX = 50;

    @Reference
    UserDirectory users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument();
        String prefix =
                typed == null ? "" : typed.substring(0, Math.min(commandLine.getArgumentPosition(), typed.length()));
        return new StringsCompleter(users.emailsStartingWith(prefix, MAX)).complete(session, commandLine, candidates);
    }
}
