package io.steadfast.delivery.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.delivery.internal.domain.Delivery;

/**
 * The {@code channels} section of the account export: the channels (secrets masked: an export is a file people pass
 * around) and the delivery log. Deleting the account removes both (the database's cascades).
 */
@Component(service = UserDataContributor.class)
public class DeliveryDataContributor implements UserDataContributor {

    private final Channels channels;
    private final Deliveries deliveries;

    @Activate
    public DeliveryDataContributor(@Reference Channels channels, @Reference Deliveries deliveries) {
        this.channels = channels;
        this.deliveries = deliveries;
    }

    @Override
    public String section() {
        return "channels";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "channels",
                channels.list(userId).stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", c.row().id());
                            m.put("type", c.row().type());
                            m.put("name", c.row().name());
                            m.put("config", c.config());
                            m.put("enabled", c.row().enabled());
                            m.put("createdAt", c.row().createdAt());
                            return m;
                        })
                        .toList());
        List<Delivery> log = deliveries.list(userId, null, null, null, 10_000);
        out.put(
                "deliveries",
                log.stream()
                        .map(d -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", d.id());
                            m.put("channelId", d.channelId());
                            m.put("kind", d.type());
                            m.put("title", d.title());
                            m.put("status", d.status());
                            m.put("attempts", d.attempts());
                            m.put("createdAt", d.createdAt());
                            m.put("sentAt", d.sentAt());
                            return m;
                        })
                        .toList());
        return out;
    }
}
