package org.roadmapbot.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the bot's database is: a JDBC URL from {@code ROADMAP_BOT_DB_URL}, or by default an
 * embedded H2 file in the data directory. The password never appears in {@link #toString()}
 * or in any log line.
 *
 * @param url      JDBC URL, or empty for the embedded default
 * @param user     database user (H2 default: "sa")
 * @param password database password (may be empty)
 */
public record DatabaseConfig(Optional<String> url, String user, String password) {

    public static final String URL = "ROADMAP_BOT_DB_URL";
    public static final String USER = "ROADMAP_BOT_DB_USER";
    public static final String PASSWORD = "ROADMAP_BOT_DB_PASSWORD";

    /** The database file's name (without H2's ".mv.db") inside the data directory. */
    public static final String FILE_NAME = "roadmap-bot";

    /**
     * PostgreSQL mode so that one set of migrations serves both; lower-case names as PostgreSQL
     * folds them (never change this after the file exists); WRITE_DELAY=0 because H2's default
     * 500 ms delay loses committed rows on kill -9. Throughput comes from batching instead.
     * <p>
     * The last two keep the file near the size of its data under a steady trickle of commits
     * (README, "Database file size"): each commit writes a chunk, and a chunk's space is reused
     * only once it is older than the retention time. COMPRESS=TRUE halves each chunk (LZF);
     * RETENTION_TIME=5000 (H2: 45 s) frees it after 5 s. The retention time is there for writes
     * the OS has not put on the disk yet; {@link H2Housekeeping} syncs the file every
     * {@link H2Housekeeping#EVERY} (1 s), so 5 s still outlasts them fivefold. Never 0: H2's
     * maintainers advise against it until h2database#4142 is fixed (h2database#4170), and
     * h2database#3944 is a corruption report with it. kill -9 with these settings is tested by
     * ChunkReuseCrashTest (with {@link H2CrashRecovery}, which H2 2.5.252 needs whatever the retention).
     * <p>
     * QUERY_CACHE_SIZE=64 (H2: 8 parsed statements per connection): a progress change and a
     * leaderboard run more distinct statements than 8 on one pooled connection, so H2 parsed nearly
     * every statement again; that was 5.6 % of the load mix's CPU (a flight recording, README "Memory").
     */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
            + ";QUERY_CACHE_SIZE=64;COMPRESS=TRUE;RETENTION_TIME=" + H2Housekeeping.RETENTION_MILLIS;

    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password|pwd|secret)=[^;&]*");

    public DatabaseConfig {
        url = url == null ? Optional.empty() : url.filter(s -> !s.isBlank()).map(String::strip);
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:")) {
                throw new IllegalArgumentException(URL + " must be a JDBC URL starting with jdbc:, e.g. "
                        + "jdbc:postgresql://localhost:5432/roadmapbot");
            }
        });
        user = user == null || user.isBlank() ? "sa" : user.strip();
        password = password == null ? "" : password;
    }

    /** The embedded H2 default. */
    public static DatabaseConfig embedded() {
        return new DatabaseConfig(Optional.empty(), "sa", "");
    }

    public static DatabaseConfig fromEnvironment(Map<String, String> env) {
        return new DatabaseConfig(Optional.ofNullable(env.get(URL)), env.get(USER), env.get(PASSWORD));
    }

    /** The URL to connect to: the configured one, or the H2 file under {@code dataDir}. */
    public String jdbcUrl(Path dataDir) {
        return url.orElseGet(() -> defaultUrl(dataDir));
    }

    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(FILE_NAME) + H2_SETTINGS;
    }

    /** A URL fit for logs and error messages: any password-like parameter is masked. */
    public static String redact(String jdbcUrl) {
        return SECRET_IN_URL.matcher(jdbcUrl).replaceAll("$1=***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.map(DatabaseConfig::redact).orElse("(embedded H2 in the data directory)")
                + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "***") + "]";
    }
}
