package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.discord.DiscordConfig;

/**
 * Configuration from the environment (and command-line overrides), validated once.
 *
 * @param dataDir      where the bot keeps its database ({@code ROADMAP_BOT_DATA_DIR}, default ./data)
 * @param knowledgeDir roadmap-data directory to use instead of the bundled copy
 *                     ({@code ROADMAP_BOT_KNOWLEDGE_DIR}), for editing data without a rebuild
 * @param discord      Discord connection ({@code DISCORD_*} variables); empty when no token is set
 */
public record AppConfig(Path dataDir, Optional<Path> knowledgeDir, Optional<DiscordConfig> discord) {

    public static final String DATA_DIR = "ROADMAP_BOT_DATA_DIR";
    public static final String KNOWLEDGE_DIR = "ROADMAP_BOT_KNOWLEDGE_DIR";

    public AppConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory must be set");
        }
        knowledgeDir = knowledgeDir == null ? Optional.empty() : knowledgeDir;
        discord = discord == null ? Optional.empty() : discord;
    }

    public AppConfig(Path dataDir, Optional<Path> knowledgeDir) {
        this(dataDir, knowledgeDir, Optional.empty());
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                Path.of(env.getOrDefault(DATA_DIR, "./data")),
                Optional.ofNullable(env.get(KNOWLEDGE_DIR)).filter(s -> !s.isBlank()).map(Path::of),
                discord(env));
    }

    private static Optional<DiscordConfig> discord(Map<String, String> env) {
        try {
            return DiscordConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
    }

    public AppConfig withDataDir(Path dir) {
        return dir == null ? this : new AppConfig(dir, knowledgeDir, discord);
    }
}
