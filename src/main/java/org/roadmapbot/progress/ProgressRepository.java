package org.roadmapbot.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;

/**
 * Progress storage with plain JDBC, always keyed by (guild_id, member_id) so one server never
 * reads or writes another's rows. Every change updates the current state and appends a
 * progress_event in the same transaction; a method returns only after its commit.
 */
public final class ProgressRepository {

    private static final String SELECT_TRACK =
            "SELECT track_id, pace_id, started_at FROM member_track WHERE guild_id = ? AND member_id = ?";
    private static final String SELECT_TOPICS =
            "SELECT topic_id, state, updated_at FROM topic_progress WHERE guild_id = ? AND member_id = ?";
    private static final String SELECT_TOPIC_FOR_UPDATE =
            "SELECT state FROM topic_progress WHERE guild_id = ? AND member_id = ? AND topic_id = ? FOR UPDATE";
    private static final String UPDATE_TOPIC =
            "UPDATE topic_progress SET state = ?, updated_at = ? WHERE guild_id = ? AND member_id = ? AND topic_id = ?";
    private static final String INSERT_TOPIC =
            "INSERT INTO topic_progress (guild_id, member_id, topic_id, state, updated_at) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_TOPIC =
            "DELETE FROM topic_progress WHERE guild_id = ? AND member_id = ? AND topic_id = ?";
    private static final String INSERT_EVENT =
            "INSERT INTO progress_event (guild_id, member_id, kind, topic_id, previous_state, track_id, pace_id, occurred_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_EVENTS =
            "SELECT event_id, kind, topic_id, previous_state, track_id, pace_id, occurred_at FROM progress_event"
                    + " WHERE guild_id = ? AND member_id = ? ORDER BY event_id";

    private final DataSource dataSource;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    public ProgressRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Derived data that must commit or roll back with every progress change (leaderboard scores):
     * called inside the change's transaction, after its events are written.
     */
    public interface ChangeListener {
        /** @param events the events just written (event id 0: not read back) */
        void recorded(Connection connection, List<ProgressEvent> events) throws SQLException;
    }

    /** Registers a listener; call while wiring, before the first change. */
    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    private void notifyListeners(Connection c, List<ProgressEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        for (ChangeListener listener : listeners) {
            listener.recorded(c, events);
        }
    }

    /** The member's enrollment and topic states (empty progress if they never started). */
    public MemberProgress load(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            Optional<Enrollment> enrollment = enrollment(c, guildId, memberId);
            Map<String, TopicMark> topics = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_TOPICS)) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String topic = rs.getString("topic_id");
                        topics.put(
                                topic,
                                new TopicMark(
                                        topic,
                                        TopicState.fromDb(rs.getString("state")),
                                        Jdbc.instant(rs, "updated_at")));
                    }
                }
            }
            return new MemberProgress(guildId, memberId, enrollment, topics);
        });
    }

    public Optional<Enrollment> enrollment(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> enrollment(c, guildId, memberId));
    }

    /**
     * Sets the member's track and pace. A first start records {@code now} as the start date;
     * a later one switches track or pace and keeps the start date and every topic state.
     *
     * @return the enrollment before the change, if any
     */
    public Optional<Enrollment> start(String guildId, String memberId, String trackId, String paceId, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            Optional<Enrollment> before = enrollmentForUpdate(c, guildId, memberId);
            if (before.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE member_track SET track_id = ?, pace_id = ?, updated_at = ? WHERE guild_id = ? AND member_id = ?")) {
                    ps.setString(1, trackId);
                    ps.setString(2, paceId);
                    ps.setObject(3, Jdbc.utc(now));
                    ps.setString(4, guildId);
                    ps.setString(5, memberId);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO member_track (guild_id, member_id, track_id, pace_id, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, guildId);
                    ps.setString(2, memberId);
                    ps.setString(3, trackId);
                    ps.setString(4, paceId);
                    ps.setObject(5, Jdbc.utc(now));
                    ps.setObject(6, Jdbc.utc(now));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement event = c.prepareStatement(INSERT_EVENT)) {
                addEvent(event, guildId, memberId, ProgressEvent.START, null, null, trackId, paceId, now);
                event.executeUpdate();
            }
            notifyListeners(
                    c,
                    List.of(new ProgressEvent(
                            0, guildId, memberId, ProgressEvent.START, null, null, trackId, paceId, now)));
            return before;
        });
    }

    /** Applies one change; see {@link #apply(List, Instant)}. */
    public Optional<TopicState> apply(TopicChange change, Instant now) {
        return apply(List.of(change), now).get(0);
    }

    /**
     * Applies the changes in order, in one transaction (one commit for the lot: this is how
     * batches and group commits reach thousands of writes per second with WRITE_DELAY=0).
     * A change to the state a topic already has writes nothing.
     *
     * @return for each change, the topic's state before it
     */
    public List<Optional<TopicState>> apply(List<TopicChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return List.of();
        }
        return Jdbc.transaction(dataSource, c -> {
            List<Optional<TopicState>> before = new ArrayList<>(changes.size());
            List<ProgressEvent> recorded = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_TOPIC_FOR_UPDATE);
                    PreparedStatement update = c.prepareStatement(UPDATE_TOPIC);
                    PreparedStatement insert = c.prepareStatement(INSERT_TOPIC);
                    PreparedStatement delete = c.prepareStatement(DELETE_TOPIC);
                    PreparedStatement event = c.prepareStatement(INSERT_EVENT)) {
                for (TopicChange change : changes) {
                    Optional<TopicState> previous = currentState(select, change);
                    before.add(previous);
                    if (previous.equals(change.newState())) {
                        continue;
                    }
                    if (change.newState().isEmpty()) {
                        keyed(delete, 1, change).executeUpdate();
                    } else if (previous.isPresent()) {
                        update.setString(1, change.newState().get().dbValue());
                        update.setObject(2, Jdbc.utc(now));
                        keyed(update, 3, change).executeUpdate();
                    } else {
                        keyed(insert, 1, change);
                        insert.setString(4, change.newState().get().dbValue());
                        insert.setObject(5, Jdbc.utc(now));
                        insert.executeUpdate();
                    }
                    addEvent(
                            event,
                            change.guildId(),
                            change.memberId(),
                            change.eventKind(),
                            change.topicId(),
                            previous.map(TopicState::dbValue).orElse(null),
                            null,
                            null,
                            now);
                    event.addBatch();
                    recorded.add(new ProgressEvent(
                            0,
                            change.guildId(),
                            change.memberId(),
                            change.eventKind(),
                            change.topicId(),
                            previous.map(TopicState::dbValue).orElse(null),
                            null,
                            null,
                            now));
                }
                event.executeBatch();
            }
            notifyListeners(c, recorded);
            return before;
        });
    }

    /** The member's history, oldest first. */
    public List<ProgressEvent> events(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            List<ProgressEvent> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS)) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new ProgressEvent(
                                rs.getLong("event_id"),
                                guildId,
                                memberId,
                                rs.getString("kind"),
                                rs.getString("topic_id"),
                                rs.getString("previous_state"),
                                rs.getString("track_id"),
                                rs.getString("pace_id"),
                                Jdbc.instant(rs, "occurred_at")));
                    }
                }
            }
            return events;
        });
    }

    /** Whether the member asked to be left out of leaderboards (default: shown). */
    public boolean leaderboardHidden(String guildId, String memberId) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT leaderboard_hidden FROM member_settings WHERE guild_id = ? AND member_id = ?")) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** @return the previous value */
    public boolean setLeaderboardHidden(String guildId, String memberId, boolean hidden, Instant now) {
        return Jdbc.transaction(dataSource, c -> {
            boolean before = false;
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT leaderboard_hidden FROM member_settings WHERE guild_id = ? AND member_id = ? FOR UPDATE")) {
                ps.setString(1, guildId);
                ps.setString(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                    before = exists && rs.getBoolean(1);
                }
            }
            if (before == hidden) {
                return before; // already so: a no-op writes nothing (no row, no new updated_at)
            }
            String sql = exists
                    ? "UPDATE member_settings SET leaderboard_hidden = ?, updated_at = ? WHERE guild_id = ? AND member_id = ?"
                    : "INSERT INTO member_settings (leaderboard_hidden, updated_at, guild_id, member_id) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBoolean(1, hidden);
                ps.setObject(2, Jdbc.utc(now));
                ps.setString(3, guildId);
                ps.setString(4, memberId);
                ps.executeUpdate();
            }
            return before;
        });
    }

    private static Optional<Enrollment> enrollment(Connection c, String guildId, String memberId) throws SQLException {
        return readEnrollment(c, SELECT_TRACK, guildId, memberId);
    }

    private static Optional<Enrollment> enrollmentForUpdate(Connection c, String guildId, String memberId)
            throws SQLException {
        return readEnrollment(c, SELECT_TRACK + " FOR UPDATE", guildId, memberId);
    }

    private static Optional<Enrollment> readEnrollment(Connection c, String sql, String guildId, String memberId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, guildId);
            ps.setString(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Enrollment(
                                rs.getString("track_id"), rs.getString("pace_id"), Jdbc.instant(rs, "started_at")))
                        : Optional.empty();
            }
        }
    }

    private static Optional<TopicState> currentState(PreparedStatement select, TopicChange change) throws SQLException {
        keyed(select, 1, change);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(TopicState.fromDb(rs.getString(1))) : Optional.empty();
        }
    }

    /** Binds guild, member, topic at {@code from}, {@code from + 1}, {@code from + 2}. */
    private static PreparedStatement keyed(PreparedStatement ps, int from, TopicChange change) throws SQLException {
        ps.setString(from, change.guildId());
        ps.setString(from + 1, change.memberId());
        ps.setString(from + 2, change.topicId());
        return ps;
    }

    private static void addEvent(
            PreparedStatement ps,
            String guildId,
            String memberId,
            String kind,
            String topicId,
            String previousState,
            String trackId,
            String paceId,
            Instant at)
            throws SQLException {
        ps.setString(1, guildId);
        ps.setString(2, memberId);
        ps.setString(3, kind);
        ps.setString(4, topicId);
        ps.setString(5, previousState);
        ps.setString(6, trackId);
        ps.setString(7, paceId);
        ps.setObject(8, Jdbc.utc(at));
    }
}
