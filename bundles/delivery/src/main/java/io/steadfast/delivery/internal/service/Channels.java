package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.api.reminder.spi.ReminderChannel.ConfigField;
import io.steadfast.api.reminder.spi.ReminderChannel.ConfigProblem;
import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.delivery.internal.store.ChannelStore;

/**
 * A user's channels: added for a type that runs now, with a configuration the type validated (422 naming the field
 * otherwise), shown with secrets masked. Every user has one in-app channel (made when first needed, never deleted:
 * turned off instead).
 */
@Component(service = Channels.class)
public class Channels {

    /** The built-in type: the notifications in the app. */
    public static final String IN_APP = "in-app";

    /** What a secret shows as. */
    public static final String MASK = "********";

    private final ChannelStore store;
    private final ChannelTypes types;
    private final Clock clock;
    private final Limits limits;

    @Activate
    public Channels(
            @Reference ChannelStore store,
            @Reference ChannelTypes types,
            @Reference Clock clock,
            @Reference Limits limits) {
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * A channel as shown: the configuration masked, except what the server just made for it ({@code revealed}: a
     * generated secret, shown once).
     */
    public record Channel(UserChannel row, Map<String, Object> config, boolean typeAvailable) {}

    public List<Channel> list(UUID userId) {
        ensureInApp(userId);
        return store.ofUser(userId).stream().map(c -> view(c, Set.of())).toList();
    }

    public Channel get(UUID userId, UUID channelId) {
        return view(find(userId, channelId), Set.of());
    }

    public UserChannel find(UUID userId, UUID channelId) {
        return store.find(userId, channelId).orElseThrow(() -> new NotFoundException("Channel"));
    }

    /** The user's in-app channel, made now if the type runs and the user has none. */
    public Optional<UserChannel> ensureInApp(UUID userId) {
        List<UserChannel> all = store.ofUser(userId);
        Optional<UserChannel> found =
                all.stream().filter(c -> IN_APP.equals(c.type())).findFirst();
        if (found.isPresent() || types.get(IN_APP).isEmpty()) {
            return found;
        }
        Instant now = now();
        // one per account even when two nodes make it at once: its id follows from the user's, so the second insert
        // meets the primary key
        UUID id = UUID.nameUUIDFromBytes(("in-app:" + userId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        UserChannel c = new UserChannel(
                id, userId, IN_APP, types.get(IN_APP).get().name(), Map.of(), Set.of(), true, null, null, now, now);
        try {
            store.create(c);
        } catch (RuntimeException e) {
            if (!io.steadfast.storage.Rows.isConstraintViolation(e)) {
                throw e;
            }
            return store.find(userId, id);
        }
        return Optional.of(c);
    }

    /**
     * Adds a channel of a type that runs now with a configuration it accepts; refused (422 {@code limit-reached})
     * when the user has as many channels, the in-app one included, as {@link Limits#CHANNELS} allows.
     */
    public Channel create(UUID userId, String type, String name, Object config) {
        List<FieldError> errors = new ArrayList<>();
        String t = type == null ? "" : type.trim();
        Optional<ReminderChannel> kind = t.isEmpty() ? Optional.empty() : types.get(t);
        if (t.isEmpty()) {
            errors.add(new FieldError("type", "is required; see GET /api/v1/channel-types"));
        } else if (kind.isEmpty()) {
            errors.add(new FieldError(
                    "type", "'" + t + "' is not a channel type running now; see GET /api/v1/channel-types"));
        }
        String n = name(name, kind.map(ReminderChannel::name).orElse(t), errors);
        Map<String, Object> cfg = map(config, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (IN_APP.equals(t)) {
            throw new ConflictException("You have an in-app channel already; there is one per account");
        }
        ReminderChannel k = kind.get();
        check(k, cfg);
        limits.check(Limits.CHANNELS, store.count(userId), "notification channels", "delete one first");
        Map<String, Object> complete = new LinkedHashMap<>(k.complete(cfg));
        Set<String> added = new HashSet<>(complete.keySet());
        added.removeAll(cfg.keySet());
        Instant now = now();
        UserChannel c = new UserChannel(
                UUID.randomUUID(), userId, k.key(), n, complete, secrets(k), true, null, null, now, now);
        store.create(c);
        return view(c, added);
    }

    /**
     * Changes what is present: {@code name}, {@code enabled}, {@code config} (its fields present change, a secret
     * left out or sent masked stays; {@code null} removes an optional field).
     */
    public Channel patch(UUID userId, UUID channelId, Map<String, Object> body) {
        UserChannel old = find(userId, channelId);
        Map<String, Object> in = body == null ? Map.of() : body;
        List<FieldError> errors = new ArrayList<>();
        for (String k : in.keySet()) {
            if (!Set.of("name", "enabled", "config").contains(k)) {
                errors.add(new FieldError(k, "is not a channel field; known: name, enabled, config"));
            }
        }
        String name = in.containsKey("name") ? name(in.get("name"), old.name(), errors) : old.name();
        boolean enabled = old.enabled();
        if (in.containsKey("enabled")) {
            if (in.get("enabled") instanceof Boolean b) {
                enabled = b;
            } else {
                errors.add(new FieldError("enabled", "must be true or false"));
            }
        }
        Map<String, Object> cfg = old.config();
        Set<String> secrets = old.secretFields();
        Optional<ReminderChannel> kind = types.get(old.type());
        if (in.containsKey("config")) {
            Map<String, Object> change = map(in.get("config"), errors);
            if (errors.isEmpty()) {
                if (kind.isEmpty()) {
                    throw new ConflictException("The channel type '" + old.type()
                            + "' is not running now: its configuration cannot be checked; try again when it is back");
                }
                Map<String, Object> merged = new LinkedHashMap<>(old.config());
                change.forEach((k, v) -> {
                    if (v == null) {
                        merged.remove(k);
                    } else if (!(old.secretFields().contains(k) && MASK.equals(v))) {
                        merged.put(k, v);
                    }
                });
                check(kind.get(), merged);
                cfg = new LinkedHashMap<>(kind.get().complete(merged));
                secrets = secrets(kind.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean turnedOn = enabled && !old.enabled();
        UserChannel c = new UserChannel(
                old.id(),
                userId,
                old.type(),
                name,
                cfg,
                secrets,
                enabled,
                enabled ? null : (in.containsKey("enabled") ? null : old.disabledReason()),
                turnedOn ? null : old.failingSince(),
                old.createdAt(),
                now());
        if (!store.update(c)) {
            throw new NotFoundException("Channel");
        }
        return view(c, Set.of());
    }

    public void delete(UUID userId, UUID channelId) {
        UserChannel c = find(userId, channelId);
        if (IN_APP.equals(c.type())) {
            throw new ConflictException("The in-app channel cannot be deleted; turn it off with {\"enabled\": false}");
        }
        if (!store.delete(userId, channelId)) {
            throw new NotFoundException("Channel");
        }
    }

    /** The user's enabled channels among {@code ids} (all of them for an empty list). */
    public List<UserChannel> targets(UUID userId, Collection<UUID> ids) {
        ensureInApp(userId);
        return store.ofUser(userId).stream()
                .filter(UserChannel::enabled)
                .filter(c -> ids.isEmpty() || ids.contains(c.id()))
                .toList();
    }

    public List<UUID> unknown(UUID userId, Collection<UUID> ids) {
        Set<UUID> mine = store.ofUser(userId).stream().map(UserChannel::id).collect(Collectors.toSet());
        return ids.stream().filter(i -> !mine.contains(i)).toList();
    }

    /** Checks a configuration against the type's schema (unknown and missing fields, kinds) and its validator. */
    private static void check(ReminderChannel type, Map<String, Object> cfg) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ConfigField> fields = new LinkedHashMap<>();
        for (ConfigField f : type.configSchema()) {
            fields.put(f.name(), f);
        }
        for (String k : cfg.keySet()) {
            if (!fields.containsKey(k)) {
                errors.add(new FieldError(
                        "config." + k,
                        "is not a setting of " + type.name() + "; known: "
                                + (fields.isEmpty() ? "none" : String.join(", ", fields.keySet()))));
            }
        }
        for (ConfigField f : fields.values()) {
            Object v = cfg.get(f.name());
            if (v == null) {
                if (f.required()) {
                    errors.add(new FieldError("config." + f.name(), "is required"));
                }
                continue;
            }
            String wrong =
                    switch (f.type()) {
                        case STRING, URL, EMAIL -> v instanceof String ? null : "must be a string";
                        case INTEGER -> v instanceof Integer || v instanceof Long ? null : "must be a whole number";
                        case BOOLEAN -> v instanceof Boolean ? null : "must be true or false";
                        case STRING_LIST -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)
                                ? null
                                : "must be a list of strings";
                    };
            if (wrong != null) {
                errors.add(new FieldError("config." + f.name(), wrong));
            }
        }
        if (errors.isEmpty()) {
            for (ConfigProblem p : type.validate(cfg)) {
                errors.add(new FieldError("config." + p.field(), p.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Set<String> secrets(ReminderChannel type) {
        return type.configSchema().stream()
                .filter(ConfigField::secret)
                .map(ConfigField::name)
                .collect(Collectors.toSet());
    }

    private Channel view(UserChannel c, Set<String> revealed) {
        Map<String, Object> shown = new LinkedHashMap<>();
        c.config().forEach((k, v) -> shown.put(k, c.secretFields().contains(k) && !revealed.contains(k) ? MASK : v));
        return new Channel(c, shown, types.get(c.type()).isPresent());
    }

    private static String name(Object name, String fallback, List<FieldError> errors) {
        if (name == null) {
            return fallback;
        }
        if (!(name instanceof String s) || s.isBlank() || s.trim().length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
            return fallback;
        }
        return s.trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object config, List<FieldError> errors) {
        if (config == null) {
            return Map.of();
        }
        if (config instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        errors.add(new FieldError("config", "must be an object of the type's settings (GET /api/v1/channel-types)"));
        return Map.of();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
