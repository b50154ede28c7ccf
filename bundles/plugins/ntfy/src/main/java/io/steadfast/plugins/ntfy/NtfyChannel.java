package io.steadfast.plugins.ntfy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.outbound.NetworkProblems;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundHttp.Request;
import io.steadfast.outbound.OutboundHttp.Response;
import io.steadfast.outbound.RefusedUrlException;
import io.steadfast.outbound.UrlCheck;

/**
 * Push notifications through <a href="https://ntfy.sh">ntfy</a>: each message is published to the user's topic URL
 * (ntfy.sh or a self-hosted server) as plain text with a title, priority, tags and a click link. The topic URL is
 * checked like a webhook's ({@link OutboundHttp}).
 */
@Component(service = ReminderChannel.class, property = ReminderChannel.KEY + "=" + NtfyChannel.TYPE)
public class NtfyChannel implements ReminderChannel {

    static final String TYPE = "ntfy";
    static final int DEFAULT_PRIORITY = 3;

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField("url", "Topic URL", FieldType.URL, true, false, "e.g. https://ntfy.sh/my-habits-4f7a"),
            new ConfigField("token", "Access token", FieldType.STRING, false, true, "For a protected topic"),
            new ConfigField(
                    "priority", "Priority", FieldType.INTEGER, false, false, "1 (min) to 5 (max); 3 by default"));

    private final OutboundHttp http;
    private final Clock clock;

    @Activate
    public NtfyChannel(@Reference OutboundHttp http, @Reference Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String key() {
        return TYPE;
    }

    @Override
    public String name() {
        return "ntfy";
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!(config.get("url") instanceof String url) || url.isBlank()) {
            problems.add(new ConfigProblem("url", "is required"));
        } else {
            UrlCheck check = http.check(url);
            if (!check.ok()) {
                problems.add(new ConfigProblem("url", check.problem()));
            } else if (check.uri().getPath() == null
                    || check.uri().getPath().replace("/", "").isEmpty()) {
                problems.add(new ConfigProblem("url", "must name a topic, e.g. https://ntfy.sh/my-habits-4f7a"));
            }
        }
        if (config.get("token") != null && !(config.get("token") instanceof String)) {
            problems.add(new ConfigProblem("token", "must be a string"));
        }
        if (config.get("priority") != null && priority(config) == null) {
            problems.add(new ConfigProblem("priority", "must be a whole number from 1 to 5"));
        }
        return problems;
    }

    @Override
    public Result deliver(Message message, Map<String, Object> config) {
        if (!(config.get("url") instanceof String url) || priority(config) == null) {
            return Result.failed("the channel's configuration is incomplete; edit the channel");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Title", headerText(message.title() == null ? "Steadfast" : message.title()));
        headers.put("Priority", priority(config).toString());
        headers.put("Tags", tag(message.type()));
        if (message.link() != null) {
            headers.put("Click", message.link());
        }
        headers.put("X-Steadfast-Delivery", message.id().toString());
        if (config.get("token") instanceof String token && !token.isBlank()) {
            headers.put("Authorization", "Bearer " + token.strip());
        }
        byte[] body = (message.body() == null ? "" : message.body()).getBytes(StandardCharsets.UTF_8);
        try {
            return outcome(http.post(new Request(URI.create(url.strip()), headers, body)));
        } catch (RefusedUrlException e) {
            return Result.failed(e.getMessage());
        } catch (IOException e) {
            return Result.retry(NetworkProblems.describe(e));
        } catch (IllegalArgumentException e) {
            // a URL or link that cannot go into a request
            return Result.failed("the message could not be sent: " + e.getMessage());
        }
    }

    private Result outcome(Response response) {
        int status = response.status();
        if (response.successful()) {
            return Result.delivered("HTTP " + status);
        }
        if (status == 429 || status >= 500) {
            return Result.retry(
                    "ntfy answered HTTP " + status,
                    response.retryAfter(clock.instant()).orElse(null));
        }
        if (status == 401 || status == 403) {
            return Result.failed("ntfy answered HTTP " + status + ": the access token is wrong or lacks access");
        }
        if (status == 400 || status == 404) {
            return Result.failed("ntfy answered HTTP " + status + ": check the topic URL");
        }
        return Result.failed("ntfy answered HTTP " + status + (status < 400 ? " (redirects are not followed)" : ""));
    }

    /** 1 to 5: the configured priority, the default when absent, {@code null} when unusable. */
    private static Integer priority(Map<String, Object> config) {
        Object p = config.get("priority");
        if (p == null) {
            return DEFAULT_PRIORITY;
        }
        if (p instanceof Integer || p instanceof Long) {
            long v = ((Number) p).longValue();
            return v >= 1 && v <= 5 ? (int) v : null;
        }
        return null;
    }

    /** ntfy's emoji tags: an alarm clock for reminders, a warning sign for alerts, a bell for the rest. */
    static String tag(String type) {
        if (Message.REMINDER_DUE.equals(type)) {
            return "alarm_clock";
        }
        return type.startsWith("alert.") ? "warning" : "bell";
    }

    /**
     * A header value: text other than printable ASCII goes as an RFC 2047 encoded word, which ntfy decodes (headers
     * carry no UTF-8 by themselves).
     */
    static String headerText(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (oneLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return oneLine;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
