package org.roadmapbot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM the README and the Dockerfile run the bot in: the flags of {@code jvm.options} (bundled
 * in the jar from the project's root) and {@code MALLOC_ARENA_MAX=2}. Memory benchmarks start a
 * fresh JVM of this kind, so their figures hold for the documented set-up whatever JVM ran `bench`.
 */
final class DocumentedJvm {

    static final String OPTIONS = "jvm.options";
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private DocumentedJvm() {}

    /** The flags of {@code jvm.options}, comments and blank lines left out. */
    static List<String> flags() {
        try (InputStream in = DocumentedJvm.class.getClassLoader().getResourceAsStream(OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS + " is missing from the classpath (build with mvn package)");
            }
            List<String> flags = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String flag = line.replaceFirst("#.*", "").strip();
                if (!flag.isEmpty()) {
                    flags.addAll(List.of(flag.split("\\s+")));
                }
            }
            return flags;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPTIONS, e);
        }
    }

    /**
     * Runs {@code bench <args>} in a new JVM with the documented flags and environment; its
     * standard output is copied to {@code out}, its errors go to this process's. Returns its exit code.
     */
    static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Bench.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        Process child = builder.start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
            }
        }
        return child.waitFor();
    }

    /** How this JVM was started: its flags and the environment settings above, for a bench's table. */
    static String describeThisJvm() {
        List<String> flags =
                new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        ENVIRONMENT.keySet().forEach(k -> flags.add(k + "=" + System.getenv().getOrDefault(k, "(unset)")));
        return String.join(" ", flags);
    }
}
