package io.steadfast.media.internal.service;

import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.Sharing;

/** A HabitQuery with habits and day records in memory: only what the media bundle asks ({@code habit}, {@code records}). */
final class Fakes {

    final Map<UUID, HabitInfo> habits = new HashMap<>();
    final Set<String> records = new HashSet<>();

    HabitInfo habit(UUID owner, Sharing sharing) {
        UUID id = UUID.randomUUID();
        HabitInfo h = new HabitInfo(
                id,
                owner,
                "Run",
                null,
                "boolean",
                null,
                null,
                null,
                LocalDate.parse("2031-01-01"),
                LocalDate.parse("2031-01-01"),
                null,
                null,
                false,
                0,
                true,
                Instant.parse("2031-01-01T00:00:00Z"),
                DayOfWeek.MONDAY,
                LocalDate.parse("2031-03-04"),
                null,
                LocalDate.parse("2031-01-01"),
                1,
                sharing);
        habits.put(id, h);
        return h;
    }

    void record(HabitInfo h, LocalDate day) {
        records.add(h.id() + "/" + day);
    }

    void clear(HabitInfo h, LocalDate day) {
        records.remove(h.id() + "/" + day);
    }

    HabitQuery query() {
        return (HabitQuery) Proxy.newProxyInstance(
                HabitQuery.class.getClassLoader(), new Class<?>[] {HabitQuery.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "habit":
                            return Optional.ofNullable(habits.get((UUID) args[1]))
                                    .filter(h -> h.userId().equals(args[0]));
                        case "records": {
                            HabitInfo h = habits.get((UUID) args[1]);
                            List<HabitQuery.RecordedDay> out = new ArrayList<>();
                            if (h == null || !h.userId().equals(args[0])) {
                                return out;
                            }
                            for (LocalDate d = (LocalDate) args[2];
                                    !d.isAfter((LocalDate) args[3]);
                                    d = d.plusDays(1)) {
                                if (records.contains(h.id() + "/" + d)) {
                                    out.add(new HabitQuery.RecordedDay(
                                            d, null, null, false, false, null, Instant.EPOCH));
                                }
                            }
                            return out;
                        }
                        case "toString":
                            return "fake HabitQuery";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
