package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.command.Prepared;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.util.HasSQL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables are analysed again each time they double (from 1,000 rows), so cached plans follow their size. */
class H2PlanRefreshTest {

    private static final String SCORES = "\"public\".\"leaderboard_score\"";
    /** The leaderboard's lookup of one member's score (ScoreStore.scores). */
    private static final String LOOKUP =
            "SELECT completed, reached_at FROM leaderboard_score WHERE guild_id = ? AND period_key = ? AND member_id = ?";

    @TempDir
    Path dir;

    @Test
    void aTableIsAnalysedWhenItHasDoubled() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
                Connection c = db.dataSource().getConnection()) {
            H2PlanRefresh plans = new H2PlanRefresh();
            scores(c, 1, 999);
            assertThat(plans.run(c)).doesNotContain(SCORES);

            scores(c, 1_000, 1_500);
            assertThat(plans.run(c)).containsExactly(SCORES);
            // Not again until it has doubled.
            assertThat(plans.run(c)).isEmpty();
            scores(c, 1_501, 2_900);
            assertThat(plans.run(c)).isEmpty();
            scores(c, 2_901, 3_000);
            assertThat(plans.run(c)).containsExactly(SCORES);
            assertThat(selectivity(c, "member_id")).isEqualTo(100);
        }
    }

    @Test
    void aPlanMadeOnAnEmptyTableIsMadeAgainOnceTheTableHasGrown() throws Exception {
        Database.open(DatabaseConfig.embedded(), dir).close();
        String url = DatabaseConfig.defaultUrl(dir);
        // Plain sessions, so that no housekeeping thread runs a refresh of its own.
        try (Connection member = DriverManager.getConnection(url, "sa", "");
                Connection housekeeping = DriverManager.getConnection(url, "sa", "")) {
            // What H2 makes of the lookup on an empty table: the covering rank index, a scan of the period.
            assertThat(plan(member)).contains("leaderboard_score_rank_ix");
            scores(member, 1, 3_000);
            // The session keeps that plan however large the table grows...
            assertThat(plan(member)).contains("leaderboard_score_rank_ix");

            assertThat(new H2PlanRefresh().run(housekeeping)).contains(SCORES);

            // ...until the refresh: one primary-key lookup.
            assertThat(plan(member)).contains("PRIMARY_KEY").doesNotContain("rank_ix");
        }
    }

    /**
     * The plan the session runs the lookup with: prepared (from the session's cache of statements) and
     * run once, as ScoreStore does, read from H2's internals (this fails if an H2 upgrade moves them).
     */
    private static String plan(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, "g");
            ps.setString(2, "all");
            ps.setString(3, "7");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            var command = JdbcPreparedStatement.class.getDeclaredField("command");
            command.setAccessible(true);
            Object container = command.get(ps.unwrap(JdbcPreparedStatement.class));
            var prepared = container.getClass().getDeclaredField("prepared");
            prepared.setAccessible(true);
            return ((Prepared) prepared.get(container)).getPlanSQL(HasSQL.ADD_PLAN_INFORMATION);
        }
    }

    private static void scores(Connection c, int from, int to) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO leaderboard_score (guild_id, period_key, member_id, completed, reached_at)"
                    + " SELECT 'g', 'all', CAST(\"X\" AS VARCHAR), 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                    + " FROM SYSTEM_RANGE(" + from + ", " + to + ")");
        }
    }

    /** The column's selectivity as ANALYZE left it (100: every value distinct). */
    private static int selectivity(Connection c, String column) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT selectivity FROM information_schema.columns"
                        + " WHERE table_name = 'leaderboard_score' AND column_name = '" + column + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
