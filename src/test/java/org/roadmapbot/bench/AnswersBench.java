package org.roadmapbot.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadmapbot.app.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench answers`: answer latency p50/p99 over N questions in one process (after a warm-up), and
 * the time from this JVM's start to its first answer.
 */
@Command(name = "answers", description = "Measure answer latency and the time from JVM start to the first answer.")
public final class AnswersBench implements Callable<Integer> {

    @Option(
            names = "--questions",
            description = "How many questions to time (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int questions;

    @Option(
            names = "--warmup",
            description = "Untimed questions first (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int warmup;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        try (BenchSetup.Run run = setup.start("roadmap-bot-answers")) {
            Application app = run.app();
            app.answers().answer("How long does it take to become a backend developer?");
            long firstAnswerMs = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();

            List<String> pool = LoadDriver.questions(app.knowledge());
            for (int i = 0; i < warmup; i++) {
                app.answers().answer(pool.get(i % pool.size()));
            }
            long[] nanos = new long[questions];
            for (int i = 0; i < questions; i++) {
                String q = pool.get(i % pool.size());
                long start = System.nanoTime();
                app.answers().answer(q);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| answer latency p50 (%d questions) | %.3f ms |%n",
                    questions,
                    percentile(nanos, 50) / 1e6);
            System.out.printf(Locale.ROOT, "| answer latency p99 | %.3f ms |%n", percentile(nanos, 99) / 1e6);
            System.out.printf(Locale.ROOT, "| answer latency max | %.3f ms |%n", nanos[nanos.length - 1] / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "| start-up to first answer in this JVM (JVM start → answer) | %d ms |%n",
                    firstAnswerMs);
            BenchSetup.machine();
        }
        return 0;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
