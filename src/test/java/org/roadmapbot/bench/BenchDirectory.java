package org.roadmapbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The data directory a benchmark runs in: the one the user gave ({@code --data-dir}, kept), or a
 * fresh temporary one deleted on close, so a benchmark never touches the bot's real data by default.
 */
public final class BenchDirectory implements AutoCloseable {

    /** The embedded H2 database file the bot keeps in its data directory. */
    private static final String H2_FILE = "roadmap-bot.mv.db";

    private final Path path;
    private final boolean temporary;

    private BenchDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** {@code given} if not null, else a new temporary directory named after {@code prefix}. */
    public static BenchDirectory of(Path given, String prefix) throws IOException {
        return given != null
                ? new BenchDirectory(given, false)
                : new BenchDirectory(Files.createTempDirectory(prefix), true);
    }

    public Path path() {
        return path;
    }

    /** Size of the embedded H2 file, e.g. "2,561 MB"; "n/a" when the bot runs on an external database. */
    public String databaseSize() {
        Path file = path.resolve(H2_FILE);
        try {
            return Files.exists(file) ? String.format(Locale.ROOT, "%,.0f MB", Files.size(file) / 1e6) : "n/a";
        } catch (IOException e) {
            return "n/a";
        }
    }

    @Override
    public void close() {
        if (!temporary || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark directory " + path, e);
        }
    }
}
