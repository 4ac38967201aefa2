package org.roadmapbot.faq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.roadmapbot.core.UserError;
import org.roadmapbot.db.Jdbc;

/**
 * Curated answers and settings per server in the database (faq_answer, faq_server). Every change
 * bumps the server's revision in the same transaction, with the database's own clock, so every bot
 * process on the database sees it ({@link #changedSince}) and rebuilds its index of that server.
 */
public final class FaqStore {

    /** How many curated answers one server may have: each one is held in memory while the server is asked. */
    public static final int MAX_PER_SERVER = 100;

    private final DataSource dataSource;

    public FaqStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A server's answers (by number) and settings, read together with the revision they belong to. */
    public record Snapshot(long revision, List<CuratedAnswer> answers, ServerSettings settings) {
        public Snapshot {
            answers = List.copyOf(answers);
        }
    }

    /** A server whose answers or settings changed, and its revision now. */
    public record Change(String guildId, long revision) {}

    public Snapshot snapshot(String guildId) {
        return Jdbc.read(dataSource, c -> {
            long revision = 0;
            ServerSettings settings = ServerSettings.DEFAULTS;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT revision, keep_questions, help_channel_id FROM faq_server WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        revision = rs.getLong(1);
                        settings = new ServerSettings(rs.getBoolean(2), Optional.ofNullable(rs.getString(3)));
                    }
                }
            }
            return new Snapshot(revision, revision == 0 ? List.of() : answers(c, guildId), settings);
        });
    }

    private static List<CuratedAnswer> answers(Connection c, String guildId) throws SQLException {
        List<CuratedAnswer> answers = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT answer_number, questions, answer, updated_at FROM faq_answer"
                        + " WHERE guild_id = ? ORDER BY answer_number")) {
            ps.setString(1, guildId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.add(answer(guildId, rs));
                }
            }
        }
        return answers;
    }

    private static CuratedAnswer answer(String guildId, ResultSet rs) throws SQLException {
        return new CuratedAnswer(
                guildId,
                rs.getInt("answer_number"),
                Arrays.asList(rs.getString("questions").split("\n")),
                rs.getString("answer"),
                Jdbc.instant(rs, "updated_at"));
    }

    /** Adds an answer under the server's next number; refused (nothing stored) when the server has {@link #MAX_PER_SERVER}. */
    public CuratedAnswer add(String guildId, FaqInput input, String memberId, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            int number = claimNumber(c, guildId);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM faq_answer WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= MAX_PER_SERVER) {
                        throw new UserError(
                                "This server already has " + MAX_PER_SERVER + " curated answers, the most I keep. "
                                        + "Remove one with `/faq remove` or add questions to one with `/faq edit`.");
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO faq_answer (guild_id, answer_number, questions, answer, member_id,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, guildId);
                ps.setInt(2, number);
                ps.setString(3, input.questionsText());
                ps.setString(4, input.answer());
                ps.setString(5, memberId);
                ps.setObject(6, Jdbc.utc(now));
                ps.setObject(7, Jdbc.utc(now));
                ps.executeUpdate();
            }
            return new CuratedAnswer(guildId, number, input.questions(), input.answer(), now);
        });
    }

    /** Replaces an answer's questions and text; empty when the server has no answer of that number. */
    public Optional<CuratedAnswer> update(String guildId, int number, FaqInput input, String memberId, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE faq_answer SET questions = ?, answer = ?, member_id = ?,"
                            + " updated_at = ? WHERE guild_id = ? AND answer_number = ?")) {
                ps.setString(1, input.questionsText());
                ps.setString(2, input.answer());
                ps.setString(3, memberId);
                ps.setObject(4, Jdbc.utc(now));
                ps.setString(5, guildId);
                ps.setInt(6, number);
                if (ps.executeUpdate() == 0) {
                    return Optional.<CuratedAnswer>empty();
                }
            }
            bump(c, guildId);
            return Optional.of(new CuratedAnswer(guildId, number, input.questions(), input.answer(), now));
        });
    }

    /** Removes an answer; the removed one, or empty when there was none of that number. */
    public Optional<CuratedAnswer> remove(String guildId, int number) {
        return Jdbc.transaction(dataSource, c -> {
            Optional<CuratedAnswer> found;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT answer_number, questions, answer, updated_at FROM faq_answer"
                            + " WHERE guild_id = ? AND answer_number = ?")) {
                ps.setString(1, guildId);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    found = rs.next() ? Optional.of(answer(guildId, rs)) : Optional.empty();
                }
            }
            if (found.isPresent()) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM faq_answer WHERE guild_id = ? AND answer_number = ?")) {
                    ps.setString(1, guildId);
                    ps.setInt(2, number);
                    ps.executeUpdate();
                }
                bump(c, guildId);
            }
            return found;
        });
    }

    /** Saves the server's settings (a change every process picks up like an answer's). */
    public void saveSettings(String guildId, ServerSettings settings) {
        Jdbc.transaction(dataSource, c -> {
            ensureServer(c, guildId);
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE faq_server SET keep_questions = ?, help_channel_id = ?,"
                            + " revision = revision + 1, updated_at = CURRENT_TIMESTAMP WHERE guild_id = ?")) {
                ps.setBoolean(1, settings.keepQuestions());
                ps.setString(2, settings.helpChannelId().orElse(null));
                ps.setString(3, guildId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Servers changed since {@code since} (the database's time, see {@link #databaseNow}). A change is
     * stamped with its transaction's start, so callers look back a few seconds more than they polled.
     */
    public List<Change> changedSince(Instant since) {
        return Jdbc.read(dataSource, c -> {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT guild_id, revision FROM faq_server WHERE updated_at > ?")) {
                ps.setObject(1, Jdbc.utc(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            return changes;
        });
    }

    /** The database's clock: every process compares change times with it, never with its own. */
    public Instant databaseNow() {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        });
    }

    /** The number the next answer gets, never reused (an old "#3" never points at a new answer); bumps the revision. */
    private static int claimNumber(Connection c, String guildId) throws SQLException {
        ensureServer(c, guildId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE faq_server SET next_number = next_number + 1,"
                + " revision = revision + 1, updated_at = CURRENT_TIMESTAMP WHERE guild_id = ?")) {
            ps.setString(1, guildId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT next_number FROM faq_server WHERE guild_id = ?")) {
            ps.setString(1, guildId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) - 1;
            }
        }
    }

    private static void bump(Connection c, String guildId) throws SQLException {
        ensureServer(c, guildId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE faq_server SET revision = revision + 1,"
                + " updated_at = CURRENT_TIMESTAMP WHERE guild_id = ?")) {
            ps.setString(1, guildId);
            ps.executeUpdate();
        }
    }

    /** The server's row, with defaults, if it has none yet (a race to insert it is retried by {@link Jdbc#transaction}). */
    private static void ensureServer(Connection c, String guildId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO faq_server (guild_id, revision, next_number, keep_questions,"
                        + " help_channel_id, updated_at) VALUES (?, 0, 1, TRUE, NULL, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")) {
            ps.setString(1, guildId);
            ps.executeUpdate();
        }
    }
}
