package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The load bench reads the live heap from the collectors' own reports instead of forcing full
 * collections: the reading must follow what the program keeps, whichever collector the test JVM runs.
 */
class GcWatchTest {

    private static final long MB = 1024 * 1024;

    /** Kept reachable so the collector cannot free it before the test reads the heap (written, never read). */
    @SuppressWarnings("UnusedVariable")
    private static volatile List<byte[]> kept;

    @Test
    void theHeapACollectionLeavesRisesWithWhatIsKeptAndFallsWhenItIsDropped() throws Exception {
        try (GcWatch watch = GcWatch.start()) {
            long before = heapAfterNextCollection(watch);

            List<byte[]> blocks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                blocks.add(new byte[(int) MB]);
            }
            kept = blocks;
            long holding = heapAfterNextCollection(watch);

            kept = null;
            blocks = null;
            long dropped = heapAfterNextCollection(watch);

            assertThat(holding - before).as("64 MB kept").isBetween(60 * MB, 80 * MB);
            assertThat(holding - dropped).as("64 MB dropped").isBetween(60 * MB, 80 * MB);
        }
    }

    @Test
    void collectionsTheProgramDidNotAskForAreReportedWithTheirPause() throws Exception {
        try (GcWatch watch = GcWatch.start()) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            List<GcWatch.Collection> young = List.of();
            while (young.isEmpty() && System.nanoTime() < deadline) {
                churn();
                young = watch.collections().stream()
                        .filter(Predicate.not(GcWatch.Collection::full))
                        .toList();
            }
            assertThat(young).as("a young collection from garbage alone").isNotEmpty();
            GcWatch.Collection c = young.get(0);
            assertThat(c.pauseMillis()).isNotNegative();
            assertThat(c.heapAfter()).isLessThan(c.heapBefore());
            assertThat(c.promoted()).isNotNegative();
        }
    }

    @Test
    void eachWindowReadsTheLeastHeapACollectionLeftInIt() {
        List<GcWatch.Collection> collections = List.of(
                collection(1_000, false, 70, 60, 40, 45),
                collection(2_000, false, 80, 50, 45, 50),
                collection(4_000, true, 90, 30, 50, 30),
                collection(9_500, false, 60, 35, 30, 33));

        List<GcWatch.Window> windows = GcWatch.windows(collections, 0, 10_000, 4);

        assertThat(windows).extracting(GcWatch.Window::show).containsExactly("50", "30*", "–", "35");
        // Young collections promote what the old generation grew by; a full collection promotes nothing.
        assertThat(new LoadDriver.Pauses(collections).promotedMb()).isEqualTo(5 + 5 + 3);
        assertThat(new LoadDriver.Pauses(collections).full()).isEqualTo(1);
    }

    private static GcWatch.Collection collection(
            long at, boolean full, long heapBefore, long heapAfter, long oldBefore, long oldAfter) {
        return new GcWatch.Collection(
                at, full ? "Full" : "Young", full, 5, heapBefore * MB, heapAfter * MB, oldBefore * MB, oldAfter * MB);
    }

    /** Asks for a collection and waits for its report: the heap it left, in bytes. */
    private static long heapAfterNextCollection(GcWatch watch) throws InterruptedException {
        int seen = watch.collections().size();
        System.gc();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (watch.collections().size() == seen && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<GcWatch.Collection> all = watch.collections();
        assertThat(all).as("a report of the collection").hasSizeGreaterThan(seen);
        return all.get(all.size() - 1).heapAfter();
    }

    /** Where churn's garbage goes, so the JIT cannot drop the allocations (written, never read). */
    @SuppressWarnings("UnusedVariable")
    private static volatile Object sink;

    private static void churn() {
        for (int i = 0; i < 10_000; i++) {
            sink = new byte[1024];
        }
    }
}
