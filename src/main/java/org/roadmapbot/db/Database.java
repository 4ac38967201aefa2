package org.roadmapbot.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one database: a HikariCP pool with the schema migrated to the latest version by
 * Flyway ({@code classpath:db/migration}, V1__..., V2__...). Every feature that stores
 * something (progress, nudges, leaderboards) shares {@link #dataSource()} and adds its own
 * migration; shipped migrations are never edited.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public static final String MIGRATIONS = "classpath:db/migration";

    /** H2: "Database may be already in use" (the file lock is held by another process). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final HikariDataSource pool;
    private final String url;
    private final Optional<H2Housekeeping> housekeeping;

    private final DatabaseConfig config;

    private Database(HikariDataSource pool, String url, DatabaseConfig config) {
        this.pool = pool;
        this.url = url;
        this.config = config;
        this.housekeeping = H2Housekeeping.start(pool, url);
        h2File().ifPresent(file -> H2Housekeeping.reportFileUse(pool, file));
    }

    /**
     * Opens the pool and migrates the schema. Any problem an operator can fix comes out as a
     * {@link DatabaseException} with one clear message.
     */
    public static Database open(DatabaseConfig config, Path dataDir) {
        String url = config.jdbcUrl(dataDir);
        String shownUrl = DatabaseConfig.redact(url);
        if (config.url().isEmpty()) {
            createDirectory(dataDir);
        }
        // After a crash, before H2 opens the file and starts writing over what it did not find.
        h2File(url).ifPresent(H2CrashRecovery::recover);
        HikariDataSource pool = connect(config, url, shownUrl);
        try {
            migrate(pool, shownUrl);
            LOG.debug("database ready at {}", shownUrl);
            return new Database(pool, url, config);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Whether there is a database to open without creating one: an external one is configured
     * (ROADMAP_BOT_DB_URL), or the data directory holds the embedded file.
     */
    public static boolean exists(DatabaseConfig config, Path dataDir) {
        return config.url().isPresent() || Files.exists(dataDir.resolve(DatabaseConfig.FILE_NAME + ".mv.db"));
    }

    /** The shared pool; connections are auto-commit unless a caller says otherwise. */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL in use, with any password masked. */
    public String describe() {
        return DatabaseConfig.redact(url);
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Reports the pool to a metrics registry (HikariCP's Micrometer tracker: {@code hikaricp_*}
     * connections active, idle, pending, acquire time) and, for the embedded database, the size of
     * its file ({@code roadmapbot_h2_file_bytes}).
     */
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricRegistry(registry);
        h2File().ifPresent(file -> Gauge.builder(
                        "roadmapbot.h2.file", file, f -> f.toFile().length())
                .strongReference(true)
                .baseUnit("bytes")
                .description("Size of the embedded H2 database file")
                .register(registry));
    }

    /** The embedded database's file, when the bot runs on one. */
    public Optional<Path> h2File() {
        return h2File(url);
    }

    private static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length());
        int settings = path.indexOf(';');
        return Optional.of(Path.of((settings < 0 ? path : path.substring(0, settings)) + ".mv.db"));
    }

    /**
     * Closes the pool. The embedded database is first shut down with {@code SHUTDOWN COMPACT}, so
     * it restarts from a file the size of its data (H2 writes the compacted copy beside it and
     * swaps it in with a rename: a stop killed mid-way leaves the old file intact).
     */
    @Override
    public void close() {
        housekeeping.ifPresent(H2Housekeeping::close);
        if (h2File().isPresent() && !pool.isClosed()) {
            long start = System.nanoTime();
            // A connection of its own, not a pooled one: the pool would touch it after the shutdown.
            try (Connection c = DriverManager.getConnection(url, config.user(), config.password());
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
                LOG.debug("database compacted on shutdown in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException e) {
                // The data is safe either way: it was committed before; only the compaction is lost.
                LOG.warn("could not compact the database on shutdown: {}", e.getMessage());
            }
        }
        pool.close();
    }

    private static void createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DatabaseException(
                    "cannot create the data directory " + dataDir.toAbsolutePath() + " (" + e.getMessage()
                            + "); choose another with --data-dir or ROADMAP_BOT_DATA_DIR",
                    e);
        }
    }

    private static HikariDataSource connect(DatabaseConfig config, String url, String shownUrl) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("roadmap-bot-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(8);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        // One attempt at start-up: a locked or unreachable database is reported at once.
        hikari.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw explainConnectFailure(e, shownUrl);
        }
    }

    private static DatabaseException explainConnectFailure(RuntimeException e, String shownUrl) {
        Optional<SQLException> sql = sqlCause(e);
        if (sql.isPresent() && sql.get().getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return new DatabaseException(
                    "the database " + shownUrl + " is in use by another process. "
                            + "Is another roadmap-bot already running with this data directory? Stop it, or start "
                            + "this one with another --data-dir (ROADMAP_BOT_DATA_DIR).",
                    e);
        }
        String reason = sql.map(Throwable::getMessage).orElse(e.getMessage());
        return new DatabaseException(
                "cannot open the database " + shownUrl + ": " + firstLine(reason)
                        + ". Check ROADMAP_BOT_DB_URL, ROADMAP_BOT_DB_USER and ROADMAP_BOT_DB_PASSWORD.",
                e);
    }

    private static void migrate(DataSource pool, String shownUrl) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .cleanDisabled(true)
                .load();
        try {
            List<MigrationInfo> future = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .toList();
            if (!future.isEmpty()) {
                String applied = future.get(future.size() - 1).getVersion().toString();
                String known = Arrays.stream(flyway.info().all())
                        .filter(m -> m.getState().isResolved())
                        .reduce((a, b) -> b)
                        .map(m -> m.getVersion().toString())
                        .orElse("none");
                throw new DatabaseException(
                        "the database " + shownUrl + " has schema version " + applied
                                + ", newer than this roadmap-bot understands (up to " + known
                                + "). It was written by a "
                                + "newer release: run that release, or restore a backup made for this one.",
                        null);
            }
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("applied {} database migration(s)", applied);
            }
        } catch (FlywayException e) {
            throw new DatabaseException(
                    "the database schema at " + shownUrl + " could not be brought up to date: "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip().lines().findFirst().orElse(text);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
