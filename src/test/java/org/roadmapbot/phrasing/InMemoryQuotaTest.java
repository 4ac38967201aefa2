package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryQuotaTest {

    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void countsPhrasedTextsPerMemberAndResetsAtUtcMidnight() {
        InMemoryQuota quota = new InMemoryQuota(2, Duration.ZERO);
        assertThat(quota.countPhrased("g", "a", NOON).allowed()).isTrue();
        assertThat(quota.countPhrased("g", "a", NOON).allowed()).isTrue();
        PhrasingQuota.Decision third = quota.countPhrased("g", "a", NOON);
        assertThat(third.verdict()).isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
        assertThat(third.retryAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(quota.startCall("g", "a", NOON, true).verdict()).isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
        assertThat(quota.countPhrased("g", "b", NOON).allowed()).isTrue();
        assertThat(quota.countPhrased("other-guild", "a", NOON).allowed()).isTrue();
        Instant tomorrow = Instant.parse("2025-03-11T00:00:00Z");
        assertThat(quota.startCall("g", "a", tomorrow, true).allowed()).isTrue();
        assertThat(quota.countPhrased("g", "a", tomorrow).allowed()).isTrue();
    }

    @Test
    void callsThatPhraseNothingUseNoQuota() {
        InMemoryQuota quota = new InMemoryQuota(1, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            // A failed or rejected call starts and is never counted.
            assertThat(quota.startCall("g", "a", NOON.plusSeconds(i), true).allowed())
                    .isTrue();
        }
        assertThat(quota.countPhrased("g", "a", NOON.plusSeconds(5)).allowed()).isTrue();
        assertThat(quota.startCall("g", "a", NOON.plusSeconds(6), true).verdict())
                .isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
    }

    @Test
    void peekChangesNothingAndTheCooldownAppliesOnlyToAsks() {
        InMemoryQuota quota = new InMemoryQuota(10, Duration.ofSeconds(30));
        assertThat(quota.peek("g", "a", NOON, true).allowed()).isTrue();
        assertThat(quota.peek("g", "a", NOON, true).allowed()).isTrue();
        assertThat(quota.startCall("g", "a", NOON, true).allowed()).isTrue();
        PhrasingQuota.Decision soon = quota.peek("g", "a", NOON.plusSeconds(10), true);
        assertThat(soon.verdict()).isEqualTo(PhrasingQuota.Verdict.COOLDOWN);
        assertThat(soon.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        // A nudge is not blocked by the cooldown and does not restart it.
        assertThat(quota.startCall("g", "a", NOON.plusSeconds(10), false).allowed())
                .isTrue();
        assertThat(quota.startCall("g", "a", NOON.plusSeconds(30), true).allowed())
                .isTrue();
    }

    @Test
    void nudgesUseTheDailyQuotaToo() {
        InMemoryQuota quota = new InMemoryQuota(1, Duration.ZERO);
        assertThat(quota.startCall("g", "a", NOON, false).allowed()).isTrue();
        assertThat(quota.countPhrased("g", "a", NOON).allowed()).isTrue();
        assertThat(quota.startCall("g", "a", NOON, true).verdict()).isEqualTo(PhrasingQuota.Verdict.DAILY_LIMIT);
    }
}
