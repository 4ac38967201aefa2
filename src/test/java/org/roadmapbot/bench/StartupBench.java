package org.roadmapbot.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
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
 * database; the figures are medians over all runs. Then the same runs as the Docker image starts the
 * bot: the documented flags ({@code jvm.options}) and a class-data archive made beforehand by one run
 * that dumps the classes it loaded ({@code -XX:ArchiveClassesAtExit}), so the figure covers the set-up
 * the README ships as well as a bare {@code java -jar}.
 *
 * <p>With {@code --baseline-jar}, it also compares this build's packaged jar with another build's (issue 12's
 * goal: the first answer no slower than before that work, in the same run): each jar answers one one-shot
 * {@code ask} in fresh JVMs, taking turns so that the machine's load falls on both alike, timed from process
 * start to exit. A jar's first run creates its database and is not counted.
 */
@Command(name = "startup", description = "Measure start-up to first answer and memory in fresh JVMs.")
public final class StartupBench implements Callable<Integer> {

    static final String PROBE_PREFIX = "startup-probe ";

    @Option(names = "--runs", description = "Fresh JVMs to start (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int runs;

    @Option(names = "--probe", hidden = true, description = "Internal: be the measured child process.")
    boolean probe;

    @Option(
            names = "--baseline-jar",
            description = "Also time a one-shot `ask` of this jar against --jar's, taking turns (e.g. a jar built "
                    + "from the commit before issue 12).")
    Path baselineJar;

    @Option(
            names = "--jar",
            description = "This build's packaged jar, for --baseline-jar (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/roadmap-bot.jar")
    Path jar;

    @Mixin
    BenchSetup setup;

    /** What the jars are asked: a question the bundled data answers, in every version of the bot. */
    static final String ONE_SHOT_QUESTION = "How long does it take to become a backend developer?";

    @Override
    public Integer call() throws Exception {
        if (probe) {
            return probe();
        }
        try (BenchDirectory directory = setup.directory("roadmap-bot-startup")) {
            List<double[]> samples = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                samples.add(child(directory.path(), List.of()));
            }
            Optional<Double> archived = archived(directory.path());
            BenchSetup.header();
            System.out.printf(
                    Locale.ROOT,
                    "| start-up to first answer, fresh JVM (median of %d; first run creates the database) | %.0f ms |%n",
                    runs,
                    median(samples, 0));
            System.out.printf(
                    Locale.ROOT,
                    "| start-up to first answer, fresh JVM with the documented flags and a class-data archive, as the Docker image (median of %d) | %s |%n",
                    runs,
                    archived.map(ms -> String.format(Locale.ROOT, "%.0f ms", ms))
                            .orElse("no archive: this JDK has no base class-data archive"));
            System.out.printf(
                    Locale.ROOT, "| memory after start-up: live heap after full GC | %.1f MB |%n", median(samples, 1));
            System.out.printf(
                    Locale.ROOT, "| memory after start-up: process resident set | %.0f MB |%n", median(samples, 2));
            if (baselineJar != null) {
                printComparison(directory.path());
            }
            System.out.printf(Locale.ROOT, "| machine | %s |%n", Machine.describe());
            return 0;
        }
    }

    void printComparison(Path dir) throws Exception {
        List<Double> current = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        Path currentDir = Files.createDirectories(dir.resolve("one-shot-current"));
        Path baselineDir = Files.createDirectories(dir.resolve("one-shot-baseline"));
        oneShotAsk(jar, currentDir);
        oneShotAsk(baselineJar, baselineDir);
        for (int i = 0; i < runs; i++) {
            current.add(oneShotAsk(jar, currentDir));
            baseline.add(oneShotAsk(baselineJar, baselineDir));
        }
        double now = median(current);
        double before = median(baseline);
        System.out.printf(
                Locale.ROOT,
                "| one-shot `ask` of the packaged jar, process start to exit (median of %d, taking turns) | %.0f ms |%n",
                runs,
                now);
        System.out.printf(
                Locale.ROOT,
                "| … of the baseline jar %s, the same way | %.0f ms (this build: %.2f× its time) |%n",
                baselineJar.getFileName(),
                before,
                now / before);
    }

    /** Milliseconds from starting {@code java -jar jar ask QUESTION} in {@code dir} to its exit. */
    static double oneShotAsk(Path jar, Path dir) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath());
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "ask",
                ONE_SHOT_QUESTION);
        Path output = dir.resolve("one-shot.log");
        // The bot's database goes to ./data of the working directory, each jar its own.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("ROADMAP_BOT_DATA_DIR");
        long start = System.nanoTime();
        Process p = builder.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(jar + ": one-shot ask took over 2 minutes");
        }
        double ms = (System.nanoTime() - start) / 1e6;
        String printed = Files.readString(output);
        if (p.exitValue() != 0 || printed.isBlank()) {
            throw new IllegalStateException(jar + ": one-shot ask failed (exit " + p.exitValue() + "): " + printed);
        }
        return ms;
    }

    /** In the child: start, answer, measure, print one line. */
    private Integer probe() {
        AppConfig config = BenchSetup.config(setup.dataDir);
        try (Application app = Application.start(config)) {
            Reply reply = app.router()
                    .dispatch(new CommandRequest(
                            "1", "1", "bench", false, "ask", null, Map.of("question", ONE_SHOT_QUESTION)));
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

    /**
     * Median start-up with the documented flags and a class-data archive that one earlier run (not
     * counted: dumping is slow) made of the classes it loaded; empty when the JDK could not make one
     * (a dynamic archive needs the JDK's own base archive).
     */
    private Optional<Double> archived(Path dir) throws Exception {
        Path archive = dir.resolve("startup-bench.jsa");
        // Class-data sharing maps classes from jars only, so the classpath's folders (this build's
        // classes) are packed into jars first, as the image's classes are in its jar.
        String classpath = jarred(System.getProperty("java.class.path"), dir);
        List<String> flags = new ArrayList<>(DocumentedJvm.flags());
        flags.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", classpath));
        child(dir, flags);
        if (!Files.isRegularFile(archive)) {
            return Optional.empty();
        }
        flags = new ArrayList<>(DocumentedJvm.flags());
        flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-cp", classpath));
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            samples.add(child(dir, flags));
        }
        return Optional.of(median(samples, 0));
    }

    /** The classpath with each folder replaced by a jar of its files, written into {@code dir}. */
    private static String jarred(String classpath, Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = dir.resolve("classpath-" + entries.size() + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(f -> !f.equals(path))::iterator) {
                    String name = path.relativize(file).toString().replace(File.separatorChar, '/');
                    // Folders get entries of their own, as `jar` writes them: Flyway finds its
                    // migrations by listing the folder's entry.
                    boolean folder = Files.isDirectory(file);
                    out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                    if (!folder) {
                        Files.copy(file, out);
                    }
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Runs a probe in a fresh JVM with these flags (the test classpath unless they name one). */
    private static double[] child(Path dir, List<String> jvmFlags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        if (!jvmFlags.contains("-cp")) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        command.addAll(List.of(Bench.class.getName(), "startup", "--probe", "--data-dir", dir.toString()));
        Path errors = dir.resolve("probe-errors.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        if (!jvmFlags.isEmpty()) {
            DocumentedJvm.ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        }
        Process p = builder.start();
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
            List<String> log = Files.readAllLines(errors);
            throw new IllegalStateException("the start-up probe process failed (exit " + p.exitValue() + "): "
                    + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
        }
        String[] parts = found.split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    private static double median(List<double[]> samples, int column) {
        return median(samples.stream().map(s -> s[column]).toList());
    }

    private static double median(List<Double> samples) {
        double[] values =
                samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
