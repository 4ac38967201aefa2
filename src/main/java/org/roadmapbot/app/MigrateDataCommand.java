package org.roadmapbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.roadmapbot.db.DataMigration;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.db.DatabaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `migrate-data`: moves everything from one database to another, typically from the embedded H2
 * of a single bot to the PostgreSQL that several bot processes will share. Configure the bot for
 * its new database as you will run it (ROADMAP_BOT_DB_URL / _USER / _PASSWORD) and point this at
 * the old data directory; stop the bot first (H2 refuses a second process anyway). Both schemas
 * are brought to this release's version; the target must be empty.
 */
@Command(
        name = "migrate-data",
        description = "Copy all data (progress, settings, events, nudges, leaderboards, "
                + "schedules) from one database to another, e.g. the embedded H2 to PostgreSQL.")
public final class MigrateDataCommand implements Callable<Integer> {

    /** The source's password, when it has one (never on the command line, where `ps` shows it). */
    public static final String FROM_PASSWORD = "ROADMAP_BOT_MIGRATE_FROM_PASSWORD";

    @Option(names = "--from", description = "Source JDBC URL (default: the embedded H2 in --data-dir).")
    String fromUrl;

    @Option(names = "--from-user", description = "Source user (default: sa); password from " + FROM_PASSWORD + ".")
    String fromUser;

    @Option(
            names = "--to",
            description = "Target JDBC URL (default: ROADMAP_BOT_DB_URL); user and password from "
                    + "ROADMAP_BOT_DB_USER / ROADMAP_BOT_DB_PASSWORD unless --to-user is given.")
    String toUrl;

    @Option(names = "--to-user", description = "Target user (default: ROADMAP_BOT_DB_USER).")
    String toUser;

    @Option(
            names = "--data-dir",
            description = "Data directory of the embedded source (env ROADMAP_BOT_DATA_DIR, default ./data).")
    Path dataDir;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        AppConfig app = AppConfig.fromEnvironment(env).withDataDir(dataDir);
        DatabaseConfig from =
                new DatabaseConfig(Optional.ofNullable(fromUrl), fromUser, env.getOrDefault(FROM_PASSWORD, ""));
        DatabaseConfig configured = app.database();
        DatabaseConfig to = new DatabaseConfig(
                toUrl != null ? Optional.of(toUrl) : configured.url(),
                toUser != null ? toUser : configured.user(),
                configured.password());
        if (to.url().isEmpty()) {
            throw new StartupException("say where to copy to: --to <JDBC URL> or ROADMAP_BOT_DB_URL "
                    + "(e.g. jdbc:postgresql://db.example:5432/roadmapbot)");
        }
        String fromShown = DatabaseConfig.redact(from.jdbcUrl(app.dataDir()));
        String toShown = DatabaseConfig.redact(to.jdbcUrl(app.dataDir()));
        if (fromShown.equals(toShown)) {
            throw new StartupException("the source and the target are the same database: " + toShown);
        }
        System.err.println("migrate-data: from " + fromShown + " to " + toShown);
        try (Database source = open(from, app, "source");
                Database target = open(to, app, "target")) {
            DataMigration.Report report = DataMigration.copy(
                    source.dataSource(),
                    target.dataSource(),
                    line -> System.err.println("migrate-data: copied " + line));
            System.out.printf(
                    Locale.ROOT,
                    "Copied %,d rows in %d tables from %s to %s.%n",
                    report.total(),
                    report.rows().size(),
                    fromShown,
                    toShown);
            report.rows().forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-28s %,d%n", table, rows));
            System.out.println("Start the bot processes on the new database; keep the old data directory as a backup.");
            return 0;
        } catch (DataMigration.MigrationException e) {
            throw new StartupException("migrate-data: " + e.getMessage(), e);
        }
    }

    private static Database open(DatabaseConfig config, AppConfig app, String role) {
        try {
            return Database.open(config, app.dataDir());
        } catch (DatabaseException e) {
            throw new StartupException("migrate-data: cannot open the " + role + ": " + e.getMessage(), e);
        }
    }
}
