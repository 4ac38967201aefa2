package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.discord.DiscordConfig;
import org.roadmapbot.leaderboard.LeaderboardConfig;
import org.roadmapbot.nudges.NudgeConfig;
import org.roadmapbot.ops.OpsConfig;
import org.roadmapbot.phrasing.PhrasingConfig;
import org.roadmapbot.schedule.SchedulerConfig;

/**
 * Configuration from the environment (and command-line overrides), validated once.
 *
 * @param dataDir      where the bot keeps its database ({@code ROADMAP_BOT_DATA_DIR}, default ./data)
 * @param knowledgeDir roadmap-data directory to use instead of the bundled copy
 *                     ({@code ROADMAP_BOT_KNOWLEDGE_DIR}), for editing data without a rebuild
 * @param database     {@code ROADMAP_BOT_DB_URL} / {@code _USER} / {@code _PASSWORD}; default:
 *                     embedded H2 in {@code dataDir} (its toString never shows the password)
 * @param phrasing     optional LLM phrasing ({@code ROADMAP_BOT_LLM_*}), off by default
 * @param discord      Discord connection ({@code DISCORD_*} variables); empty when no token is set
 * @param scheduler    Quartz settings ({@code ROADMAP_BOT_SCHEDULER_*}): clustering, threads
 * @param nudges       weekly nudges: grace period, default time zone, study channel
 *                     ({@code ROADMAP_BOT_NUDGE_GRACE_HOURS}, {@code ROADMAP_BOT_DEFAULT_TIMEZONE},
 *                     {@code ROADMAP_BOT_STUDY_CHANNEL_ID})
 * @param leaderboard  leaderboard zone and excluded roles ({@code ROADMAP_BOT_LEADERBOARD_*})
 * @param ops          health and metrics port, scheduled backups ({@code ROADMAP_BOT_HTTP_*}, {@code ROADMAP_BOT_BACKUP_*})
 */
public record AppConfig(
        Path dataDir,
        Optional<Path> knowledgeDir,
        DatabaseConfig database,
        PhrasingConfig phrasing,
        Optional<DiscordConfig> discord,
        SchedulerConfig scheduler,
        NudgeConfig nudges,
        LeaderboardConfig leaderboard,
        OpsConfig ops) {

    public static final String DATA_DIR = "ROADMAP_BOT_DATA_DIR";
    public static final String KNOWLEDGE_DIR = "ROADMAP_BOT_KNOWLEDGE_DIR";

    public AppConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory must be set");
        }
        knowledgeDir = knowledgeDir == null ? Optional.empty() : knowledgeDir;
        database = database == null ? DatabaseConfig.embedded() : database;
        phrasing = phrasing == null ? PhrasingConfig.off() : phrasing;
        discord = discord == null ? Optional.empty() : discord;
        scheduler = scheduler == null ? SchedulerConfig.defaults() : scheduler;
        nudges = nudges == null ? NudgeConfig.defaults() : nudges;
        leaderboard = leaderboard == null ? LeaderboardConfig.defaults() : leaderboard;
        ops = ops == null ? OpsConfig.off() : ops;
    }

    /** As the canonical constructor, with no health port and no backups. */
    public AppConfig(
            Path dataDir,
            Optional<Path> knowledgeDir,
            DatabaseConfig database,
            PhrasingConfig phrasing,
            Optional<DiscordConfig> discord,
            SchedulerConfig scheduler,
            NudgeConfig nudges,
            LeaderboardConfig leaderboard) {
        this(dataDir, knowledgeDir, database, phrasing, discord, scheduler, nudges, leaderboard, OpsConfig.off());
    }

    /** Defaults for everything but the directories: embedded H2, no LLM, no Discord, default nudges and boards. */
    public AppConfig(Path dataDir, Optional<Path> knowledgeDir) {
        this(
                dataDir,
                knowledgeDir,
                DatabaseConfig.embedded(),
                PhrasingConfig.off(),
                Optional.empty(),
                SchedulerConfig.defaults(),
                NudgeConfig.defaults(),
                LeaderboardConfig.defaults());
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                Path.of(env.getOrDefault(DATA_DIR, "./data")),
                Optional.ofNullable(env.get(KNOWLEDGE_DIR))
                        .filter(s -> !s.isBlank())
                        .map(Path::of),
                validated(env, DatabaseConfig::fromEnvironment),
                validated(env, PhrasingConfig::fromEnvironment),
                validated(env, DiscordConfig::fromEnvironment),
                validated(env, SchedulerConfig::fromEnvironment),
                validated(env, NudgeConfig::fromEnvironment),
                validated(env, LeaderboardConfig::fromEnvironment),
                validated(env, OpsConfig::fromEnvironment));
    }

    /** A feature's config parser; its IllegalArgumentException becomes one clear start-up message. */
    private static <T> T validated(Map<String, String> env, Function<Map<String, String>, T> parser) {
        try {
            return parser.apply(env);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    public AppConfig withDataDir(Path dir) {
        return dir == null
                ? this
                : new AppConfig(dir, knowledgeDir, database, phrasing, discord, scheduler, nudges, leaderboard, ops);
    }

    public AppConfig withDatabase(DatabaseConfig value) {
        return new AppConfig(dataDir, knowledgeDir, value, phrasing, discord, scheduler, nudges, leaderboard, ops);
    }

    public AppConfig withPhrasing(PhrasingConfig value) {
        return new AppConfig(dataDir, knowledgeDir, database, value, discord, scheduler, nudges, leaderboard, ops);
    }

    public AppConfig withDiscord(Optional<DiscordConfig> value) {
        return new AppConfig(dataDir, knowledgeDir, database, phrasing, value, scheduler, nudges, leaderboard, ops);
    }

    public AppConfig withScheduler(SchedulerConfig value) {
        return new AppConfig(dataDir, knowledgeDir, database, phrasing, discord, value, nudges, leaderboard, ops);
    }

    public AppConfig withNudges(NudgeConfig value) {
        return new AppConfig(dataDir, knowledgeDir, database, phrasing, discord, scheduler, value, leaderboard, ops);
    }

    public AppConfig withOps(OpsConfig value) {
        return new AppConfig(dataDir, knowledgeDir, database, phrasing, discord, scheduler, nudges, leaderboard, value);
    }

    public AppConfig withLeaderboard(LeaderboardConfig value) {
        return new AppConfig(dataDir, knowledgeDir, database, phrasing, discord, scheduler, nudges, value, ops);
    }
}
