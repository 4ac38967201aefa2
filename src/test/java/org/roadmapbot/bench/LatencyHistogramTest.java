package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinOnePercentOfTheExactValues() {
        SplittableRandom random = new SplittableRandom(1);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // Log-uniform from 1 µs to 10 s: every bucket size gets used.
            values[i] = (long) Math.pow(10, 3 + random.nextDouble() * 7);
            h.record(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.percentileNanos(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01));
        }
        assertThat(h.count()).isEqualTo(values.length);
        assertThat(h.maxNanos()).isEqualTo(values[values.length - 1]);
        assertThat(h.percentileNanos(100)).isEqualTo(values[values.length - 1]);
    }

    @Test
    void mergingAddsCountsAndKeepsTheMaximum() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            a.record(1_000);
        }
        b.record(5_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(100);
        assertThat((double) a.percentileNanos(99)).isCloseTo(1_000, within(10.0));
        assertThat(a.percentileNanos(99.5)).isEqualTo(5_000_000);
    }

    @Test
    void anyLongFitsABucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(Long.MAX_VALUE);
        h.record(0);
        assertThat(h.percentileNanos(100)).isEqualTo(Long.MAX_VALUE);
        assertThat(h.percentileNanos(50)).isZero();
    }

    @Test
    void bucketBoundsAreContiguous() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            assertThat(LatencyHistogram.lowerBound(i)).isEqualTo(LatencyHistogram.upperBound(i - 1) + 1);
            assertThat(LatencyHistogram.index(LatencyHistogram.lowerBound(i))).isEqualTo(i);
        }
    }

    @Test
    void durationsReadAsOperatorsWriteThem() {
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10 min");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("ten minutes"))
                .hasMessageContaining("30s, 10m");
    }
}
