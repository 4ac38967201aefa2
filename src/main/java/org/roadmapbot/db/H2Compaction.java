package org.roadmapbot.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Bringing the embedded H2 file back to the size of its data. {@code SHUTDOWN COMPACT} copies
 * every live page into a new file and swaps it in with an atomic rename, so a crash mid-way leaves
 * the old file as it was (H2 deletes the half-written copy next time). The bot runs it on every
 * clean stop ({@link Database#close()}); {@link #compactStopped(Path)} is the {@code compact}
 * command for a stopped bot; {@link #compactedSize(DataSource)} measures the live data of a
 * running database (the size of a compacted copy), which is what the file is compared with.
 */
public final class H2Compaction {

    private H2Compaction() {}

    /** Sizes before and after compacting, in bytes. */
    public record Result(long before, long after, long millis) {}

    /** Compacts the database of a stopped bot in {@code dataDir}; refused while a bot holds it. */
    public static Result compactStopped(Path dataDir) {
        H2Backup.requireDatabase(dataDir);
        Path file = dataDir.resolve(H2Backup.STORE_FILE);
        long before = size(file);
        long start = System.nanoTime();
        try (Connection c = H2Backup.openExisting(dataDir);
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new H2Backup.BackupException(
                    "compacting failed, the database is unchanged: " + H2Backup.firstLine(e.getMessage()), e);
        }
        return new Result(before, size(file), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The size the running database's file would have if compacted now: an online backup is
     * unpacked into a temporary directory and compacted there; the bot's own file is not touched.
     */
    public static long compactedSize(DataSource dataSource) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("roadmap-bot-compacted");
            Path zip = dir.resolve("copy.zip");
            H2Backup.backup(dataSource, zip);
            Path copy = dir.resolve("db");
            Files.createDirectory(copy);
            H2Backup.unpack(zip, copy.resolve(H2Backup.STORE_FILE));
            Files.delete(zip);
            try (Connection c =
                            DriverManager.getConnection(DatabaseConfig.defaultUrl(copy) + ";IFEXISTS=TRUE", "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            return size(copy.resolve(H2Backup.STORE_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact a copy: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                H2Backup.deleteTree(dir);
            }
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
