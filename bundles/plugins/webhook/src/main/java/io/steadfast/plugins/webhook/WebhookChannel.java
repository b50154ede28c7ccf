package io.steadfast.plugins.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.auth.Secrets;
import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.outbound.NetworkProblems;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundHttp.Request;
import io.steadfast.outbound.OutboundHttp.Response;
import io.steadfast.outbound.RefusedUrlException;
import io.steadfast.outbound.UrlCheck;

/**
 * Webhooks: every event the user subscribed to is POSTed as JSON to the user's URL, signed with HMAC-SHA256 so
 * that the receiver can tell it came from this server ({@link Signatures}). The URL may only reach public addresses
 * unless the operator allowed private ones ({@link OutboundHttp}).
 */
@Component(service = ReminderChannel.class, property = ReminderChannel.KEY + "=" + WebhookChannel.TYPE)
public class WebhookChannel implements ReminderChannel {

    static final String TYPE = "webhook";
    static final String SECRET_PREFIX = "whsec_";
    static final String USER_AGENT = "Steadfast-Webhook/1";

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(
                    WebhookConfig.URL,
                    "URL",
                    FieldType.URL,
                    true,
                    false,
                    "The https:// address that receives a signed POST for every event"),
            new ConfigField(
                    WebhookConfig.SECRET,
                    "Signing secret",
                    FieldType.STRING,
                    false,
                    true,
                    "Keys the X-Steadfast-Signature of every request; leave it out and the server makes one, "
                            + "shown once"),
            new ConfigField(
                    WebhookConfig.EVENTS,
                    "Events",
                    FieldType.STRING_LIST,
                    false,
                    false,
                    "The event types to send; left out: reminders, alerts and test messages"));

    private final OutboundHttp http;
    private final Clock clock;
    private final WebhookPayload payload = new WebhookPayload(new ObjectMapper());

    @Activate
    public WebhookChannel(@Reference OutboundHttp http, @Reference Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String key() {
        return TYPE;
    }

    @Override
    public String name() {
        return "Webhook";
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        WebhookConfig c = WebhookConfig.read(config, problems);
        if (c.url() != null) {
            UrlCheck check = http.check(c.url());
            if (!check.ok()) {
                problems.add(new ConfigProblem(WebhookConfig.URL, check.problem()));
            }
        }
        return problems;
    }

    @Override
    public Map<String, Object> complete(Map<String, Object> config) {
        Object secret = config.get(WebhookConfig.SECRET);
        if (secret instanceof String s && !s.isEmpty()) {
            return config;
        }
        Map<String, Object> completed = new LinkedHashMap<>(config);
        completed.put(WebhookConfig.SECRET, Secrets.newSecret(SECRET_PREFIX));
        return completed;
    }

    @Override
    public Set<String> events(Map<String, Object> config) {
        return WebhookConfig.read(config, new ArrayList<>()).events();
    }

    @Override
    public Result deliver(Message message, Map<String, Object> config) {
        List<ConfigProblem> problems = new ArrayList<>();
        WebhookConfig c = WebhookConfig.read(config, problems);
        if (c.url() == null || c.secret() == null) {
            // a stored configuration always has both; only an edit behind the server's back removes them
            return Result.failed(
                    "the webhook has no " + (c.url() == null ? "URL" : "signing secret") + "; edit the channel");
        }
        URI url;
        try {
            url = URI.create(c.url());
        } catch (IllegalArgumentException e) {
            return Result.failed("the URL is not valid; edit the channel");
        }
        Instant now = clock.instant();
        byte[] body;
        try {
            body = payload.write(message, now);
        } catch (JsonProcessingException e) {
            return Result.failed("the event could not be written as JSON");
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Steadfast-Event", message.type());
        headers.put("X-Steadfast-Delivery", message.id().toString());
        headers.put("X-Steadfast-Timestamp", Long.toString(timestamp));
        headers.put("X-Steadfast-Signature", Signatures.sign(c.secret(), timestamp, body));
        try {
            Response response = http.post(new Request(url, headers, body));
            return outcome(response, now);
        } catch (RefusedUrlException e) {
            return Result.failed(e.getMessage());
        } catch (IOException e) {
            return Result.retry(NetworkProblems.describe(e));
        } catch (IllegalArgumentException e) {
            return Result.failed("the request could not be made: " + e.getMessage());
        }
    }

    private static Result outcome(Response response, Instant now) {
        int status = response.status();
        if (response.successful()) {
            return Result.delivered("HTTP " + status);
        }
        String detail = "the receiver answered HTTP " + status;
        if (status >= 300 && status < 400) {
            detail += " (redirects are not followed: use the final URL)";
        } else {
            String preview = response.bodyPreview(120);
            if (!preview.isEmpty()) {
                detail += ": " + preview;
            }
        }
        return Result.retry(detail, response.retryAfter(now).orElse(null));
    }
}
