package org.roadmapbot.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a class's main in a separate JVM with the test classpath (for crash and lock tests). */
public final class ChildJvm {

    private ChildJvm() {}

    public static Process start(Class<?> main, String... args) throws IOException {
        return start(Map.of(), main, args);
    }

    /** As {@link #start(Class, String...)}, with these environment variables added (configuration, as a real process gets it). */
    public static Process start(Map<String, String> environment, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Kills {@code process} with SIGKILL (on Unix: no shutdown hooks, no close()) and waits for it;
     * returns whether it was still running, i.e. killed mid-run rather than found dead.
     */
    public static boolean killDashNine(Process process) throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child process did not die within 30 s of SIGKILL");
        }
        return alive;
    }

    public static BufferedReader stdout(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until one equals {@code expected}; fails if the process ends first. */
    public static void awaitLine(BufferedReader out, String expected) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new IllegalStateException("child process ended before printing " + expected);
    }

    /** Reads lines until one starts with {@code prefix} and returns it; fails if the process ends first. */
    public static String awaitLineStartingWith(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("child process ended before printing a line starting with " + prefix);
    }
}
