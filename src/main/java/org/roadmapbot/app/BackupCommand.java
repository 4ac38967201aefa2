package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadmapbot.db.H2Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `backup`: a backup zip of a stopped bot's embedded database (a running bot takes its own on a
 * schedule, ROADMAP_BOT_BACKUP_DIR: H2 lets no second process open the file while it runs).
 */
@Command(name = "backup", description = "Back up the embedded database of a stopped bot into a zip file.")
public final class BackupCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "The bot's data directory (env ROADMAP_BOT_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(
            names = "--to",
            required = true,
            description = "The backup file to write, e.g. roadmap-bot-backup.zip (must not exist).")
    Path to;

    @Override
    public Integer call() {
        Path dir = EmbeddedOnly.dataDir("backup", dataDir);
        try {
            long bytes = H2Backup.backupStopped(dir, to);
            System.out.printf(
                    Locale.ROOT,
                    "Backed up %s to %s (%.1f MB).%n",
                    dir.resolve(H2Backup.STORE_FILE),
                    to.toAbsolutePath(),
                    bytes / 1e6);
            return 0;
        } catch (H2Backup.BackupException e) {
            throw new StartupException("backup: " + e.getMessage(), e);
        }
    }
}
