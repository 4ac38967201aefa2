package org.roadmapbot.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Operating the bot: the health and metrics port, and scheduled backups of the embedded database.
 *
 * @param httpPort    {@code ROADMAP_BOT_HTTP_PORT}: serve {@code /health} and {@code /metrics} on it;
 *                    empty (the default) serves nothing; 0 takes any free port (tests)
 * @param httpHost    {@code ROADMAP_BOT_HTTP_HOST}: the address to bind, 127.0.0.1 by default so
 *                    nothing is exposed beyond the host unless asked (Docker: 0.0.0.0)
 * @param backupDir   {@code ROADMAP_BOT_BACKUP_DIR}: take scheduled online backups of the embedded
 *                    H2 database into this directory; empty (the default) takes none
 * @param backupKeep  {@code ROADMAP_BOT_BACKUP_KEEP}: how many of the newest backups to keep (default 7)
 * @param backupEvery {@code ROADMAP_BOT_BACKUP_INTERVAL_HOURS}: time between backups (default 24 h)
 */
public record OpsConfig(
        Optional<Integer> httpPort, String httpHost, Optional<Path> backupDir, int backupKeep, Duration backupEvery) {

    public static final String HTTP_PORT = "ROADMAP_BOT_HTTP_PORT";
    public static final String HTTP_HOST = "ROADMAP_BOT_HTTP_HOST";
    public static final String BACKUP_DIR = "ROADMAP_BOT_BACKUP_DIR";
    public static final String BACKUP_KEEP = "ROADMAP_BOT_BACKUP_KEEP";
    public static final String BACKUP_INTERVAL_HOURS = "ROADMAP_BOT_BACKUP_INTERVAL_HOURS";

    public OpsConfig {
        httpPort = httpPort == null ? Optional.empty() : httpPort;
        httpPort.ifPresent(p -> {
            if (p < 0 || p > 65_535) {
                throw new IllegalArgumentException(HTTP_PORT + " must be a port number between 1 and 65535, not " + p);
            }
        });
        httpHost = httpHost == null || httpHost.isBlank() ? "127.0.0.1" : httpHost.strip();
        backupDir = backupDir == null ? Optional.empty() : backupDir;
        if (backupKeep < 1 || backupKeep > 1000) {
            throw new IllegalArgumentException(BACKUP_KEEP + " must be between 1 and 1000, not " + backupKeep);
        }
        if (backupEvery == null
                || backupEvery.compareTo(Duration.ofHours(1)) < 0
                || backupEvery.compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException(BACKUP_INTERVAL_HOURS + " must be between 1 and 744 hours");
        }
    }

    /** Nothing served, no backups. */
    public static OpsConfig off() {
        return new OpsConfig(Optional.empty(), null, Optional.empty(), 7, Duration.ofHours(24));
    }

    public static OpsConfig fromEnvironment(Map<String, String> env) {
        return new OpsConfig(
                Optional.ofNullable(env.get(HTTP_PORT))
                        .filter(s -> !s.isBlank())
                        .map(s -> number(HTTP_PORT, s)),
                env.get(HTTP_HOST),
                Optional.ofNullable(env.get(BACKUP_DIR))
                        .filter(s -> !s.isBlank())
                        .map(s -> Path.of(s.strip())),
                Optional.ofNullable(env.get(BACKUP_KEEP))
                        .filter(s -> !s.isBlank())
                        .map(s -> number(BACKUP_KEEP, s))
                        .orElse(7),
                Duration.ofHours(Optional.ofNullable(env.get(BACKUP_INTERVAL_HOURS))
                        .filter(s -> !s.isBlank())
                        .map(s -> number(BACKUP_INTERVAL_HOURS, s))
                        .orElse(24)));
    }

    public OpsConfig withHttpPort(int port) {
        return new OpsConfig(Optional.of(port), httpHost, backupDir, backupKeep, backupEvery);
    }

    public OpsConfig withBackups(Path dir, int keep) {
        return new OpsConfig(httpPort, httpHost, Optional.of(dir), keep, backupEvery);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value.strip() + "'");
        }
    }
}
