package org.roadmapbot.bench;

/**
 * Latencies in nanoseconds, in log-linear buckets (128 per power of two, so any percentile is
 * within 1 % of the truth) of a fixed size: recording never allocates, so a long soak measures
 * the bot's heap, not the benchmark's. One per thread; {@link #add} merges them afterwards.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** Enough buckets for any non-negative long (the highest bit a value can have is 62). */
    static final int BUCKETS = (63 - SUB_BITS + 1) * SUB_COUNT;
    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    public long maxNanos() {
        return max;
    }

    /**
     * The latency at or below which {@code percent} % of the recorded values lie: the upper bound
     * of its bucket (never more than 1 % above the true value, never above the maximum).
     */
    public long percentileNanos(double percent) {
        if (total == 0) {
            return 0;
        }
        long target = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= target) {
                return Math.min(max, upperBound(i));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < SUB_COUNT) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int shift = msb - SUB_BITS;
        return ((shift + 1) << SUB_BITS) + (int) ((v >> shift) - SUB_COUNT);
    }

    static long lowerBound(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index >> SUB_BITS) - 1;
        return ((long) ((index & (SUB_COUNT - 1)) + SUB_COUNT)) << shift;
    }

    static long upperBound(int index) {
        return index + 1 < BUCKETS ? lowerBound(index + 1) - 1 : Long.MAX_VALUE;
    }
}
