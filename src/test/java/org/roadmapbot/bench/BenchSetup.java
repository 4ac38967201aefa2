package org.roadmapbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import picocli.CommandLine.Option;

/**
 * The set-up every benchmark that runs the bot shares, written once (a picocli mixin): the
 * {@code --data-dir} option, a fresh temporary directory by default (deleted afterwards, so a
 * benchmark never touches the bot's real data), the bot started on it with the environment's
 * configuration (ROADMAP_BOT_DB_URL points it at another database), and the {@code | figure |
 * value |} table the {@code bench} command collects.
 */
final class BenchSetup {

    @Option(
            names = "--data-dir",
            description = "Database directory (default: a fresh temporary one, deleted afterwards).")
    Path dataDir;

    /** A benchmark's directory and the bot started on it; closing stops the bot, then deletes a temporary directory. */
    record Run(BenchDirectory directory, Application app) implements AutoCloseable {
        @Override
        public void close() {
            try {
                app.close();
            } finally {
                directory.close();
            }
        }
    }

    /** The benchmark's directory: the one given, or a new temporary one named after {@code prefix}. */
    BenchDirectory directory(String prefix) throws IOException {
        return BenchDirectory.of(dataDir, prefix);
    }

    /** The whole bot, configured from the environment, on a fresh directory. */
    Run start(String prefix) throws IOException {
        return start(prefix, config -> config);
    }

    /** As {@link #start(String)}, with the configuration adjusted (phrasing on, a smaller scheduler...). */
    Run start(String prefix, UnaryOperator<AppConfig> adjust) throws IOException {
        BenchDirectory directory = directory(prefix);
        try {
            return new Run(directory, Application.start(adjust.apply(config(directory.path()))));
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The environment's configuration on {@code dir}. */
    static AppConfig config(Path dir) {
        return AppConfig.fromEnvironment(System.getenv()).withDataDir(dir);
    }

    /** Starts a benchmark's table. */
    static void header() {
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
    }

    /** One row of a benchmark's table; a "|" in the value is escaped so the row stays two cells. */
    static void row(String figure, String value) {
        System.out.printf(Locale.ROOT, "| %s | %s |%n", figure, value.replace("|", "\\|"));
    }

    /** The last row of a benchmark's table: what it ran on. */
    static void machine() {
        row("machine", Machine.describe());
    }
}
