package org.roadmapbot.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latency figures in nanoseconds, recorded in HdrHistogram: any percentile within 0.1 % of the
 * truth, and a fixed range (up to an hour) so recording never allocates: a long soak measures the
 * bot's heap, not the benchmark's. One histogram per thread; {@link Histogram#add} merges them.
 */
final class Latencies {

    private static final long LOWEST = TimeUnit.MICROSECONDS.toNanos(1);
    private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);

    private Latencies() {}

    /**
     * Nanoseconds from 1 µs up (a shorter latency counts as 1 µs; figures are printed to 10 µs): ~200 KB each
     * against ~270 KB from 1 ns, which the load bench's soak, holding twenty, measures in the heap as the bot's.
     */
    static Histogram histogram() {
        return new Histogram(LOWEST, HIGHEST, 3);
    }

    /** Records one latency; a negative one (a clock step) counts as zero, a longer one as the range's top. */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(HIGHEST, Math.max(0, nanos)));
    }

    /** "12.34 ms" at the percentile. */
    static String ms(Histogram histogram, double percentile) {
        return String.format(Locale.ROOT, "%.2f ms", histogram.getValueAtPercentile(percentile) / 1e6);
    }
}
