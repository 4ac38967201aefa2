package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.leaderboard.LeaderboardBot.G;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;

/** Who ranks where, per period, with ties, undos, hidden members, members who left, excluded roles. */
class LeaderboardRankingTest {

    @TempDir
    Path dir;

    private LeaderboardBot bot;

    @BeforeEach
    void setUp() {
        bot = new LeaderboardBot(
                dir, new LeaderboardConfig(ZoneId.of("UTC"), Set.of("999")), Instant.parse("2025-12-20T10:00:00Z"));
        // Names the directory knows (Bob's it does not: he is named by his own requests).
        for (String name : List.of("Alice", "Carol", "Dave", "Erin")) {
            bot.directory.put(G, name.toLowerCase(java.util.Locale.ROOT), name);
        }
        // December: carol completes five topics.
        bot.start("carol");
        for (int i = 0; i < 5; i++) {
            bot.done("carol", i);
        }
        // Friday 2 January (last week, this month): erin completes two.
        bot.at("2026-01-02T10:00:00Z");
        bot.start("erin");
        bot.done("erin", 0);
        bot.done("erin", 1);
        // Monday 5 January, this week. Bob starts first, but Alice reaches three topics first.
        bot.at("2026-01-05T10:00:00Z");
        bot.start("bob");
        bot.start("alice");
        bot.start("dave");
        bot.done("bob", 0);
        bot.done("bob", 1);
        bot.done("alice", 0);
        bot.done("alice", 1);
        bot.done("alice", 2);
        bot.done("bob", 2);
        // Dave marks two and takes one back; Carol takes back one of December's.
        bot.done("dave", 0);
        bot.done("dave", 1);
        bot.undo("dave", 1);
        bot.undo("carol", 4);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void eachPeriodRanksTopicsCompletedNetOfUndosWithTiesToWhoGotThereFirst() {
        assertThat(bot.ranking(Period.WEEK)).containsExactly("alice", "bob", "dave");
        assertThat(bot.ranking(Period.LAST_WEEK)).containsExactly("erin");
        assertThat(bot.ranking(Period.MONTH)).containsExactly("alice", "bob", "erin", "dave");
        assertThat(bot.ranking(Period.ALL)).containsExactly("carol", "alice", "bob", "erin", "dave");

        Board week = bot.service.board(G, Period.WEEK, 1, 10, null, null);
        assertThat(week.entries()).extracting(Board.Entry::completed).containsExactly(3, 3, 1);
        assertThat(week.entries()).extracting(Board.Entry::rank).containsExactly(1, 2, 3);
        assertThat(week.periodTotal()).isEqualTo(7);
        assertThat(week.title()).isEqualTo("Week of 5 Jan 2026");
    }

    @Test
    void showIsPrivateWithTheAskersRankAndTheSameFactsAsText() {
        Reply reply = bot.run("bob", false, "leaderboard", "show");

        assertThat(reply.error()).isFalse();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .contains(
                        "**#1** Alice — 3 topics",
                        "**#2** Member bob (you) — 3 topics",
                        "Your rank: **#2** with 3 topics this week");
        assertThat(reply.content())
                .contains("5 members studying", "7 topics completed this week")
                .doesNotContain("by the whole server"); // a weekly board states the week's total once
        assertThat(reply.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("leaderboard.png"));

        Reply allTime = bot.run("erin", false, "leaderboard", "show", "period", "all-time");
        assertThat(allTime.content())
                .contains("Your rank: **#4** with 2 topics all time")
                .contains("7 topics completed this week by the whole server");
        Reply nothing = bot.run("erin", false, "leaderboard", "show");
        assertThat(nothing.content()).contains("You haven't completed a topic this week yet");
    }

    @Test
    void hiddenMembersAndMembersWhoLeftOrCarryAnExcludedRoleAreLeftOut() {
        assertThat(bot.run("alice", false, "privacy", "leaderboard", "visible", false)
                        .error())
                .isFalse();
        bot.directory.remove(G, "carol");
        bot.directory.put(G, "erin", "Erin", "999");

        assertThat(bot.ranking(Period.ALL)).containsExactly("bob", "dave");
        Board board = bot.service.board(G, Period.ALL, 1, 10, "dave", "Dave");
        assertThat(board.entries()).extracting(Board.Entry::rank).containsExactly(1, 2);
        assertThat(board.ranked()).isEqualTo(2);
        assertThat(board.asker()).isEqualTo(new Board.Asker(Board.Asker.Status.RANKED, 2, 1));

        assertThat(bot.run("alice", false, "leaderboard", "show").content())
                .contains("You're hidden from leaderboards");
        assertThat(bot.run("erin", false, "leaderboard", "show", "period", "all-time")
                        .content())
                .contains("Your role is left off leaderboards");
        // Back on the board once visible again.
        bot.run("alice", false, "privacy", "leaderboard", "visible", true);
        assertThat(bot.ranking(Period.ALL)).containsExactly("alice", "bob", "dave");
    }

    @Test
    void displayNamesComeFromTheDirectoryEscapedAndNeverPing() {
        bot.directory.put(G, "alice", "**Al** @everyone <@&123>");
        Reply reply = bot.run("dave", false, "leaderboard", "show");
        assertThat(reply.content()).contains("\\*\\*Al\\*\\* @\u200Beveryone");
        assertThat(reply.content()).doesNotContain("@everyone", "<@&123>");
        // Unknown to the directory: a neutral name, never the full id.
        Board board = bot.service.board(G, Period.WEEK, 1, 10, null, null);
        assertThat(board.entries().get(1).name()).isEqualTo("Member …bob");
    }

    @Test
    void askersRankBelowThePageCountsOnlyMembersShownAboveThem() {
        // Fifteen more members this week, member k completing k topics (k = 1..15).
        for (int k = 1; k <= 15; k++) {
            String m = "m" + k;
            bot.start(m);
            for (int t = 3; t < 3 + k; t++) {
                bot.done(m, t);
            }
        }
        // m1 has 1 topic, like dave, but later: below dave. Alice/Bob (3) rank below m3 (reached later? no: earlier).
        Board board = bot.service.board(G, Period.WEEK, 1, 10, "m1", "m1");
        assertThat(board.hasNext()).isTrue();
        // Ahead of m1: m15..m3 (13), alice, bob, m2, dave -> rank 18.
        assertThat(board.asker()).isEqualTo(new Board.Asker(Board.Asker.Status.RANKED, 18, 1));
        // Their own row comes with the board, to be appended below the page in the picture.
        assertThat(board.viewer()).isNotNull();
        assertThat(board.viewer().rank()).isEqualTo(18);
        assertThat(board.viewer().memberId()).isEqualTo("m1");
        assertThat(board.viewer().completed()).isEqualTo(1);
        assertThat(board.viewerOnPage()).isFalse();
        assertThat(bot.service.board(G, Period.WEEK, 1, 10, "m15", "m15").viewerOnPage())
                .isTrue();
        bot.run("m15", false, "privacy", "leaderboard", "visible", false);
        bot.directory.remove(G, "m14");
        assertThat(bot.service.board(G, Period.WEEK, 1, 10, "m1", "m1").asker().rank())
                .isEqualTo(16);

        Reply page1 = bot.run("m1", false, "leaderboard", "show");
        assertThat(page1.buttons()).extracting(Reply.Button::customId).containsExactly("2:leaderboard:page:week:2");
        Reply page2 = bot.press("m1", "2:leaderboard:page:week:2");
        assertThat(page2.ephemeral()).isTrue();
        assertThat(page2.content()).contains("**#11**", "page 2", "Your rank: **#16**");
        assertThat(page2.buttons()).extracting(Reply.Button::customId).containsExactly("2:leaderboard:page:week:1");
        assertThat(bot.press("m1", "leaderboard:page:week:999").error()).isTrue();
        assertThat(bot.press("m1", "leaderboard:page:fortnight:2").content()).contains("no longer does anything");
        assertThat(bot.press("m1", "leaderboard:page:week:0").content())
                .contains("no longer does anything")
                .doesNotContain("out of reach");
    }

    @Test
    void groupViewCountsMembersPerPhaseOnTrackAndTheWeeksTotal() {
        Board.GroupView group = bot.service.group(G);
        assertThat(group.started()).isEqualTo(5);
        assertThat(group.perPhase().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(5);
        assertThat(group.completedThisWeek())
                .isEqualTo(7); // members' positive counts: carol's undo only lowers her own
        assertThat(group.onTrack()).isBetween(0L, 5L);
    }

    @Test
    void scoresKeptWithEachChangeEqualAFullRebuildFromTheHistory() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            String m = "r" + random.nextInt(12);
            if (i < 12) {
                bot.start("r" + i);
            }
            int topic = random.nextInt(10);
            if (random.nextInt(4) == 0) {
                bot.undo(m, topic);
            } else {
                bot.done(m, topic);
            }
            if (i % 50 == 0) {
                bot.clock.advance(java.time.Duration.ofDays(2));
            }
        }
        List<String> kept = snapshot();
        bot.scores.rebuild();
        List<String> rebuilt = snapshot();
        // A rebuild keeps only periods a board can show (this and last week, this and last month).
        assertThat(kept).containsAll(rebuilt);
        assertThat(rebuilt).isNotEmpty();
        String thisWeek = Period.WEEK.key(bot.clock.instant(), ZoneId.of("UTC"));
        assertThat(kept.stream()
                        .filter(r -> r.contains("|" + thisWeek + "|") || r.contains("|all|") || r.startsWith("member"))
                        .toList())
                .isEqualTo(rebuilt.stream()
                        .filter(r -> r.contains("|" + thisWeek + "|") || r.contains("|all|") || r.startsWith("member"))
                        .toList());
    }

    private List<String> snapshot() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = bot.database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT guild_id, period_key, member_id, completed, reached_at FROM leaderboard_score"
                            + " WHERE completed > 0 ORDER BY guild_id, period_key, member_id")) {
                while (rs.next()) {
                    rows.add("score|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|"
                            + rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT member_id, pace_id, phase_number, percent FROM leaderboard_member ORDER BY member_id")) {
                while (rs.next()) {
                    rows.add("member|" + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|"
                            + rs.getInt(4));
                }
            }
        }
        return rows;
    }
}
