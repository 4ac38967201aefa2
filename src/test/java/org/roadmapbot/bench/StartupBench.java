package org.roadmapbot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench startup`: start-up and memory of a fresh bot process. Each run is a new JVM (as
 * `java -jar` starts one, default heap settings) that starts the application on the embedded
 * database, answers one /ask through the router and reports the time since its JVM started,
 * its live heap after a full GC and its resident memory. The first run also creates the
 * database; the figures are medians over all runs.
 */
@Command(name = "startup", description = "Measure start-up to first answer and memory in fresh JVMs.")
public final class StartupBench implements Callable<Integer> {

    static final String PROBE_PREFIX = "startup-probe ";

    @Option(names = "--runs", description = "Fresh JVMs to start (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int runs;

    @Option(names = "--probe", hidden = true, description = "Internal: be the measured child process.")
    boolean probe;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        if (probe) {
            return probe();
        }
        try (BenchDirectory directory = setup.directory("roadmap-bot-startup")) {
            List<double[]> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                samples.add(child(directory.path()));
            }
            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| start-up to first answer, fresh JVM (median of %d; first run creates the database) | %.0f ms |%n",
                    runs,
                    median(samples, 0));
            System.out.printf(
                    Locale.ROOT, "| memory after start-up: live heap after full GC | %.1f MB |%n", median(samples, 1));
            System.out.printf(
                    Locale.ROOT, "| memory after start-up: process resident set | %.0f MB |%n", median(samples, 2));
            System.out.printf(Locale.ROOT, "| machine | %s |%n", Machine.describe());
            return 0;
        }
    }

    /** In the child: start, answer, measure, print one line. */
    private Integer probe() {
        AppConfig config = BenchSetup.config(setup.dataDir);
        try (Application app = Application.start(config)) {
            Reply reply = app.router()
                    .dispatch(new CommandRequest(
                            "1",
                            "1",
                            "bench",
                            false,
                            "ask",
                            null,
                            Map.of("question", "How long does it take to become a backend developer?")));
            long ms = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            if (reply.sources().isEmpty()) {
                throw new IllegalStateException("the start-up probe got no answer: " + reply.content());
            }
            double heap = Machine.liveHeapMegabytes();
            long rss = Machine.residentMegabytes().orElse(-1L);
            System.out.printf(Locale.ROOT, "%s%d %.1f %d%n", PROBE_PREFIX, ms, heap, rss);
        }
        return 0;
    }

    private static double[] child(Path dir) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Bench.class.getName(),
                "startup",
                "--probe",
                "--data-dir",
                dir.toString());
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String found = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PROBE_PREFIX)) {
                    found = line.substring(PROBE_PREFIX.length());
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (found == null || p.exitValue() != 0) {
            throw new IllegalStateException("the start-up probe process failed (exit " + p.exitValue() + ")");
        }
        String[] parts = found.split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    private static double median(List<double[]> samples, int column) {
        double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
