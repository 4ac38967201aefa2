package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.roadmapbot.app.Main;

/** `bench phrasing` (a short run): every ask phrased through the whole guard, and plain with the note past the budget. */
class PhrasingBenchTest {

    @Test
    void benchPhrasingPrintsItsFigures() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "phrasing", "--asks", "40", "--stalled", "1");
        } finally {
            System.setOut(originalOut);
        }
        String table = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(table).isZero();
        assertThat(table).contains("| figure | value |")
                .containsPattern("\\| phrased `/ask` answers \\(model answers in 0 ms, 40 asks of \\d+ found questions\\) \\| 40 of 40 passed the guard \\|")
                .containsPattern("\\| guard per model reply \\(reading the facts, checking the reply; goal p99 ≤ 100 ms\\), p50 / p99 / max \\(40 replies after warm-up\\) \\| [\\d.]+ ms / [\\d.]+ ms / [\\d.]+ ms \\|")
                .containsPattern("\\| model that never answers: plain answer after, p99 / max \\(budget 2500 ms, goal ≤ 2600 ms\\) \\| [\\d.]+ ms / [\\d.]+ ms \\(1 of 1 plain with the note\\) \\|");
    }
}
