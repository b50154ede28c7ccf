package io.steadfast.streak.internal.shell;

import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.habit.api.HabitDirectory;

/** Completes habit ids: the first 50 that start with what is typed (steadfast:habits --user lists them by name). */
@Service
public class HabitIdCompleter implements Completer {

    static final int MAX = 50;

    @Reference
    HabitDirectory habits;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument();
        String prefix =
                typed == null ? "" : typed.substring(0, Math.min(commandLine.getArgumentPosition(), typed.length()));
        List<String> ids =
                habits.idsStartingWith(prefix, MAX).stream().map(UUID::toString).toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
