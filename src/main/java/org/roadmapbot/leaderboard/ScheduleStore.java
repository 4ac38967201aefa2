package org.roadmapbot.leaderboard;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;

/** The weekly post of each server (leaderboard_schedule) and posts that failed (leaderboard_post_failure). */
public final class ScheduleStore {

    private final DataSource dataSource;

    public ScheduleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A server's weekly post; {@code moderatorId} set it up and hears about failures, or is null once
     * they deleted their data (the post belongs to the server and goes on).
     */
    public record Schedule(
            String guildId,
            String channelId,
            DayOfWeek day,
            int hour,
            ZoneId zone,
            String moderatorId,
            Instant createdAt) {}

    /** A post that could not be made. */
    public record Failure(
            String guildId,
            String moderatorId,
            String channelId,
            boolean scheduled,
            String reason,
            String detail,
            boolean notified,
            Instant at) {}

    public Optional<Schedule> find(String guildId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT guild_id, channel_id, day_of_week, hour_of_day, zone_id,"
                            + " member_id, created_at FROM leaderboard_schedule WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<Schedule> all() {
        return Jdbc.read(dataSource, c -> {
            List<Schedule> all = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT guild_id, channel_id, day_of_week, hour_of_day, zone_id,"
                                    + " member_id, created_at FROM leaderboard_schedule ORDER BY guild_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(schedule(rs));
                }
            }
            return all;
        });
    }

    /** Creates or replaces the server's schedule. */
    public void save(Schedule s) {
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM leaderboard_schedule WHERE guild_id = ?")) {
                del.setString(1, s.guildId());
                del.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO leaderboard_schedule (guild_id, channel_id, day_of_week,"
                            + " hour_of_day, zone_id, member_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, s.guildId());
                ps.setString(2, s.channelId());
                ps.setString(3, s.day().name());
                ps.setInt(4, s.hour());
                ps.setString(5, s.zone().getId());
                ps.setString(6, s.moderatorId());
                ps.setObject(7, Jdbc.utc(s.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return whether there was one */
    public boolean delete(String guildId) {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM leaderboard_schedule WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public void recordFailure(Failure f) {
        Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO leaderboard_post_failure (guild_id, member_id, channel_id,"
                            + " scheduled, reason, detail, notified, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, f.guildId());
                ps.setString(2, f.moderatorId());
                ps.setString(3, f.channelId());
                ps.setBoolean(4, f.scheduled());
                ps.setString(5, f.reason());
                ps.setString(6, f.detail().length() > 500 ? f.detail().substring(0, 500) : f.detail());
                ps.setBoolean(7, f.notified());
                ps.setObject(8, Jdbc.utc(f.at()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A server's failed posts, newest first. */
    public List<Failure> failures(String guildId) {
        return Jdbc.read(dataSource, c -> {
            List<Failure> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT guild_id, member_id, channel_id, scheduled, reason, detail,"
                            + " notified, occurred_at FROM leaderboard_post_failure WHERE guild_id = ? ORDER BY occurred_at DESC, failure_id DESC")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(new Failure(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                Jdbc.instant(rs, "occurred_at")));
                    }
                }
            }
            return all;
        });
    }

    private static Schedule schedule(ResultSet rs) throws java.sql.SQLException {
        return new Schedule(
                rs.getString(1),
                rs.getString(2),
                DayOfWeek.valueOf(rs.getString(3)),
                rs.getInt(4),
                ZoneId.of(rs.getString(5)),
                rs.getString(6),
                Jdbc.instant(rs, "created_at"));
    }
}
