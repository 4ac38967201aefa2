package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecountCacheTest {

    @Test
    void countsOnceThenServesWhileRecountingInTheBackgroundAfterAChange() throws InterruptedException {
        AtomicLong version = new AtomicLong(1);
        AtomicInteger counts = new AtomicInteger();
        CountDownLatch recount = new CountDownLatch(1);
        RecountCache<String, Integer> cache =
                new RecountCache<>("test", Duration.ZERO, Duration.ofMinutes(1), key -> version.get(), key -> {
                    if (counts.get() == 1) {
                        awaitQuietly(recount); // the second count waits for the test: nobody may wait with it
                    }
                    return counts.incrementAndGet();
                });
        assertThat(cache.get("g")).isEqualTo(1);
        assertThat(cache.get("g")).isEqualTo(1);
        Thread.sleep(100);
        assertThat(cache.get("g")).isEqualTo(1);
        assertThat(counts.get()).as("same version, still fresh: no recount").isEqualTo(1);

        // A new version (this process wrote a score): the old figure now, at once, while the recount runs behind it.
        version.set(2);
        assertThat(cache.get("g")).isEqualTo(1);
        assertThat(cache.get("g")).isEqualTo(1);
        recount.countDown();
        Instant end = Instant.now().plusSeconds(20);
        while (cache.get("g") != 2) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(10);
        }
        assertThat(counts.get()).isEqualTo(2);

        // Not more often than the interval, whatever changed.
        AtomicLong slowVersion = new AtomicLong(1);
        AtomicInteger slowCounts = new AtomicInteger();
        RecountCache<String, Integer> slow = new RecountCache<>(
                "slow",
                Duration.ofHours(1),
                Duration.ZERO,
                key -> slowVersion.get(),
                key -> slowCounts.incrementAndGet());
        slow.get("g");
        slowVersion.set(2);
        slow.get("g");
        Thread.sleep(100);
        slow.get("g");
        assertThat(slowCounts.get()).isEqualTo(1);

        // Long quiet: the last figure at once, never a wait; the recount runs behind it, on the cache's thread.
        AtomicInteger quietCounts = new AtomicInteger();
        // The recount waits for the test, so a loaded machine that runs it late cannot finish it before the read.
        CountDownLatch quietRecount = new CountDownLatch(1);
        Function<String, Integer> quietCount = key -> {
            if (quietCounts.get() > 0) {
                assertThat(Thread.currentThread().getName()).isEqualTo("leaderboard-quiet");
                awaitQuietly(quietRecount);
            }
            return quietCounts.incrementAndGet();
        };
        RecountCache<String, Integer> quiet =
                new RecountCache<>("quiet", Duration.ZERO, Duration.ofMillis(50), key -> 1L, quietCount);
        assertThat(quiet.get("g")).isEqualTo(1);
        Thread.sleep(200);
        assertThat(quiet.get("g")).isEqualTo(1);
        quietRecount.countDown();
        end = Instant.now().plusSeconds(20);
        while (quietCounts.get() < 2) {
            assertThat(Instant.now()).isBefore(end);
            Thread.sleep(10);
        }

        cache.clear();
        assertThat(cache.get("g")).isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
