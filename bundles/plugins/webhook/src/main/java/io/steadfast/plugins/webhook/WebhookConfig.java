package io.steadfast.plugins.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.steadfast.api.reminder.spi.ReminderChannel.ConfigProblem;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;

/**
 * A webhook channel's configuration: {@code url}, {@code secret}, {@code events}. Reading it checks everything but
 * the URL's addresses, which {@link io.steadfast.outbound.OutboundHttp} judges.
 *
 * @param url    the receiver's URL as the user wrote it
 * @param secret the signing secret, or {@code null} before {@link WebhookChannel#complete} made one
 * @param events the event types subscribed to, or {@code null} for the default ones
 */
record WebhookConfig(String url, String secret, Set<String> events) {

    static final String URL = "url";
    static final String SECRET = "secret";
    static final String EVENTS = "events";

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;

    /** Reads {@code config}, adding what is wrong to {@code problems}. */
    static WebhookConfig read(Map<String, Object> config, List<ConfigProblem> problems) {
        String url = null;
        Object u = config.get(URL);
        if (u == null || (u instanceof String s && s.isBlank())) {
            problems.add(new ConfigProblem(URL, "is required"));
        } else if (u instanceof String s) {
            url = s.strip();
        } else {
            problems.add(new ConfigProblem(URL, "must be a string"));
        }

        String secret = null;
        Object sec = config.get(SECRET);
        if (sec instanceof String s && !s.isEmpty()) {
            if (s.length() < MIN_SECRET || s.length() > MAX_SECRET) {
                problems.add(new ConfigProblem(
                        SECRET,
                        "must be " + MIN_SECRET + " to " + MAX_SECRET
                                + " characters long; leave it out and the server makes one"));
            } else if (!s.equals(s.strip())) {
                problems.add(new ConfigProblem(SECRET, "must not start or end with spaces"));
            } else {
                secret = s;
            }
        } else if (sec != null && !(sec instanceof String)) {
            problems.add(new ConfigProblem(SECRET, "must be a string"));
        }

        Set<String> events = null;
        Object ev = config.get(EVENTS);
        if (ev instanceof List<?> list) {
            if (list.isEmpty()) {
                problems.add(new ConfigProblem(
                        EVENTS, "must name at least one event type; leave it out for reminders, alerts and tests"));
            }
            events = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                if (e instanceof String type && Message.ALL.contains(type)) {
                    events.add(type);
                } else {
                    problems.add(new ConfigProblem(
                            EVENTS + "[" + i + "]",
                            (e instanceof String ? "is not an event type" : "must be a string") + "; known: "
                                    + String.join(", ", sorted(Message.ALL))));
                }
            }
        } else if (ev != null) {
            problems.add(new ConfigProblem(EVENTS, "must be a list of event types"));
        }
        return new WebhookConfig(url, secret, events == null ? null : Set.copyOf(events));
    }

    private static List<String> sorted(Set<String> types) {
        List<String> list = new ArrayList<>(types);
        list.sort(null);
        return list;
    }
}
