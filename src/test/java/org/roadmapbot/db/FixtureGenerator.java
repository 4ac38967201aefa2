package org.roadmapbot.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;

/**
 * Writes the "previous release" fixture used by {@link MigrationFixtureTest}: a database made by
 * a release's own code, with data, dumped as an H2 script. Run once per release, from a checkout
 * of that release, and keep the old fixtures:
 * {@code java -cp <test classpath> org.roadmapbot.db.FixtureGenerator src/test/resources/db/fixtures/v1-release.sql}
 */
public final class FixtureGenerator {

    static final Instant T = Instant.parse("2026-02-01T12:00:00Z");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createTempDirectory("fixture");
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            ProgressRepository repo = new ProgressRepository(db.dataSource());
            repo.start("g1", "alice", "python", "part-time", T);
            repo.apply(TopicChange.set("g1", "alice", "http-basics", TopicState.DONE), T.plusSeconds(60));
            repo.apply(TopicChange.set("g1", "alice", "git-basics", TopicState.IN_PROGRESS), T.plusSeconds(120));
            repo.apply(TopicChange.set("g1", "alice", "oop-basics", TopicState.SKIPPED), T.plusSeconds(180));
            repo.apply(TopicChange.set("g1", "alice", "command-line", TopicState.DONE), T.plusSeconds(240));
            repo.apply(TopicChange.clear("g1", "alice", "command-line"), T.plusSeconds(300));
            repo.start("g1", "bob", "javascript", "full-time", T);
            repo.apply(TopicChange.set("g1", "bob", "nodejs", TopicState.DONE), T.plusSeconds(60));
            repo.setLeaderboardHidden("g1", "bob", true, T);
            repo.start("g2", "alice", "javascript", "frontend-to-backend", T);
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SCRIPT TO ?")) {
                ps.setString(1, out.toString());
                ps.execute();
            }
        }
        System.out.println("wrote " + out);
    }
}
