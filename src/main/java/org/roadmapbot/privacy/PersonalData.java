package org.roadmapbot.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;

/**
 * The one place that knows where a member's data lives: /privacy export reads and /privacy
 * delete deletes exactly what is listed here.
 */
public final class PersonalData {

    /**
     * EVERY table holding a member's data, keyed by (guild_id, member_id), in deletion order.
     * A feature that adds such a table (nudges, leaderboards, ...) adds it here in the same
     * change as its migration. PersonalDataTest fails when a table with a member_id column is
     * missing from this list.
     */
    public static final List<String> TABLES = List.of(
            "nudge_sent", // V3: which week's nudge went out (the Quartz job is a Holder: NudgeService)
            "nudge_settings", // V3: weekly nudge day, hour, zone, pause, why it was turned off
            "leaderboard_score", // V4: topics completed per period (derived from progress)
            "leaderboard_member", // V4: phase and percent for the group view (derived)
            "progress_event", // V1: history of every progress change
            "topic_progress", // V1: current state per topic
            "member_track", // V1: chosen track, pace, start date
            "member_settings"); // V1: leaderboard visibility

    /**
     * Tables whose rows belong to the server and only name a member (the moderator who set up the
     * weekly leaderboard post, and its failures they were told about): exported with the member's
     * data, and on delete the row stays while the link to the member (member_id) is cleared, so one
     * moderator's /privacy delete does not stop the server's schedule.
     */
    public static final List<String> LINKED_TABLES = List.of(
            "leaderboard_schedule", // V4: the weekly post a moderator set up (V5: kept without them)
            "leaderboard_post_failure", // V4: failed posts the moderator was told about
            "faq_answer"); // V6: a server's curated answer; member_id: the moderator who last wrote it

    /**
     * Member data kept outside those tables (for example scheduled jobs in a scheduler's own
     * store): exported under {@link #name()} and deleted in the same request.
     */
    public interface Holder {
        String name();

        /** JSON-friendly records (maps, lists, strings, numbers) about the member. */
        List<Map<String, Object>> export(String guildId, String memberId);

        /** @return how many records were removed */
        int delete(String guildId, String memberId);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final List<Holder> holders;

    public PersonalData(DataSource dataSource, List<Holder> holders) {
        this.dataSource = dataSource;
        this.holders = List.copyOf(holders);
    }

    /** Everything stored about the member in the guild, as one JSON document. */
    public ObjectNode export(String guildId, String memberId, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("guild_id", guildId);
        root.put("member_id", memberId);
        root.put("exported_at", now.toString());
        ObjectNode tables = root.putObject("data");
        Jdbc.read(dataSource, c -> {
            for (String table : TABLES) {
                tables.set(table, rows(c, table, guildId, memberId));
            }
            for (String table : LINKED_TABLES) {
                tables.set(table, rows(c, table, guildId, memberId));
            }
            return null;
        });
        for (Holder holder : holders) {
            tables.set(holder.name(), JSON.valueToTree(holder.export(guildId, memberId)));
        }
        return root;
    }

    /** How many records the export would hold (0 = nothing stored), linked rows included. */
    public int count(String guildId, String memberId) {
        int records = count(TABLES, guildId, memberId) + count(LINKED_TABLES, guildId, memberId);
        for (Holder holder : holders) {
            records += holder.export(guildId, memberId).size();
        }
        return records;
    }

    /** How many server rows name the member (see {@link #LINKED_TABLES}): kept on delete, unlinked. */
    public int linkedCount(String guildId, String memberId) {
        return count(LINKED_TABLES, guildId, memberId);
    }

    /** The {@link #LINKED_TABLES} that name the member in this server. */
    public List<String> linkedTables(String guildId, String memberId) {
        return LINKED_TABLES.stream()
                .filter(t -> count(List.of(t), guildId, memberId) > 0)
                .toList();
    }

    private int count(List<String> tables, String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            int sum = 0;
            for (String table : tables) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE guild_id = ? AND member_id = ?")) {
                    ps.setString(1, guildId);
                    ps.setString(2, memberId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sum += rs.getInt(1);
                    }
                }
            }
            return sum;
        });
    }

    /**
     * Deletes everything about the member in the guild, tables in one transaction; rows of
     * {@link #LINKED_TABLES} stay, with the link to the member cleared.
     *
     * @return records deleted (or unlinked) per table / holder
     */
    public Map<String, Integer> delete(String guildId, String memberId) {
        Map<String, Integer> deleted = Jdbc.transaction(dataSource, c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM " + table + " WHERE guild_id = ? AND member_id = ?")) {
                    ps.setString(1, guildId);
                    ps.setString(2, memberId);
                    counts.put(table, ps.executeUpdate());
                }
            }
            for (String table : LINKED_TABLES) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE " + table + " SET member_id = NULL WHERE guild_id = ? AND member_id = ?")) {
                    ps.setString(1, guildId);
                    ps.setString(2, memberId);
                    counts.put(table, ps.executeUpdate());
                }
            }
            return counts;
        });
        for (Holder holder : holders) {
            deleted.put(holder.name(), holder.delete(guildId, memberId));
        }
        return deleted;
    }

    private static ArrayNode rows(Connection c, String table, String guildId, String memberId) throws SQLException {
        ArrayNode rows = JSON.createArrayNode();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM " + table + " WHERE guild_id = ? AND member_id = ?")) {
            ps.setString(1, guildId);
            ps.setString(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode row = rows.addObject();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        Object value = rs.getObject(i);
                        if (value == null) {
                            row.putNull(column);
                        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                            row.put(column, ((Number) value).longValue());
                        } else if (value instanceof Number n) {
                            row.put(column, new java.math.BigDecimal(n.toString()));
                        } else if (value instanceof Boolean b) {
                            row.put(column, b);
                        } else if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
                            row.put(column, timestamp(rs, i));
                        } else {
                            row.put(column, value.toString());
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static String timestamp(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
        } catch (SQLException e) {
            return rs.getString(column); // a column without time zone: export it as stored
        }
    }
}
