package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.testing.ChildJvm;
import org.roadmapbot.testing.HoldDatabase;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersion() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir.resolve("new/nested"))) {
            assertThat(db.isH2()).isTrue();
            assertThat(tables(db)).contains("member_track", "topic_progress", "progress_event", "member_settings");
            assertThat(appliedVersions(db)).containsExactlyElementsOf(Migrations.versions());
        }
        assertThat(dir.resolve("new/nested/roadmap-bot.mv.db")).exists();
    }

    @Test
    void theEmbeddedStoreIsCompactedInTheBackgroundWhileOpen() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            // Reaches H2's store through its internals: this fails if an H2 upgrade moves them.
            assertThat(H2Housekeeping.compact(db.dataSource())).isTrue();
            assertThat(Thread.getAllStackTraces().keySet())
                    .anyMatch(t -> t.getName().equals("h2-housekeeping"));
        }
    }

    @Test
    void theEmbeddedStoreCommitsDurablyCompressesAndReusesSpaceAfterTenSeconds() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(ChunkReuseCrashWriter.SETTINGS)) {
            List<String> settings = new ArrayList<>();
            while (rs.next()) {
                settings.add(rs.getString(1) + "=" + rs.getString(2));
            }
            // H2's defaults are false, 45000 and 500: the first two grow the file, the last loses commits.
            assertThat(settings).containsExactly("COMPRESS=TRUE", "RETENTION_TIME=5000", "WRITE_DELAY=0");
        }
    }

    @Test
    void theEmbeddedStoreKeepsEnoughParsedStatementsPerConnection() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT setting_value FROM information_schema.settings"
                        + " WHERE setting_name = 'QUERY_CACHE_SIZE'")) {
            assertThat(rs.next()).isTrue();
            // H2's default is 8: fewer than a progress change and a leaderboard run on one connection.
            assertThat(rs.getString(1)).isEqualTo("64");
        }
    }

    @Test
    void reopeningAppliesNothingAndKeepsData() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO member_settings (guild_id, member_id, leaderboard_hidden, updated_at) "
                    + "VALUES ('g', 'm', TRUE, CURRENT_TIMESTAMP)");
        }
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT leaderboard_hidden FROM member_settings WHERE guild_id = 'g'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(appliedVersions(db)).hasSameSizeAs(Migrations.versions());
        }
    }

    @Test
    void aDatabaseLockedByAnotherProcessGivesOneClearMessage() throws Exception {
        Process holder = ChildJvm.start(HoldDatabase.class, dir.toString());
        try {
            BufferedReader out = ChildJvm.stdout(holder);
            ChildJvm.awaitLine(out, "READY");

            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(), dir))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining("Is another roadmap-bot already running with this data directory?")
                    .hasMessageContaining("--data-dir");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            assertThat(tables(db)).contains("member_track");
        }
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefusedWithoutTouchingIt() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'From the future', 'SQL', "
                    + "'V99__From_the_future.sql', 0, 'sa', 0, TRUE)");
        }

        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(), dir))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has schema version 99, newer than this roadmap-bot understands (up to "
                        + Migrations.latest() + ")")
                .hasMessageContaining("run that release");

        try (Connection c = DriverManager.getConnection(DatabaseConfig.defaultUrl(dir), "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.versions().size() + 1);
        }
    }

    @Test
    void anUnreachableDatabaseNamesTheSettingsAndHidesThePassword() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL,
                "jdbc:postgresql://127.0.0.1:1/roadmap?password=hunter2",
                DatabaseConfig.USER,
                "bot",
                DatabaseConfig.PASSWORD,
                "s3cret"));

        assertThatThrownBy(() -> Database.open(config, dir))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot open the database jdbc:postgresql://127.0.0.1:1/roadmap?password=***")
                .hasMessageContaining("ROADMAP_BOT_DB_URL")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void configDefaultsToH2InTheDataDirectoryAndNeverPrintsThePassword() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(DatabaseConfig.PASSWORD, "s3cret"));

        assertThat(config.url()).isEmpty();
        assertThat(config.user()).isEqualTo("sa");
        assertThat(config.jdbcUrl(dir))
                .startsWith("jdbc:h2:file:" + dir.toAbsolutePath())
                .contains("MODE=PostgreSQL")
                .contains("DATABASE_TO_LOWER=TRUE")
                .contains("WRITE_DELAY=0");
        assertThat(config.toString()).doesNotContain("s3cret").contains("password=***");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of(DatabaseConfig.URL, "postgres://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:");
    }

    static List<String> tables(Database db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static List<String> appliedVersions(Database db) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }
}
