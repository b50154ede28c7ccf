package io.steadfast.delivery.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.service.DeliveryAdmin;

/** Completes the ids of the 50 newest failed deliveries: the ones steadfast:delivery-retry takes. */
@Service
public class FailedDeliveryCompleter implements Completer {

    @Reference
    DeliveryAdmin deliveries;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = deliveries.recent(null, Delivery.FAILED, null, 50).stream()
                .map(l -> l.delivery().id().toString())
                .toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
