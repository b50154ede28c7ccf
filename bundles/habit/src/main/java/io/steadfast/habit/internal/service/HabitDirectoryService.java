package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.HabitDirectory;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.internal.store.HabitCensus;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;

/** {@link HabitDirectory}: the habits of any owner, for operators' tools, with each owner's calendar. */
@Component(service = HabitDirectory.class)
public class HabitDirectoryService implements HabitDirectory {

    private final HabitCensus census;
    private final HabitStore habits;
    private final UserDirectory users;
    private final HabitEvaluator evaluator;
    private final Clock clock;

    @Activate
    public HabitDirectoryService(
            @Reference HabitCensus census,
            @Reference HabitStore habits,
            @Reference UserDirectory users,
            @Reference HabitEvaluator evaluator,
            @Reference Clock clock) {
        this.census = census;
        this.habits = habits;
        this.users = users;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    public Optional<HabitInfo> find(UUID habitId) {
        return census.find(habitId).flatMap(h -> users.find(h.userId()).map(u -> info(h, u)));
    }

    @Override
    public List<HabitInfo> ofUser(UUID userId) {
        return users.find(userId)
                .map(u -> habits.listAll(userId).stream().map(h -> info(h, u)).toList())
                .orElse(List.of());
    }

    @Override
    public List<HabitInfo> page(UUID afterId, int limit) {
        Map<UUID, Optional<UserProfile>> owners = new HashMap<>();
        List<HabitInfo> out = new ArrayList<>();
        for (HabitRow h : census.page(afterId, limit)) {
            owners.computeIfAbsent(h.userId(), users::find).ifPresent(u -> out.add(info(h, u)));
        }
        return out;
    }

    @Override
    public List<UUID> idsStartingWith(String prefix, int limit) {
        return census.idsStartingWith(prefix, limit);
    }

    private HabitInfo info(HabitRow h, UserProfile owner) {
        return HabitMapping.info(
                h, evaluator.availableType(h).isPresent(), owner.weekStart(), Owners.today(clock, owner));
    }
}
