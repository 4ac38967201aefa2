package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryQuotaTest {

    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void countsPerMemberAndResetsAtUtcMidnight() {
        InMemoryQuota quota = new InMemoryQuota(2, Duration.ZERO);
        assertThat(quota.tryAcquire("g", "a", NOON, true).allowed()).isTrue();
        assertThat(quota.tryAcquire("g", "a", NOON, true).allowed()).isTrue();
        PhrasingQuota.Decision third = quota.tryAcquire("g", "a", NOON, true);
        assertThat(third.verdict()).isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
        assertThat(third.retryAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(quota.tryAcquire("g", "b", NOON, true).allowed()).isTrue();
        assertThat(quota.tryAcquire("other-guild", "a", NOON, true).allowed()).isTrue();
        assertThat(quota.tryAcquire("g", "a", Instant.parse("2025-03-11T00:00:00Z"), true).allowed()).isTrue();
    }

    @Test
    void peekDoesNotCountAndTheCooldownAppliesOnlyToAsks() {
        InMemoryQuota quota = new InMemoryQuota(10, Duration.ofSeconds(30));
        assertThat(quota.peek("g", "a", NOON, true).allowed()).isTrue();
        assertThat(quota.tryAcquire("g", "a", NOON, true).allowed()).isTrue();
        PhrasingQuota.Decision soon = quota.peek("g", "a", NOON.plusSeconds(10), true);
        assertThat(soon.verdict()).isEqualTo(PhrasingQuota.Verdict.COOLDOWN);
        assertThat(soon.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        // A nudge is not blocked by the cooldown and does not restart it.
        assertThat(quota.tryAcquire("g", "a", NOON.plusSeconds(10), false).allowed()).isTrue();
        assertThat(quota.tryAcquire("g", "a", NOON.plusSeconds(30), true).allowed()).isTrue();
    }

    @Test
    void nudgesUseTheDailyQuotaToo() {
        InMemoryQuota quota = new InMemoryQuota(1, Duration.ZERO);
        assertThat(quota.tryAcquire("g", "a", NOON, false).allowed()).isTrue();
        assertThat(quota.tryAcquire("g", "a", NOON, true).verdict()).isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
    }
}
