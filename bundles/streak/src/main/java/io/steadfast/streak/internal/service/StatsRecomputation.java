package io.steadfast.streak.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.HabitDirectory;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.streak.internal.engine.StatsDifferences;
import io.steadfast.streak.internal.engine.StatsDifferences.Difference;

/**
 * The operator's {@code steadfast:stats-recompute}: re-derives the statistics of one habit, of an account's habits or
 * of every habit from their day records ({@link StatsService#recompute}) and says what differed and was fixed. When
 * a habit's figures changed, the achievements they reach are awarded too (never taken back). A habit whose type's
 * plugin is not running is left alone: its days cannot be judged now.
 */
@Component(service = StatsRecomputation.class)
public class StatsRecomputation {

    /** How many habits {@link #all} reads at a time. */
    static final int PAGE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(StatsRecomputation.class);

    /**
     * What the recomputation of one habit found.
     *
     * @param owner       the owner's email
     * @param differences the figures that differed and were fixed; empty when the statistics agreed
     * @param skipped     why the habit was not recomputed, or {@code null}
     */
    public record Result(HabitInfo habit, String owner, List<Difference> differences, String skipped) {

        public boolean fixed() {
            return !differences.isEmpty();
        }
    }

    private final StatsService stats;
    private final AchievementService achievements;
    private final HabitDirectory habits;
    private final UserDirectory users;

    @Activate
    public StatsRecomputation(
            @Reference StatsService stats,
            @Reference AchievementService achievements,
            @Reference HabitDirectory habits,
            @Reference UserDirectory users) {
        this.stats = stats;
        this.achievements = achievements;
        this.habits = habits;
        this.users = users;
    }

    /** The habit with this id, whoever owns it; empty when there is none. */
    public Optional<Result> habit(UUID habitId) {
        return habits.find(habitId).map(h -> recompute(h, email(h.userId(), new HashMap<>())));
    }

    /** Every habit of the account with this email, archived ones too; empty when there is no such account. */
    public Optional<List<Result>> user(String email) {
        return users.findByEmail(email).map(u -> {
            List<Result> out = new ArrayList<>();
            for (HabitInfo h : habits.ofUser(u.id())) {
                out.add(recompute(h, u.email()));
            }
            return out;
        });
    }

    /** Every habit of the server, a page at a time; each result goes to {@code each} as it is known. */
    public void all(Consumer<Result> each) {
        Map<UUID, String> emails = new HashMap<>();
        UUID after = null;
        while (true) {
            List<HabitInfo> page = habits.page(after, PAGE);
            for (HabitInfo h : page) {
                each.accept(recompute(h, email(h.userId(), emails)));
            }
            if (page.isEmpty()) {
                return;
            }
            after = page.get(page.size() - 1).id();
            if (emails.size() > 10_000) {
                emails.clear();
            }
        }
    }

    Result recompute(HabitInfo h, String owner) {
        if (!h.available()) {
            return new Result(h, owner, List.of(), "its type '" + h.type() + "' is not running (a stopped plugin)");
        }
        StatsService.Recomputed r = stats.recompute(h);
        List<Difference> differences = StatsDifferences.between(r.before(), r.after());
        if (r.fixed()) {
            try {
                achievements.check(h.userId(), h, h.today(), r.after());
            } catch (RuntimeException e) {
                LOG.warn("Achievements of habit {} not checked after its recomputation: {}", h.id(), e.toString());
            }
        }
        return new Result(h, owner, differences, null);
    }

    private String email(UUID userId, Map<UUID, String> known) {
        return known.computeIfAbsent(
                userId, id -> users.find(id).map(UserProfile::email).orElse(id.toString()));
    }
}
