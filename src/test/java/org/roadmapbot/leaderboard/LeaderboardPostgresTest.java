package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.leaderboard.LeaderboardBot.G;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.testing.TestPostgres;

/** The leaderboard's SQL and its Quartz job on a real PostgreSQL server. */
class LeaderboardPostgresTest {

    @TempDir
    Path dir;

    @Test
    void rankingScoresRebuildAndWeeklyScheduleWorkOnPostgres() throws Exception {
        DatabaseConfig config = TestPostgres.emptyDatabase();
        try (LeaderboardBot bot = new LeaderboardBot(
                config,
                dir,
                new LeaderboardConfig(ZoneId.of("Europe/Berlin"), Set.of()),
                Instant.parse("2026-01-07T10:00:00Z"))) {
            for (String m : new String[] {"bob", "alice", "dave"}) {
                bot.start(m);
            }
            bot.done("bob", 0);
            bot.done("alice", 0);
            bot.done("alice", 1);
            bot.done("bob", 1);
            bot.done("dave", 0);
            bot.done("dave", 1);
            bot.undo("dave", 1);
            assertThat(bot.ranking(Period.WEEK)).containsExactly("alice", "bob", "dave");
            assertThat(bot.ranking(Period.ALL)).containsExactly("alice", "bob", "dave");
            bot.run("alice", false, "privacy", "leaderboard", "visible", false);
            Board board = bot.service.board(G, Period.WEEK, 1, 10, "dave", "Dave");
            assertThat(board.entries()).extracting(Board.Entry::memberId).containsExactly("bob", "dave");
            assertThat(board.asker()).isEqualTo(new Board.Asker(Board.Asker.Status.RANKED, 2, 1));

            bot.scores.rebuild();
            assertThat(bot.ranking(Period.WEEK)).containsExactly("bob", "dave");

            Reply scheduled = bot.run(
                    "mod",
                    true,
                    "leaderboard",
                    "schedule",
                    "channel",
                    "300",
                    "day",
                    "sunday",
                    "hour",
                    20L,
                    "timezone",
                    "Europe/Berlin");
            assertThat(scheduled.error()).isFalse();
            assertThat(bot.posts.nextPost(G)).isPresent();
            // The schedule belongs to the server: the moderator's /privacy delete keeps it and only drops their name.
            assertThat(bot.run("mod", false, "privacy", "delete").content())
                    .contains("weekly leaderboard post you set up stays");
            bot.press("mod", "privacy:confirm-delete");
            assertThat(bot.posts.store().find(G))
                    .hasValueSatisfying(s -> assertThat(s.moderatorId()).isNull());
            assertThat(bot.posts.nextPost(G)).isPresent();
        }
    }
}
