package io.steadfast.delivery.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.delivery.internal.service.ChannelTypes;

/** Completes the keys of the channel types running now ({@code email}, {@code webhook}, {@code in-app}, ...). */
@Service
public class ChannelTypeCompleter implements Completer {

    @Reference
    ChannelTypes types;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> keys = types.all().stream().map(ReminderChannel::key).toList();
        return new StringsCompleter(keys).complete(session, commandLine, candidates);
    }
}
