package org.roadmapbot.app;

import java.nio.file.Path;
import org.roadmapbot.core.CommandRequest;
import picocli.CommandLine.Option;

/** Who the local adapters act as, and where the data lives. */
final class CallerOptions {

    @Option(names = "--guild", description = "Server id to act in (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    String guild;

    @Option(names = "--user", description = "Member id to act as (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    String user;

    @Option(names = "--name", description = "Display name (default: ${DEFAULT-VALUE}).", defaultValue = "console")
    String name;

    @Option(names = "--moderator", description = "Act as a moderator (Manage Server).")
    boolean moderator;

    @Option(
            names = "--data-dir",
            description = "Directory for the database (env ROADMAP_BOT_DATA_DIR, default ./data).")
    Path dataDir;

    CommandRequest caller() {
        return new CommandRequest(guild, user, name, moderator, "help", null, java.util.Map.of());
    }

    AppConfig config() {
        return AppConfig.fromEnvironment(System.getenv()).withDataDir(dataDir);
    }
}
