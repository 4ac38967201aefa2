package org.roadmapbot.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps H2's query plans in step with the data as its tables grow: each time a table has doubled its
 * rows since the last time (from {@value #MIN_ROWS} rows on), {@code ANALYZE TABLE} and then a
 * {@code SET} that makes every session plan its cached statements again.
 *
 * <p>Why: a pooled connection keeps its parsed statements with their plans (QUERY_CACHE_SIZE in
 * {@link DatabaseConfig}), and H2 plans one again only when its settings or schema change (any
 * {@code SET}, e.g. the ones a new connection runs from the URL); neither its own automatic ANALYZE nor
 * an explicit one does. A plan made while a table was empty, as on a new install, could then stay wrong
 * for as long as the connection lives: the leaderboard's lookup of one member's score
 * ({@code guild_id = ? AND period_key = ? AND member_id = ?}) read the covering rank index and scanned
 * the server's rows of the period instead of one primary-key lookup (measured with 3,000 rows: 0.3-1.5 ms
 * against 0.02-0.05 ms a lookup; 10-15 % of the load mix's CPU). Doubling keeps it rare: a table of a
 * million rows has been analysed about ten times in its life; H2 samples at most 10,000 rows a table.
 */
final class H2PlanRefresh {

    /** Below this, whatever plan H2 picks reads a few rows. */
    static final long MIN_ROWS = 1_000;

    private static final String TABLES = "SELECT table_schema, table_name, row_count_estimate"
            + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            + " AND table_schema NOT IN ('information_schema', 'pg_catalog') AND row_count_estimate >= ?";

    /**
     * Sets what the URL already sets ({@link DatabaseConfig}: durable commits), so it changes nothing but
     * H2's schema modification count, which is what makes each session plan its cached statements again.
     */
    static final String REPLAN = "SET WRITE_DELAY 0";

    /** Rows of each table when it was last analysed here (0: not yet). One thread uses it (the housekeeping). */
    private final Map<String, Long> analysedAt = new HashMap<>();

    /** A table due for analysis and its rows now. */
    private record Due(String table, long rows) {}

    /** Analyses the tables that have doubled since the last time; returns their names. */
    List<String> run(Connection c) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setLong(1, MIN_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = quote(rs.getString(1)) + "." + quote(rs.getString(2));
                    long rows = rs.getLong(3);
                    if (rows >= 2 * analysedAt.getOrDefault(table, 0L)) {
                        due.add(new Due(table, rows));
                    }
                }
            }
        }
        List<String> analysed = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Due table : due) {
                s.execute("ANALYZE TABLE " + table.table());
                analysedAt.put(table.table(), table.rows());
                analysed.add(table.table());
            }
            if (!analysed.isEmpty()) {
                s.execute(REPLAN);
            }
        }
        return analysed;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
