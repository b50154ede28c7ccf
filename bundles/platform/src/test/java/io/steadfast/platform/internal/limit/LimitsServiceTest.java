package io.steadfast.platform.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.limit.Limits;

class LimitsServiceTest {

    static LimitsConfig config(Map<String, Object> settings) {
        return (LimitsConfig) Proxy.newProxyInstance(
                LimitsConfig.class.getClassLoader(), new Class<?>[] {LimitsConfig.class}, (proxy, method, args) -> {
                    if ("annotationType".equals(method.getName())) {
                        return LimitsConfig.class;
                    }
                    Object value = settings.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    @Test
    void theDefaultsAreGenerousAndEveryLimitHasOne() {
        LimitsService limits = new LimitsService(config(Map.of()));
        assertThat(limits.max(Limits.HABITS)).isEqualTo(500);
        assertThat(limits.max(Limits.TOKENS)).isEqualTo(50);
        assertThat(limits.max(Limits.REMINDERS_PER_HABIT)).isEqualTo(10);
        for (String name : new String[] {
            Limits.HABITS,
            Limits.TOKENS,
            Limits.SESSIONS,
            Limits.REMINDERS_PER_HABIT,
            Limits.CHANNELS,
            Limits.GROUPS,
            Limits.INVITATIONS,
            Limits.PARTNERS,
            Limits.VACATIONS
        }) {
            assertThat(limits.max(name)).as(name).isBetween(1, 10_000);
        }
        assertThat(limits.max("nothing")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aChangeAppliesAtOnceAndNothingIsBelowOne() {
        LimitsService limits = new LimitsService(config(Map.of()));
        limits.modified(config(Map.of("habits", 3, "tokens", 0, "groups", -5)));
        assertThat(limits.max(Limits.HABITS)).isEqualTo(3);
        assertThat(limits.max(Limits.TOKENS)).isEqualTo(1);
        assertThat(limits.max(Limits.GROUPS)).isEqualTo(1);
    }

    @Test
    void checkRefusesTheOneTooManyInWords() {
        LimitsService limits = new LimitsService(config(Map.of("habits", 3)));
        limits.check(Limits.HABITS, 2, "habits", "archive or delete some first");
        assertThatThrownBy(() -> limits.check(Limits.HABITS, 3, "habits", "delete some first"))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.HABITS);
                    assertThat(e.max()).isEqualTo(3);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "You have 3 habits, the most this server allows; delete some first (limit habits)");
                });
    }
}
