package io.steadfast.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupGateTest {

    private static final long S = 1_000_000_000L;

    @Test
    void opensOnceReadyHasHeldStillForTheSettlingTime() {
        StartupGate g = new StartupGate(S);
        assertThat(g.observe(false, 1, 0)).isFalse();
        assertThat(g.observe(true, 1, S / 2)).isFalse();
        assertThat(g.observe(true, 1, S)).as("ready for half a second only").isFalse();
        assertThat(g.observe(true, 1, S / 2 + S)).isTrue();
        assertThat(g.isOpen()).isTrue();
    }

    @Test
    void aChangeOfTheServedResourcesRestartsTheWait() {
        StartupGate g = new StartupGate(S);
        g.observe(true, 1, 0);
        assertThat(g.observe(true, 2, S)).as("a resource came").isFalse();
        assertThat(g.observe(true, 2, S + S / 2)).isFalse();
        assertThat(g.observe(true, 2, 2 * S)).isTrue();
    }

    @Test
    void notReadyInBetweenRestartsTheWait() {
        StartupGate g = new StartupGate(S);
        g.observe(true, 1, 0);
        g.observe(false, 1, S / 2);
        assertThat(g.observe(true, 1, S)).isFalse();
        assertThat(g.observe(true, 1, 2 * S - 1)).isFalse();
        assertThat(g.observe(true, 1, 2 * S)).isTrue();
    }

    @Test
    void onceOpenItStaysOpen() {
        StartupGate g = new StartupGate(0);
        g.observe(true, 1, 0);
        assertThat(g.observe(true, 1, 0)).isTrue();
        assertThat(g.observe(false, 7, 5))
                .as("a later failure shows in health, the API stays")
                .isTrue();
    }
}
