package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables are analysed again each time they double (from 1,000 rows), so cached plans follow their size. */
class H2PlanRefreshTest {

    private static final String SCORES = "\"public\".\"leaderboard_score\"";

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
