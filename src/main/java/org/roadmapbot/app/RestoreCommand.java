package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadmapbot.db.H2Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `restore`: brings a backup zip back as the embedded database of a stopped bot. */
@Command(name = "restore", description = "Restore the embedded database of a stopped bot from a backup zip.")
public final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "The bot's data directory (env ROADMAP_BOT_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(
            names = "--from",
            required = true,
            description = "The backup zip (from `backup` or ROADMAP_BOT_BACKUP_DIR).")
    Path from;

    @Option(
            names = "--force",
            description = "Replace an existing database (it is kept as roadmap-bot.mv.db.before-restore).")
    boolean force;

    @Override
    public Integer call() {
        Path dir = EmbeddedOnly.dataDir("restore", dataDir);
        try {
            H2Backup.Restored restored = H2Backup.restore(from, dir, force);
            System.out.println("Restored " + from.toAbsolutePath() + " into " + restored.database()
                    + " (schema version " + restored.schemaVersion() + ")"
                    + (restored.replacedExisting()
                            ? "; the previous database is kept as " + H2Backup.STORE_FILE + H2Backup.REPLACED_SUFFIX
                            : "")
                    + ". Start the bot as usual.");
            return 0;
        } catch (H2Backup.BackupException e) {
            throw new StartupException("restore: " + e.getMessage(), e);
        }
    }
}
