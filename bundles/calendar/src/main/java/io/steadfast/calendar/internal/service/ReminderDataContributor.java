package io.steadfast.calendar.internal.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.api.time.Weekdays;
import io.steadfast.calendar.internal.store.ReminderStore;

/** The {@code reminders} section of the account export; deleting the account removes them (the cascade). */
@Component(service = UserDataContributor.class)
public class ReminderDataContributor implements UserDataContributor {

    private final ReminderStore store;

    @Activate
    public ReminderDataContributor(@Reference ReminderStore store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "reminders";
    }

    @Override
    public Object export(UUID userId) {
        return store.ofUser(userId).stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("habitId", r.habitId());
                    m.put("time", r.time().toString().substring(0, 5));
                    m.put(
                            "days",
                            r.days() == null
                                    ? null
                                    : r.days().stream()
                                            .sorted()
                                            .map(Weekdays::code)
                                            .toList());
                    m.put("onlyIfNotDone", r.onlyIfNotDone());
                    m.put("channelIds", r.channelIds());
                    m.put("createdAt", r.createdAt());
                    return m;
                })
                .toList();
    }
}
