package io.steadfast.delivery.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.delivery.internal.service.DeliveryAdmin;

/** Completes the statuses of a delivery: pending, waiting, sent, failed. */
@Service
public class StatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(DeliveryAdmin.STATUSES).complete(session, commandLine, candidates);
    }
}
