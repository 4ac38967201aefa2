package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.db.DatabaseConfig;

/**
 * Configuration from the environment (and command-line overrides), validated once.
 *
 * @param dataDir      where the bot keeps its database ({@code ROADMAP_BOT_DATA_DIR}, default ./data)
 * @param knowledgeDir roadmap-data directory to use instead of the bundled copy
 *                     ({@code ROADMAP_BOT_KNOWLEDGE_DIR}), for editing data without a rebuild
 * @param database     {@code ROADMAP_BOT_DB_URL} / {@code _USER} / {@code _PASSWORD}; default:
 *                     embedded H2 in {@code dataDir} (its toString never shows the password)
 */
public record AppConfig(Path dataDir, Optional<Path> knowledgeDir, DatabaseConfig database) {

    public static final String DATA_DIR = "ROADMAP_BOT_DATA_DIR";
    public static final String KNOWLEDGE_DIR = "ROADMAP_BOT_KNOWLEDGE_DIR";

    public AppConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory must be set");
        }
        knowledgeDir = knowledgeDir == null ? Optional.empty() : knowledgeDir;
        database = database == null ? DatabaseConfig.embedded() : database;
    }

    public AppConfig(Path dataDir, Optional<Path> knowledgeDir) {
        this(dataDir, knowledgeDir, DatabaseConfig.embedded());
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        try {
            return new AppConfig(
                    Path.of(env.getOrDefault(DATA_DIR, "./data")),
                    Optional.ofNullable(env.get(KNOWLEDGE_DIR)).filter(s -> !s.isBlank()).map(Path::of),
                    DatabaseConfig.fromEnvironment(env));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    public AppConfig withDataDir(Path dir) {
        return dir == null ? this : new AppConfig(dir, knowledgeDir, database);
    }
}
