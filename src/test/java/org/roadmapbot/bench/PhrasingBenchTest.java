package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roadmapbot.testing.CapturedOutput;

/** `bench phrasing` (a short run): every ask phrased through the whole guard, and plain with the note past the budget. */
class PhrasingBenchTest {

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void benchPhrasingPrintsItsFigures() {
        int code = Bench.execute("phrasing", "--asks", "40", "--stalled", "1");
        String table = output.out();

        assertThat(code).as(table).isZero();
        assertThat(table)
                .contains("| figure | value |")
                .containsPattern(
                        "\\| phrased `/ask` answers \\(model answers in 0 ms, 40 asks of \\d+ found questions\\) \\| 40 of 40 passed the guard \\|")
                .containsPattern(
                        "\\| guard per model reply \\(reading the facts, checking the reply; goal p99 ≤ 100 ms\\), p50 / p99 / max \\(40 replies after warm-up\\) \\| [\\d.]+ ms / [\\d.]+ ms / [\\d.]+ ms \\|")
                .containsPattern(
                        "\\| model that never answers: plain answer after, p99 / max \\(budget 2500 ms, goal ≤ 2600 ms\\) \\| [\\d.]+ ms / [\\d.]+ ms \\(1 of 1 plain with the note\\) \\|");
    }
}
