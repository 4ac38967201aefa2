package org.roadmapbot.insights;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;

/**
 * What /insights reads, per server: counts per UTC day (insights_daily) and the questions kept
 * (insights_question: unanswered, or answered and marked thumbs-down; the text only, never who asked).
 */
public final class InsightsStore {

    /** How long questions and counts are kept. */
    public static final int KEEP_DAYS = 30;

    public static final String UNANSWERED = "unanswered";
    public static final String THUMBS_DOWN = "thumbs_down";

    private final DataSource dataSource;

    public InsightsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts of one server and day, to add to what is stored. */
    public record Counts(long asked, long answered, long curated, long ratedUp, long ratedDown) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(
                    asked + o.asked,
                    answered + o.answered,
                    curated + o.curated,
                    ratedUp + o.ratedUp,
                    ratedDown + o.ratedDown);
        }
    }

    public record Day(String guildId, LocalDate day) {}

    /** A question kept for the server's moderators. */
    public record Kept(long id, String question, String kind, Instant askedAt) {}

    /** A question to keep. */
    public record NewQuestion(String guildId, String question, String kind, Instant askedAt) {}

    /** Adds counts and keeps questions, all in one transaction. */
    public void record(Map<Day, Counts> counts, List<NewQuestion> questions) {
        if (counts.isEmpty() && questions.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO insights_daily (guild_id, asked_on, asked, answered,"
                                    + " curated, rated_up, rated_down) VALUES (?, ?, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING");
                    PreparedStatement add =
                            c.prepareStatement("UPDATE insights_daily SET asked = asked + ?, answered = answered + ?,"
                                    + " curated = curated + ?, rated_up = rated_up + ?, rated_down = rated_down + ?"
                                    + " WHERE guild_id = ? AND asked_on = ?")) {
                for (Map.Entry<Day, Counts> e : counts.entrySet()) {
                    insert.setString(1, e.getKey().guildId());
                    insert.setObject(2, e.getKey().day());
                    insert.executeUpdate();
                    Counts n = e.getValue();
                    add.setLong(1, n.asked());
                    add.setLong(2, n.answered());
                    add.setLong(3, n.curated());
                    add.setLong(4, n.ratedUp());
                    add.setLong(5, n.ratedDown());
                    add.setString(6, e.getKey().guildId());
                    add.setObject(7, e.getKey().day());
                    add.executeUpdate();
                }
            }
            if (!questions.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO insights_question (guild_id, question, kind, asked_at) VALUES (?, ?, ?, ?)")) {
                    for (NewQuestion q : questions) {
                        ps.setString(1, q.guildId());
                        ps.setString(2, q.question());
                        ps.setString(3, q.kind());
                        ps.setObject(4, Jdbc.utc(q.askedAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /** A server's counts from {@code from} to today, inclusive. */
    public Counts totals(String guildId, LocalDate from) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(asked), 0), COALESCE(SUM(answered), 0),"
                    + " COALESCE(SUM(curated), 0), COALESCE(SUM(rated_up), 0), COALESCE(SUM(rated_down), 0)"
                    + " FROM insights_daily WHERE guild_id = ? AND asked_on >= ?")) {
                ps.setString(1, guildId);
                ps.setObject(2, from);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                }
            }
        });
    }

    /** A server's kept questions since {@code since}, newest first, at most {@code limit}. */
    public List<Kept> questions(String guildId, Instant since, int limit) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT question_id, question, kind, asked_at FROM insights_question"
                            + " WHERE guild_id = ? AND asked_at >= ? ORDER BY asked_at DESC, question_id DESC")) {
                ps.setString(1, guildId);
                ps.setObject(2, Jdbc.utc(since));
                ps.setMaxRows(limit);
                return kept(ps);
            }
        });
    }

    /** The server's kept questions among {@code ids} (another server's ids find nothing). */
    public List<Kept> questions(String guildId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT question_id, question, kind, asked_at FROM insights_question"
                            + " WHERE guild_id = ? AND question_id IN (" + placeholders(ids.size())
                            + ") ORDER BY question_id")) {
                bind(ps, guildId, ids);
                return kept(ps);
            }
        });
    }

    /** Forgets some of a server's questions (answered now); how many. */
    public int forget(String guildId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM insights_question WHERE guild_id = ? AND question_id IN ("
                            + placeholders(ids.size()) + ")")) {
                bind(ps, guildId, ids);
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets every question of a server (it turned keeping them off); how many. */
    public int forgetAll(String guildId) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM insights_question WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes questions asked before {@code cutoff} and counts of days before {@code firstDay}; how many rows. */
    public int expire(Instant cutoff, LocalDate firstDay) {
        return Jdbc.transaction(dataSource, c -> {
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM insights_question WHERE asked_at < ?")) {
                ps.setObject(1, Jdbc.utc(cutoff));
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM insights_daily WHERE asked_on < ?")) {
                ps.setObject(1, firstDay);
                deleted += ps.executeUpdate();
            }
            return deleted;
        });
    }

    private static List<Kept> kept(PreparedStatement ps) throws SQLException {
        List<Kept> kept = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kept.add(new Kept(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "asked_at")));
            }
        }
        return kept;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, String guildId, Collection<Long> ids) throws SQLException {
        ps.setString(1, guildId);
        int i = 2;
        for (long id : ids) {
            ps.setLong(i++, id);
        }
    }
}
