package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.ProgressEvent;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.testing.TestBot;
import org.roadmapbot.testing.TestPostgres;

/** The same migrations and JDBC code on a real PostgreSQL server (started from jars, no setup). */
class PostgresTest {

    @TempDir
    Path dir;

    /** A fresh, empty database (no tables yet) on the test run's shared server for each test. */
    private static DatabaseConfig freshDatabase() {
        return TestPostgres.emptyDatabase();
    }

    @Test
    void migrationsRunOnAnEmptyPostgresDatabaseAndAgainAsANoOp() throws Exception {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, dir)) {
            assertThat(db.isH2()).isFalse();
            assertThat(DatabaseTest.tables(db))
                    .contains("member_track", "topic_progress", "progress_event", "member_settings");
            assertThat(DatabaseTest.appliedVersions(db)).containsExactlyElementsOf(Migrations.versions());
        }
        try (Database db = Database.open(config, dir)) {
            assertThat(DatabaseTest.appliedVersions(db)).containsExactlyElementsOf(Migrations.versions());
        }
    }

    @Test
    void progressCommandsAndPrivacyWorkOnPostgres() throws Exception {
        try (TestBot bot = new TestBot(freshDatabase(), dir)) {
            assertThat(bot.run("g", "1", "progress", "start", "track", "python", "pace", "part-time")
                            .error())
                    .isFalse();
            assertThat(bot.run("g", "1", "progress", "done", "topic", "http-basics")
                            .content())
                    .contains("Marked **How HTTP works** done");
            assertThat(bot.run("g", "1", "progress", "done", "topic", "http-basics")
                            .content())
                    .contains("already marked done");
            assertThat(bot.run("g", "1", "progress", "studying", "topic", "git").error())
                    .isFalse();
            assertThat(bot.run("g", "1", "progress", "undo", "topic", "git").content())
                    .contains("Removed the *in progress* mark");
            assertThat(bot.run("g", "1", "progress", "undo", "topic", "git").content())
                    .contains("Nothing to undo");
            assertThat(bot.run("g", "1", "progress", "show").content()).contains("1/25 topics done");
            bot.run("g", "1", "privacy", "leaderboard", "visible", false);
            bot.run("g", "2", "progress", "start", "track", "javascript", "pace", "full-time");

            assertThat(bot.repository.load("g", "1").state("http-basics")).contains(TopicState.DONE);
            assertThat(bot.repository.enrollment("g", "1").orElseThrow().startedAt())
                    .isEqualTo(TestBot.T0);
            assertThat(bot.repository.events("g", "1"))
                    .extracting(ProgressEvent::kind)
                    .containsExactly("start", "done", "in_progress", "undo");
            assertThat(bot.repository.leaderboardHidden("g", "1")).isTrue();

            Reply export = bot.run("g", "1", "privacy", "export");
            JsonNode data = new ObjectMapper()
                    .readTree(export.attachments().get(0).data())
                    .get("data");
            assertThat(data.get("progress_event")).hasSize(4);
            assertThat(data.get("member_track").get(0).get("started_at").asText())
                    .isEqualTo(TestBot.T0.toString());

            bot.press("g", "1", PrivacyCommand.CONFIRM_DELETE);
            assertThat(bot.personalData.count("g", "1")).isZero();
            assertThat(bot.repository.enrollment("g", "2")).isPresent();
        }
    }

    @Test
    void everyMemberTableIsListedForPrivacyOnPostgresToo() throws Exception {
        try (TestBot bot = new TestBot(freshDatabase(), dir);
                Connection c = bot.database.dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.columns WHERE column_name = 'member_id' AND table_schema = 'public'")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            List<String> listed = new ArrayList<>(PersonalData.TABLES);
            listed.addAll(PersonalData.LINKED_TABLES);
            assertThat(listed).containsExactlyInAnyOrderElementsOf(tables);
        }
    }

    @Test
    void concurrentWritersAreAllCommitted() throws Exception {
        try (TestBot bot = new TestBot(freshDatabase(), dir)) {
            bot.run("g", "1", "progress", "start", "track", "javascript", "pace", "full-time");
            List<Thread> threads = new ArrayList<>();
            for (var topic : TestBot.knowledge().topicsForTrack("javascript")) {
                Thread t = new Thread(() -> bot.run("g", "1", "progress", "done", "topic", topic.id()));
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(bot.repository.load("g", "1").topics()).hasSize(26);
            assertThat(bot.run("g", "1", "progress", "show").content()).contains("**100%**");
        }
    }

    @Test
    void aNewerSchemaIsRefusedOnPostgresToo() throws Exception {
        DatabaseConfig config = freshDatabase();
        try (Database db = Database.open(config, dir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'From the future', 'SQL', "
                    + "'V99__From_the_future.sql', 0, 'postgres', 0, TRUE)");
        }
        assertThatThrownBy(() -> Database.open(config, dir))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("has schema version 99, newer than this roadmap-bot understands")
                .hasMessageNotContaining("unused");
        assertThat(Optional.of(config.toString())).get().asString().doesNotContain("unused");
    }
}
