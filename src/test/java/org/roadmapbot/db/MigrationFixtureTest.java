package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.progress.Enrollment;
import org.roadmapbot.progress.ProgressEvent;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;

/**
 * Upgrading keeps data: a database written by an earlier release (a fixture made by
 * {@link FixtureGenerator} with that release's code, including its flyway_schema_history) is
 * migrated to the latest schema and every row is still there. Because the fixture records V1's
 * checksum, this test also fails if a shipped migration is edited instead of adding a new one.
 */
class MigrationFixtureTest {

    @TempDir
    Path dir;

    @Test
    void aV1DatabaseWithDataMigratesToTheLatestVersionAndKeepsEveryRow() throws Exception {
        restore("db/fixtures/v1-release.sql");

        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            assertThat(DatabaseTest.appliedVersions(db))
                    .startsWith("1")
                    .endsWith(Migrations.latest())
                    .hasSize(Migrations.versions().size());

            ProgressRepository repo = new ProgressRepository(db.dataSource());
            Instant t = FixtureGenerator.T;
            assertThat(repo.enrollment("g1", "alice")).contains(new Enrollment("python", "part-time", t));
            assertThat(repo.enrollment("g2", "alice")).contains(new Enrollment("javascript", "frontend-to-backend", t));
            assertThat(repo.load("g1", "alice").topics()).hasSize(3);
            assertThat(repo.load("g1", "alice").state("http-basics")).contains(TopicState.DONE);
            assertThat(repo.load("g1", "alice").state("git-basics")).contains(TopicState.IN_PROGRESS);
            assertThat(repo.load("g1", "alice").state("oop-basics")).contains(TopicState.SKIPPED);
            assertThat(repo.load("g1", "alice").state("command-line")).isEmpty();
            assertThat(repo.events("g1", "alice"))
                    .extracting(ProgressEvent::kind)
                    .containsExactly("start", "done", "in_progress", "skipped", "done", "undo");
            assertThat(repo.leaderboardHidden("g1", "bob")).isTrue();
            assertThat(repo.leaderboardHidden("g1", "alice")).isFalse();

            // New writes continue the history (no identity clash with restored rows).
            repo.apply(TopicChange.set("g1", "alice", "data-structures", TopicState.DONE), t.plusSeconds(3600));
            List<ProgressEvent> events = repo.events("g1", "alice");
            assertThat(events.get(events.size() - 1).topicId()).isEqualTo("data-structures");
            assertThat(events.get(events.size() - 1).id()).isGreaterThan(9);
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryMigration() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            assertThat(DatabaseTest.appliedVersions(db)).containsExactlyElementsOf(Migrations.versions());
        }
    }

    private void restore(String classpathScript) throws Exception {
        try (Connection c = DriverManager.getConnection(DatabaseConfig.defaultUrl(dir), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/" + classpathScript + "'");
        }
    }
}
