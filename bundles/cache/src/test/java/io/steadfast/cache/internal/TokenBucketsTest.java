package io.steadfast.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.TokenBuckets.Take;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final LocalTokenBuckets buckets = new LocalTokenBuckets(now::get);

    @Test
    void aBurstUpToTheCapacityThenTheSteadyRate() {
        for (int i = 4; i >= 0; i--) {
            Take t = buckets.take("user:ann", 5, 2);
            assertThat(t.allowed()).isTrue();
            assertThat(t.remaining()).isEqualTo(i);
        }
        Take refused = buckets.take("user:ann", 5, 2);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).as("two a second: one every 500 ms").isEqualTo(Duration.ofMillis(500));
        assertThat(refused.untilFull()).isEqualTo(Duration.ofMillis(2500));
        now.addAndGet(499);
        assertThat(buckets.take("user:ann", 5, 2).allowed()).isFalse();
        now.addAndGet(1);
        assertThat(buckets.take("user:ann", 5, 2).allowed()).as("a token came").isTrue();
        assertThat(buckets.take("user:bob", 5, 2).remaining())
                .as("each key its own bucket")
                .isEqualTo(4);
    }

    @Test
    void anIdleBucketFillsUpToItsCapacityOnly() {
        for (int i = 0; i < 5; i++) {
            buckets.take("k", 5, 10);
        }
        now.addAndGet(60_000);
        assertThat(buckets.take("k", 5, 10).remaining()).isEqualTo(4);
    }

    @Test
    void aClockThatGoesBackRefillsNothing() {
        buckets.take("k", 2, 1);
        buckets.take("k", 2, 1);
        now.addAndGet(-10_000);
        assertThat(buckets.take("k", 2, 1).allowed()).isFalse();
    }

    @Test
    void theBucketsStayBoundedUnderAFloodOfKeys() {
        for (int i = 0; i < LocalTokenBuckets.MAX_BUCKETS + 10; i++) {
            buckets.take("addr:" + i, 3, 1);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(LocalTokenBuckets.MAX_BUCKETS);
    }
}
