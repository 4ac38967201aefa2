package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadmapbot.db.H2Backup;
import org.roadmapbot.db.H2Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `compact`: rewrites a stopped bot's embedded database file to the size of its data. The bot
 * does the same on every clean stop; this is for a file left large by a crash or a kill.
 */
@Command(name = "compact", description = "Shrink the embedded database file of a stopped bot to the size of its data.")
public final class CompactCommand implements Callable<Integer> {

    @Option(names = "--data-dir", description = "The bot's data directory (env ROADMAP_BOT_DATA_DIR, default ./data).")
    Path dataDir;

    @Override
    public Integer call() {
        Path dir = EmbeddedOnly.dataDir("compact", dataDir);
        try {
            H2Compaction.Result r = H2Compaction.compactStopped(dir);
            System.out.printf(
                    Locale.ROOT,
                    "Compacted %s: %.1f MB -> %.1f MB in %.1f s.%n",
                    dir.resolve(H2Backup.STORE_FILE),
                    r.before() / 1e6,
                    r.after() / 1e6,
                    r.millis() / 1e3);
            return 0;
        } catch (H2Backup.BackupException e) {
            throw new StartupException("compact: " + e.getMessage(), e);
        }
    }
}
