package org.roadmapbot.nudges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;

/** Nudge settings and the sent-log, in plain JDBC (SQL both H2 and PostgreSQL accept). */
public final class NudgeRepository {

    /** A dead claimer's claim is taken over once; a nudge that crashes its sender twice is given up. */
    static final int MAX_TAKEOVERS = 1;

    private static final String SETTINGS_COLUMNS =
            "guild_id, member_id, send_day, send_hour, zone_id, enabled, paused_until, "
                    + "disabled_reason, disabled_detail, schedule_from, updated_at";
    private static final String SENT_COLUMNS =
            "guild_id, member_id, iso_week, due_at, state, claimed_by, claimed_at, takeovers, "
                    + "attempts, delivered_via, detail, finished_at";

    private final DataSource dataSource;

    public NudgeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- settings ----

    public Optional<NudgeSettings> settings(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + SETTINGS_COLUMNS + " FROM nudge_settings WHERE guild_id = ? AND member_id = ?")) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(settings(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Inserts or replaces the member's settings. */
    public void save(NudgeSettings s) {
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE nudge_settings SET send_day = ?, send_hour = ?, "
                    + "zone_id = ?, enabled = ?, paused_until = ?, disabled_reason = ?, disabled_detail = ?, schedule_from = ?, "
                    + "updated_at = ? WHERE guild_id = ? AND member_id = ?")) {
                bindSettings(update, s, 1);
                update.setString(10, s.guildId());
                update.setString(11, s.memberId());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            // A concurrent insert of the same key fails this one; Jdbc.transaction retries and the UPDATE wins.
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO nudge_settings (" + SETTINGS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, s.guildId());
                insert.setString(2, s.memberId());
                bindSettings(insert, s, 3);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static void bindSettings(PreparedStatement ps, NudgeSettings s, int first) throws SQLException {
        ps.setInt(first, s.schedule().day().getValue());
        ps.setInt(first + 1, s.schedule().hour());
        ps.setString(first + 2, s.schedule().zone().getId());
        ps.setBoolean(first + 3, s.enabled());
        ps.setObject(first + 4, s.pausedUntil().map(Jdbc::utc).orElse(null));
        ps.setString(first + 5, s.disabledReason().orElse(null));
        ps.setString(
                first + 6,
                s.disabledDetail()
                        .map(d -> d.length() > 300 ? d.substring(0, 300) : d)
                        .orElse(null));
        ps.setObject(first + 7, Jdbc.utc(s.scheduleFrom()));
        ps.setObject(first + 8, Jdbc.utc(s.updatedAt()));
    }

    /** @return whether the member had nudges on */
    public boolean disable(String guildId, String memberId, String reason, String detail, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE nudge_settings SET enabled = FALSE, disabled_reason = ?, "
                            + "disabled_detail = ?, updated_at = ? WHERE guild_id = ? AND member_id = ? AND enabled = TRUE")) {
                ps.setString(1, reason);
                ps.setString(2, detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail);
                ps.setObject(3, Jdbc.utc(now));
                ps.setString(4, guildId);
                ps.setString(5, memberId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** @return false when the member has no enabled nudge to pause */
    public boolean pause(String guildId, String memberId, Instant until, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE nudge_settings SET paused_until = ?, updated_at = ? "
                    + "WHERE guild_id = ? AND member_id = ? AND enabled = TRUE")) {
                ps.setObject(1, Jdbc.utc(until));
                ps.setObject(2, Jdbc.utc(now));
                ps.setString(3, guildId);
                ps.setString(4, memberId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The settings of every member with nudges on, for reconciling Quartz with this table. */
    public List<NudgeSettings> enabledSettings() {
        return Jdbc.read(dataSource, c -> {
            List<NudgeSettings> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT " + SETTINGS_COLUMNS + " FROM nudge_settings WHERE enabled = TRUE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(settings(rs));
                }
            }
            return all;
        });
    }

    private static NudgeSettings settings(ResultSet rs) throws SQLException {
        WeeklySchedule schedule = new WeeklySchedule(
                DayOfWeek.of(rs.getInt("send_day")), rs.getInt("send_hour"), ZoneId.of(rs.getString("zone_id")));
        return new NudgeSettings(
                rs.getString("guild_id"),
                rs.getString("member_id"),
                schedule,
                rs.getBoolean("enabled"),
                Optional.ofNullable(Jdbc.instant(rs, "paused_until")),
                Optional.ofNullable(rs.getString("disabled_reason")),
                Optional.ofNullable(rs.getString("disabled_detail")),
                Jdbc.instant(rs, "schedule_from"),
                Jdbc.instant(rs, "updated_at"));
    }

    // ---- sent-log ----

    /** The outcome of trying to claim a member's week. */
    public record Claim(boolean claimed, boolean takeover, Optional<SentLog> existing) {}

    /**
     * Claims the member's ISO week for {@code claimer}, in one transaction: a new row in the
     * claimed state, or the takeover of a claim whose claimer is not {@code alive} (it
     * died between claiming and recording the outcome), at most {@link #MAX_TAKEOVERS} times.
     * Anything else (sent, failed, missed, or claimed by a live instance) is not claimable: the
     * caller sends nothing.
     */
    public Claim claim(
            String guildId,
            String memberId,
            String week,
            Instant due,
            String claimer,
            Predicate<String> alive,
            Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            if (insertRow(c, guildId, memberId, week, due, SentLog.CLAIMED, claimer, now)) {
                return new Claim(true, false, Optional.empty());
            }
            SentLog row = sentLog(c, guildId, memberId, week, true)
                    .orElseThrow(() -> new SQLException("sent-log row vanished while claiming", "40001"));
            if (!row.state().equals(SentLog.CLAIMED)
                    || alive.test(row.claimedBy())
                    || row.takeovers() >= MAX_TAKEOVERS) {
                return new Claim(false, false, Optional.of(row));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE nudge_sent SET claimed_by = ?, claimed_at = ?, "
                    + "takeovers = takeovers + 1 WHERE guild_id = ? AND member_id = ? AND iso_week = ? AND state = ? "
                    + "AND claimed_by = ? AND takeovers = ?")) {
                ps.setString(1, claimer);
                ps.setObject(2, Jdbc.utc(now));
                ps.setString(3, guildId);
                ps.setString(4, memberId);
                ps.setString(5, week);
                ps.setString(6, SentLog.CLAIMED);
                ps.setString(7, row.claimedBy());
                ps.setInt(8, row.takeovers());
                boolean won = ps.executeUpdate() == 1;
                return new Claim(won, won, Optional.of(row));
            }
        });
    }

    /** Records a nudge skipped because it was due longer ago than the grace period; no-op if the week has a row. */
    public boolean recordMissed(
            String guildId, String memberId, String week, Instant due, String instance, Instant now) {
        return Jdbc.transaction(
                dataSource, c -> insertRow(c, guildId, memberId, week, due, SentLog.MISSED, instance, now));
    }

    /**
     * Records how the claimed week ended, only if {@code claimer} still holds the claim.
     *
     * @return false when the claim was lost (taken over, or the member deleted their data meanwhile)
     */
    public boolean finish(
            String guildId,
            String memberId,
            String week,
            String claimer,
            String state,
            int attempts,
            String via,
            String detail,
            Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE nudge_sent SET state = ?, attempts = ?, delivered_via = ?, "
                            + "detail = ?, finished_at = ? WHERE guild_id = ? AND member_id = ? AND iso_week = ? AND state = ? "
                            + "AND claimed_by = ?")) {
                ps.setString(1, state);
                ps.setInt(2, attempts);
                ps.setString(3, via);
                ps.setString(4, detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail);
                ps.setObject(5, Jdbc.utc(now));
                ps.setString(6, guildId);
                ps.setString(7, memberId);
                ps.setString(8, week);
                ps.setString(9, SentLog.CLAIMED);
                ps.setString(10, claimer);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<SentLog> sentLog(String guildId, String memberId, String week) {
        return Jdbc.read(dataSource, c -> sentLog(c, guildId, memberId, week, false));
    }

    /** The member's most recent sent-log row (by due time), if any. */
    public Optional<SentLog> latest(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS
                    + " FROM nudge_sent WHERE guild_id = ? " + "AND member_id = ? ORDER BY due_at DESC LIMIT 1")) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(sentLog(rs)) : Optional.empty();
                }
            }
        });
    }

    private static boolean insertRow(
            Connection c,
            String guildId,
            String memberId,
            String week,
            Instant due,
            String state,
            String instance,
            Instant now)
            throws SQLException {
        // ON CONFLICT DO NOTHING: PostgreSQL, and H2 in PostgreSQL mode. A unique violation would abort
        // a PostgreSQL transaction; this way the existing row is simply left alone.
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO nudge_sent (guild_id, member_id, iso_week, due_at, "
                        + "state, claimed_by, claimed_at, takeovers, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")) {
            ps.setString(1, guildId);
            ps.setString(2, memberId);
            ps.setString(3, week);
            ps.setObject(4, Jdbc.utc(due));
            ps.setString(5, state);
            ps.setString(6, instance);
            ps.setObject(7, Jdbc.utc(now));
            return ps.executeUpdate() == 1;
        }
    }

    private static Optional<SentLog> sentLog(Connection c, String guildId, String memberId, String week, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS + " FROM nudge_sent WHERE guild_id = ? "
                + "AND member_id = ? AND iso_week = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, guildId);
            ps.setString(2, memberId);
            ps.setString(3, week);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(sentLog(rs)) : Optional.empty();
            }
        }
    }

    private static SentLog sentLog(ResultSet rs) throws SQLException {
        return new SentLog(
                rs.getString("guild_id"),
                rs.getString("member_id"),
                rs.getString("iso_week"),
                Jdbc.instant(rs, "due_at"),
                rs.getString("state"),
                rs.getString("claimed_by"),
                Jdbc.instant(rs, "claimed_at"),
                rs.getInt("takeovers"),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("delivered_via")),
                Optional.ofNullable(rs.getString("detail")),
                Optional.ofNullable(Jdbc.instant(rs, "finished_at")));
    }
}
