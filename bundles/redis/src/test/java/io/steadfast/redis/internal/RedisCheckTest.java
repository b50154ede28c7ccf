package io.steadfast.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.steadfast.api.ops.Check;
import io.steadfast.testsupport.TestRedis;

/** The doctor's check of Redis on a private Redis that the test stops. Polls for infrastructure latency. */
class RedisCheckTest {

    @Test
    void aPingAndTheSubscriptionAreFineAndAStoppedRedisIsAProblemSayingWhatToCheck() throws Exception {
        TestRedis.Private redis = TestRedis.startPrivate();
        RedisClient client = new RedisClient(RedisSettings.resolve(redis.url(), null, "doctor:", 300, 4));
        RedisMessageBus bus = new RedisMessageBus(client);
        try {
            RedisCheck check = new RedisCheck(client, bus);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (bus.deliveryEpoch() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Check.Finding ok = check.run();
            assertThat(ok.verdict()).as(ok.detail()).isIn(Check.Verdict.OK, Check.Verdict.WARNING);
            assertThat(ok.detail())
                    .contains("answered PING in")
                    .contains(client.settings().describe());

            redis.stop();
            Check.Finding down = check.run();
            assertThat(down.verdict()).isEqualTo(Check.Verdict.PROBLEM);
            assertThat(down.fix()).contains("STEADFAST_REDIS_URL");
        } finally {
            bus.close();
            client.close();
            redis.stop();
        }
    }
}
