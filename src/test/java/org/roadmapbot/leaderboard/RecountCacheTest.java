package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecountCacheTest {

    @Test
    void countsOnceThenServesWhileRecountingInTheBackgroundAfterAChange() throws InterruptedException {
        RecountCache<Integer> cache = new RecountCache<>("test", Duration.ZERO, Duration.ofMinutes(1));
        AtomicInteger counts = new AtomicInteger();
        assertThat(cache.get("g", 1, counts::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("g", 1, counts::incrementAndGet)).isEqualTo(1);
        assertThat(counts.get()).isEqualTo(1);

        // A new version (this process wrote a score): the old figure now, a recount behind it.
        assertThat(cache.get("g", 2, counts::incrementAndGet)).isEqualTo(1);
        Instant end = Instant.now().plusSeconds(20);
        while (cache.get("g", 2, counts::incrementAndGet) != 2) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(10);
        }
        assertThat(counts.get()).isEqualTo(2);

        // Not more often than the interval, whatever changed.
        RecountCache<Integer> slow = new RecountCache<>("slow", Duration.ofHours(1), Duration.ZERO);
        AtomicInteger slowCounts = new AtomicInteger();
        slow.get("g", 1, slowCounts::incrementAndGet);
        slow.get("g", 2, slowCounts::incrementAndGet);
        Thread.sleep(100);
        assertThat(slowCounts.get()).isEqualTo(1);

        // Long quiet: the last figure at once, never a wait; the recount runs behind it.
        RecountCache<Integer> quiet = new RecountCache<>("quiet", Duration.ZERO, Duration.ofMillis(50));
        AtomicInteger quietCounts = new AtomicInteger();
        assertThat(quiet.get("g", 1, quietCounts::incrementAndGet)).isEqualTo(1);
        Thread.sleep(200);
        assertThat(quiet.get("g", 1, () -> {
            assertThat(Thread.currentThread().getName()).isEqualTo("leaderboard-quiet");
            return quietCounts.incrementAndGet();
        })).isEqualTo(1);
        end = Instant.now().plusSeconds(20);
        while (quietCounts.get() < 2) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(10);
        }

        cache.clear();
        assertThat(cache.get("g", 2, counts::incrementAndGet)).isEqualTo(3);
    }
}
