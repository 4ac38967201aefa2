package org.roadmapbot.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * Backups of the embedded H2 database, as H2 makes them: {@code BACKUP TO} writes a zip holding
 * the store file. It is consistent while the bot keeps writing: H2 flushes the store, then copies
 * the file while new chunks are only appended (space reuse is off for the copy), so the copy
 * opens at the last commit before it started or later, with nothing half-written. The same
 * statement serves the running bot (on its pool) and a stopped one (the file opened here; H2's
 * file lock refuses it while a bot runs). Restoring unpacks the zip next to the database, checks
 * it opens as a roadmap-bot database, and only then moves it into place.
 */
public final class H2Backup {

    /** H2's store file in a data directory. */
    public static final String STORE_FILE = DatabaseConfig.FILE_NAME + ".mv.db";
    /** Where {@code restore --force} keeps the database it replaced. */
    public static final String REPLACED_SUFFIX = ".before-restore";

    private H2Backup() {}

    /** Why a backup or restore was refused or failed; the message is one line for the operator. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A restore that went through: the schema version it brought back. */
    public record Restored(Path database, String schemaVersion, boolean replacedExisting) {}

    /**
     * Online backup of the running bot's database into {@code target} (a new file; written under a
     * temporary name and renamed, so a failure leaves no partial backup). Returns its size in bytes.
     */
    public static long backup(DataSource dataSource, Path target) {
        refuseExisting(target);
        return write(dataSource::getConnection, target);
    }

    /** Backup of a stopped bot's database in {@code dataDir}; refused while a bot holds it. */
    public static long backupStopped(Path dataDir, Path target) {
        refuseExisting(target);
        requireDatabase(dataDir);
        return write(() -> openExisting(dataDir), target);
    }

    /** How to reach the database to back up. */
    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** {@code BACKUP TO} a temporary name next to {@code target}, renamed into place when complete. */
    private static long write(ConnectionSource database, Path target) {
        Path partial = partialFile(target);
        try (Connection c = database.open();
                Statement s = c.createStatement()) {
            s.execute("BACKUP TO " + sqlString(partial.toAbsolutePath().toString()));
            return publish(partial, target);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("the backup failed: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /**
     * Restores {@code backup} into {@code dataDir} for a stopped bot. An existing database is
     * replaced only with {@code force}, and is then kept beside it as {@value #REPLACED_SUFFIX}.
     */
    public static Restored restore(Path backup, Path dataDir, boolean force) {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("no backup file at " + backup.toAbsolutePath(), null);
        }
        Path database = dataDir.resolve(STORE_FILE);
        boolean exists = Files.exists(database);
        if (exists && !force) {
            throw new BackupException(
                    dataDir.toAbsolutePath() + " already holds a database; add --force to replace it "
                            + "(the current one is then kept as " + STORE_FILE + REPLACED_SUFFIX + ")",
                    null);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new BackupException("cannot create " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Path staging = dataDir.resolve(".restore-" + UUID.randomUUID());
        try {
            Files.createDirectory(staging);
            Path unpacked = staging.resolve(STORE_FILE);
            unpack(backup, unpacked);
            // A backup is a copy of a file in use: it opens as after a crash, so at its last commit only
            // once recovered (H2CrashRecovery says why).
            H2CrashRecovery.recover(unpacked);
            String version = schemaVersion(staging);
            try (FileChannel held = exists ? lockIdle(database) : null) {
                if (exists) {
                    Files.copy(
                            database,
                            dataDir.resolve(STORE_FILE + REPLACED_SUFFIX),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                moveReplacing(unpacked, database);
            }
            return new Restored(database, version, exists);
        } catch (IOException e) {
            throw new BackupException("the restore failed, nothing was changed: " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    /** Unpacks the store file of an H2 backup zip; anything else in the zip means it is not one of ours. */
    static void unpack(Path zip, Path target) {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.getName().equals(STORE_FILE) || found) {
                    throw new BackupException(
                            zip + " is not a roadmap-bot backup (it holds " + entry.getName() + "; expected only "
                                    + STORE_FILE + ")",
                            null);
                }
                Files.copy(in, target);
                found = true;
            }
        } catch (IOException e) {
            throw new BackupException(zip + " is not a readable backup zip: " + e.getMessage(), e);
        }
        if (!found) {
            throw new BackupException(zip + " is not a roadmap-bot backup (no " + STORE_FILE + " in it)", null);
        }
    }

    /** Opens the unpacked copy read-only and reads the schema version Flyway recorded. */
    private static String schemaVersion(Path dir) {
        try (Connection c = DriverManager.getConnection(
                        DatabaseConfig.defaultUrl(dir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success "
                        + "ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new BackupException("the backup holds no roadmap-bot schema", null);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new BackupException(
                    "the backup does not open as a roadmap-bot database: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Takes H2's own file lock on an existing database for the duration of the swap, so a bot that
     * is running (or starting) cannot have the file replaced under it.
     */
    private static FileChannel lockIdle(Path database) throws IOException {
        FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new BackupException(
                    "the database in " + database.getParent().toAbsolutePath()
                            + " is in use by a running bot; stop it first",
                    null);
        }
        return channel;
    }

    /** A connection to the existing database in {@code dataDir}, opened by this process (no migrations). */
    static Connection openExisting(Path dataDir) {
        H2CrashRecovery.recover(dataDir.resolve(STORE_FILE));
        try {
            return DriverManager.getConnection(DatabaseConfig.defaultUrl(dataDir) + ";IFEXISTS=TRUE", "sa", "");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw new BackupException(
                        "the database in " + dataDir.toAbsolutePath() + " is in use by a running bot; "
                                + "stop it first (a running bot takes its own backups when ROADMAP_BOT_BACKUP_DIR is set)",
                        e);
            }
            throw new BackupException(
                    "cannot open the database in " + dataDir.toAbsolutePath() + ": " + firstLine(e.getMessage()), e);
        }
    }

    static void requireDatabase(Path dataDir) {
        if (!Files.isRegularFile(dataDir.resolve(STORE_FILE))) {
            throw new BackupException(
                    "no database in " + dataDir.toAbsolutePath() + " (expected " + STORE_FILE
                            + "); pass the bot's --data-dir",
                    null);
        }
    }

    private static void refuseExisting(Path target) {
        if (Files.exists(target)) {
            throw new BackupException(target.toAbsolutePath() + " already exists; choose a new file name", null);
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupException("no directory " + parent + " to write the backup in", null);
        }
    }

    private static Path partialFile(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
    }

    /** Backups hold members' data: owner-only where the file system says so, then renamed into place. */
    private static long publish(Path partial, Path target) {
        try {
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own defaults apply
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
            return Files.size(target);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(target.toAbsolutePath() + " already exists; choose a new file name", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        // H2 appends "[errorcode-version]" to its messages: noise for an operator.
        return text.strip().lines().findFirst().orElse(text).replaceAll("\\s*\\[\\d+-\\d+]$", "");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover partial file is named as such and harmless
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover staging directory is named as such and harmless
        }
    }
}
