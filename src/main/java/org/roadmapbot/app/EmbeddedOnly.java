package org.roadmapbot.app;

import java.nio.file.Path;
import org.roadmapbot.db.DatabaseConfig;

/** The file tools (backup, restore, compact) work on the embedded H2 database only. */
final class EmbeddedOnly {

    private EmbeddedOnly() {}

    /** The data directory to work on; refused when the bot is configured for another database. */
    static Path dataDir(String tool, Path given) {
        AppConfig config = AppConfig.fromEnvironment(System.getenv()).withDataDir(given);
        if (config.database().url().isPresent()) {
            throw new StartupException(
                    tool + ": " + DatabaseConfig.URL + " is set: this works on the embedded H2 database "
                            + "only; for PostgreSQL use pg_dump / pg_restore or pg_basebackup");
        }
        return config.dataDir();
    }
}
