package org.roadmapbot.leaderboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.roadmapbot.db.Jdbc;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.progress.Enrollment;
import org.roadmapbot.progress.MemberProgress;
import org.roadmapbot.progress.ProgressEvent;
import org.roadmapbot.progress.ProgressReport;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.TopicMark;
import org.roadmapbot.progress.TopicState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaderboard scores, kept in the database in the same transaction as every progress change, so
 * ranking 100,000 members is an index walk instead of an aggregate over a year of events (on
 * H2, a GROUP BY over one week of 100,000 members' events took seconds). Derived entirely from
 * progress_event / topic_progress / member_track, so {@link #rebuild} can recreate it at any time.
 *
 * <p>Counting: a "done" event adds one to its week, its month; any other event whose previous state
 * was done (undo, skip, studying) takes one away from the period it happens in. All time is the
 * number of topics done now. {@code reached_at}: when the member last added to the count (all
 * time: their latest completion still done); ties rank the earlier first.
 */
public final class ScoreStore implements ProgressRepository.ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreStore.class);
    private static final String DONE = TopicState.DONE.dbValue();

    private final DataSource dataSource;
    private final Map<String, java.util.concurrent.atomic.AtomicLong> versions =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final KnowledgeBase kb;
    private final ZoneId zone;
    private final Clock clock;

    public ScoreStore(DataSource dataSource, KnowledgeBase kb, ZoneId zone, Clock clock) {
        this.dataSource = dataSource;
        this.kb = kb;
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** One ranked row. */
    public record Score(String memberId, int completed, Instant reachedAt) {}

    /** A member's place on the roadmap, for the group view. */
    public record Standing(String paceId, Instant startedAt, int phaseNumber, int percent) {}

    // ---- kept with every change ----

    @Override
    public void recorded(Connection c, List<ProgressEvent> events) throws SQLException {
        Map<List<String>, int[]> deltas = new LinkedHashMap<>();
        Map<List<String>, Instant> reached = new HashMap<>();
        Set<List<String>> members = new java.util.LinkedHashSet<>();
        for (ProgressEvent e : events) {
            members.add(List.of(e.guildId(), e.memberId()));
            int delta = delta(e.kind(), e.previousState());
            if (delta == 0) {
                continue;
            }
            for (String key : List.of(Period.weekKey(e.occurredAt(), zone), Period.monthKey(e.occurredAt(), zone))) {
                List<String> id = List.of(e.guildId(), key, e.memberId());
                deltas.computeIfAbsent(id, k -> new int[1])[0] += delta;
                if (delta > 0) {
                    reached.merge(id, e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        Instant now = events.get(events.size() - 1).occurredAt();
        members.forEach(m -> bump(m.get(0)));
        for (Map.Entry<List<String>, int[]> d : deltas.entrySet()) {
            List<String> id = d.getKey();
            addToScore(c, id.get(0), id.get(1), id.get(2), d.getValue()[0], reached.get(id), now);
        }
        for (List<String> m : members) {
            refreshMember(c, m.get(0), m.get(1), now);
        }
    }

    /**
     * Changes whenever this process writes scores of the server: cached figures computed at another
     * version are stale. (Writes by other processes of a cluster are not seen: caches also expire.)
     */
    public long version(String guildId) {
        return versions.computeIfAbsent(guildId, g -> new java.util.concurrent.atomic.AtomicLong())
                .get();
    }

    private void bump(String guildId) {
        versions.computeIfAbsent(guildId, g -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
    }

    /** +1 for a completion, -1 for leaving "done", 0 otherwise. */
    static int delta(String kind, String previousState) {
        if (DONE.equals(kind)) {
            return DONE.equals(previousState) ? 0 : 1;
        }
        return DONE.equals(previousState) ? -1 : 0;
    }

    private static void addToScore(
            Connection c, String guild, String key, String member, int delta, Instant reachedAt, Instant now)
            throws SQLException {
        String sql = reachedAt == null
                ? "UPDATE leaderboard_score SET completed = completed + ? WHERE guild_id = ? AND period_key = ? AND member_id = ?"
                : "UPDATE leaderboard_score SET completed = completed + ?, reached_at = ? WHERE guild_id = ? AND period_key = ? AND member_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setInt(i++, delta);
            if (reachedAt != null) {
                ps.setObject(i++, Jdbc.utc(reachedAt));
            }
            ps.setString(i++, guild);
            ps.setString(i++, key);
            ps.setString(i, member);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        insertScore(c, guild, key, member, delta, reachedAt == null ? now : reachedAt);
    }

    private static void insertScore(
            Connection c, String guild, String key, String member, int completed, Instant reachedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO leaderboard_score (guild_id, period_key, member_id, completed, reached_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, guild);
            ps.setString(2, key);
            ps.setString(3, member);
            ps.setInt(4, completed);
            ps.setObject(5, Jdbc.utc(reachedAt));
            ps.executeUpdate();
        }
    }

    /** Recomputes the member's all-time row and standing from their current state (at most one track's topics). */
    private void refreshMember(Connection c, String guild, String member, Instant now) throws SQLException {
        Optional<Enrollment> enrollment = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT track_id, pace_id, started_at FROM member_track WHERE guild_id = ? AND member_id = ?")) {
            ps.setString(1, guild);
            ps.setString(2, member);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    enrollment = Optional.of(
                            new Enrollment(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "started_at")));
                }
            }
        }
        Map<String, TopicMark> topics = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT topic_id, state, updated_at FROM topic_progress WHERE guild_id = ? AND member_id = ?")) {
            ps.setString(1, guild);
            ps.setString(2, member);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String topic = rs.getString(1);
                    topics.put(
                            topic,
                            new TopicMark(topic, TopicState.fromDb(rs.getString(2)), Jdbc.instant(rs, "updated_at")));
                }
            }
        }
        // Update in place when the row exists (the common case): fewer index writes than delete + insert.
        AllTime all = AllTime.of(topics.values());
        if (all.done == 0) {
            delete(
                    c,
                    "DELETE FROM leaderboard_score WHERE guild_id = ? AND period_key = '" + Period.ALL_KEY
                            + "' AND member_id = ?",
                    guild,
                    member);
        } else if (!updateAllTime(c, guild, member, all)) {
            insertScore(c, guild, Period.ALL_KEY, member, all.done, all.reachedAt);
        }
        if (enrollment.isEmpty()) {
            delete(c, "DELETE FROM leaderboard_member WHERE guild_id = ? AND member_id = ?", guild, member);
            return;
        }
        Standing s = standing(new MemberProgress(guild, member, enrollment, topics), now);
        if (!updateStanding(c, guild, member, s)) {
            insertStanding(c, guild, member, s);
        }
    }

    private static boolean updateAllTime(Connection c, String guild, String member, AllTime all) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE leaderboard_score SET completed = ?, reached_at = ?"
                + " WHERE guild_id = ? AND period_key = '" + Period.ALL_KEY + "' AND member_id = ?")) {
            ps.setInt(1, all.done);
            ps.setObject(2, Jdbc.utc(all.reachedAt));
            ps.setString(3, guild);
            ps.setString(4, member);
            return ps.executeUpdate() > 0;
        }
    }

    private static boolean updateStanding(Connection c, String guild, String member, Standing s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE leaderboard_member SET pace_id = ?, started_at = ?,"
                + " phase_number = ?, percent = ? WHERE guild_id = ? AND member_id = ?")) {
            ps.setString(1, s.paceId());
            ps.setObject(2, Jdbc.utc(s.startedAt()));
            ps.setInt(3, s.phaseNumber());
            ps.setInt(4, s.percent());
            ps.setString(5, guild);
            ps.setString(6, member);
            return ps.executeUpdate() > 0;
        }
    }

    private Standing standing(MemberProgress progress, Instant now) {
        ProgressReport r = ProgressReport.of(kb, progress, now).orElseThrow();
        return new Standing(
                r.pace().id(),
                progress.enrollment().orElseThrow().startedAt(),
                r.currentPhase().map(p -> p.number()).orElse(0),
                r.percent());
    }

    private static void insertStanding(Connection c, String guild, String member, Standing s) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO leaderboard_member (guild_id, member_id, pace_id, started_at,"
                        + " phase_number, percent) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, guild);
            ps.setString(2, member);
            ps.setString(3, s.paceId());
            ps.setObject(4, Jdbc.utc(s.startedAt()));
            ps.setInt(5, s.phaseNumber());
            ps.setInt(6, s.percent());
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String sql, String guild, String member) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, guild);
            ps.setString(2, member);
            ps.executeUpdate();
        }
    }

    /** Done count and latest completion still done. */
    private record AllTime(int done, Instant reachedAt) {
        static AllTime of(Collection<TopicMark> marks) {
            int done = 0;
            Instant latest = null;
            for (TopicMark m : marks) {
                if (m.state() == TopicState.DONE) {
                    done++;
                    latest = latest == null || m.since().isAfter(latest) ? m.since() : latest;
                }
            }
            return new AllTime(done, latest);
        }
    }

    // ---- rebuild ----

    /**
     * Rebuilds every score and standing from the progress tables when they were never built (an
     * existing database meets V4) or were built for another zone. Idempotent; safe with several
     * processes (the meta row is locked).
     *
     * @return true if it rebuilt
     */
    public boolean ensureBuilt() {
        return Jdbc.transaction(dataSource, c -> {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT zone_id FROM leaderboard_meta WHERE id = 1 FOR UPDATE");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(zone.getId())) {
                    return false;
                }
            }
            long start = System.nanoTime();
            rebuild(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM leaderboard_meta");
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO leaderboard_meta (id, zone_id) VALUES (1, ?)")) {
                ps.setString(1, zone.getId());
                ps.executeUpdate();
            }
            LOG.info(
                    "leaderboard scores built from the progress history in {} ms (zone {})",
                    (System.nanoTime() - start) / 1_000_000,
                    zone.getId());
            return true;
        });
    }

    /** Forces a rebuild (benchmarks seed progress tables directly). */
    public void rebuild() {
        Jdbc.transaction(dataSource, c -> {
            rebuild(c);
            return null;
        });
    }

    private void rebuild(Connection c) throws SQLException {
        Instant now = clock.instant();
        versions.values().forEach(java.util.concurrent.atomic.AtomicLong::incrementAndGet);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM leaderboard_score");
            s.executeUpdate("DELETE FROM leaderboard_member");
        }
        // Weeks and months: only the periods a leaderboard can still show need the events.
        LocalDate lastWeek = Period.monday(now, zone).minusWeeks(1);
        LocalDate lastMonth = now.atZone(zone).toLocalDate().withDayOfMonth(1).minusMonths(1);
        Instant since = (lastWeek.isBefore(lastMonth) ? lastWeek : lastMonth)
                .atStartOfDay(zone)
                .toInstant();
        String oldestWeek = "w" + lastWeek;
        String oldestMonth = Period.monthKey(lastMonth.atStartOfDay(zone).toInstant(), zone);
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        Map<List<String>, Instant> reached = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT guild_id, member_id, kind, previous_state, occurred_at"
                + " FROM progress_event WHERE occurred_at >= ? ORDER BY event_id")) {
            ps.setObject(1, Jdbc.utc(since));
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int delta = delta(rs.getString(3), rs.getString(4));
                    if (delta == 0) {
                        continue;
                    }
                    Instant at = Jdbc.instant(rs, "occurred_at");
                    for (String key : List.of(Period.weekKey(at, zone), Period.monthKey(at, zone))) {
                        if (key.compareTo(key.startsWith("w") ? oldestWeek : oldestMonth) < 0) {
                            continue; // a period no board shows, and only partly read
                        }
                        List<String> id = List.of(rs.getString(1), key, rs.getString(2));
                        counts.computeIfAbsent(id, k -> new int[1])[0] += delta;
                        if (delta > 0) {
                            reached.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
                        }
                    }
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO leaderboard_score (guild_id, period_key, member_id, completed, reached_at) VALUES (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<List<String>, int[]> e : counts.entrySet()) {
                List<String> id = e.getKey();
                insert.setString(1, id.get(0));
                insert.setString(2, id.get(1));
                insert.setString(3, id.get(2));
                insert.setInt(4, e.getValue()[0]);
                insert.setObject(5, Jdbc.utc(reached.getOrDefault(id, since)));
                insert.addBatch();
                if (++batched % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        rebuildMembers(c, now);
    }

    /** All-time rows and standings: one pass over topic_progress in key order, enrollments in memory. */
    private void rebuildMembers(Connection c, Instant now) throws SQLException {
        Map<List<String>, Enrollment> enrolled = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT guild_id, member_id, track_id, pace_id, started_at FROM member_track")) {
            while (rs.next()) {
                enrolled.put(
                        List.of(rs.getString(1), rs.getString(2)),
                        new Enrollment(rs.getString(3), rs.getString(4), Jdbc.instant(rs, "started_at")));
            }
        }
        try (PreparedStatement all = c.prepareStatement(
                        "INSERT INTO leaderboard_score (guild_id, period_key, member_id, completed, reached_at) VALUES (?, '"
                                + Period.ALL_KEY + "', ?, ?, ?)");
                PreparedStatement standing =
                        c.prepareStatement("INSERT INTO leaderboard_member (guild_id, member_id, pace_id,"
                                + " started_at, phase_number, percent) VALUES (?, ?, ?, ?, ?, ?)");
                Statement s = c.createStatement()) {
            s.setFetchSize(5000);
            Batch batch = new Batch(all, standing);
            try (ResultSet rs =
                    s.executeQuery("SELECT guild_id, member_id, topic_id, state, updated_at FROM topic_progress"
                            + " ORDER BY guild_id, member_id")) {
                List<String> current = null;
                Map<String, TopicMark> topics = new HashMap<>();
                while (rs.next()) {
                    List<String> id = List.of(rs.getString(1), rs.getString(2));
                    if (!id.equals(current)) {
                        if (current != null) {
                            batch.member(current, enrolled.remove(current), topics, now);
                        }
                        current = id;
                        topics = new HashMap<>();
                    }
                    String topic = rs.getString(3);
                    topics.put(
                            topic,
                            new TopicMark(topic, TopicState.fromDb(rs.getString(4)), Jdbc.instant(rs, "updated_at")));
                }
                if (current != null) {
                    batch.member(current, enrolled.remove(current), topics, now);
                }
            }
            for (Map.Entry<List<String>, Enrollment> e : enrolled.entrySet()) {
                batch.member(e.getKey(), e.getValue(), Map.of(), now);
            }
            batch.flush();
        }
    }

    /** Batched inserts of all-time rows and standings during a rebuild. */
    private final class Batch {
        private final PreparedStatement all;
        private final PreparedStatement standing;
        private int pending;

        Batch(PreparedStatement all, PreparedStatement standing) {
            this.all = all;
            this.standing = standing;
        }

        void member(List<String> id, Enrollment enrollment, Map<String, TopicMark> topics, Instant now)
                throws SQLException {
            AllTime a = AllTime.of(topics.values());
            if (a.done > 0) {
                all.setString(1, id.get(0));
                all.setString(2, id.get(1));
                all.setInt(3, a.done);
                all.setObject(4, Jdbc.utc(a.reachedAt));
                all.addBatch();
                pending++;
            }
            if (enrollment != null) {
                Standing s = standing(new MemberProgress(id.get(0), id.get(1), Optional.of(enrollment), topics), now);
                standing.setString(1, id.get(0));
                standing.setString(2, id.get(1));
                standing.setString(3, s.paceId());
                standing.setObject(4, Jdbc.utc(s.startedAt()));
                standing.setInt(5, s.phaseNumber());
                standing.setInt(6, s.percent());
                standing.addBatch();
                pending++;
            }
            if (pending >= 5000) {
                flush();
            }
        }

        void flush() throws SQLException {
            all.executeBatch();
            standing.executeBatch();
            pending = 0;
        }
    }

    /** Deletes week and month rows older than any leaderboard shows (last week, this month). */
    public int prune(String guildId, Instant now) {
        String oldestWeek = Period.weekKey(now.atZone(zone).minusWeeks(1).toInstant(), zone);
        String oldestMonth = Period.monthKey(now.atZone(zone).minusMonths(1).toInstant(), zone);
        return Jdbc.transaction(dataSource, c -> {
            int deleted = 0;
            for (String[] range : new String[][] {{"w", oldestWeek}, {"m", oldestMonth}}) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM leaderboard_score WHERE guild_id = ? AND period_key >= ? AND period_key < ?")) {
                    ps.setString(1, guildId);
                    ps.setString(2, range[0]);
                    ps.setString(3, range[1]);
                    deleted += ps.executeUpdate();
                }
            }
            return deleted;
        });
    }

    // ---- reads ----

    /** Ranked rows with a positive count, best first, from {@code offset}. */
    public List<Score> page(String guildId, String key, int offset, int limit) {
        return Jdbc.read(dataSource, c -> {
            List<Score> scores = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT member_id, completed, reached_at FROM leaderboard_score"
                            + " WHERE guild_id = ? AND period_key = ? AND completed > 0"
                            // The constant key columns lead the ORDER BY so H2 reads the rank index in order
                            // ("index sorted") instead of sorting every ranked row.
                            + " ORDER BY guild_id, period_key, completed DESC, reached_at, member_id LIMIT ? OFFSET ?")) {
                ps.setString(1, guildId);
                ps.setString(2, key);
                ps.setInt(3, limit);
                ps.setInt(4, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        scores.add(new Score(rs.getString(1), rs.getInt(2), Jdbc.instant(rs, "reached_at")));
                    }
                }
            }
            return scores;
        });
    }

    public Optional<Score> score(String guildId, String key, String memberId) {
        return scores(guildId, key, List.of(memberId)).stream().findFirst();
    }

    /**
     * The rows of these members (any count). One primary-key lookup per member: H2 answers
     * {@code member_id IN (...)} by scanning every row of the server.
     */
    public List<Score> scores(String guildId, String key, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return Jdbc.read(dataSource, c -> {
            List<Score> scores = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT completed, reached_at FROM leaderboard_score"
                    + " WHERE guild_id = ? AND period_key = ? AND member_id = ?")) {
                ps.setString(1, guildId);
                ps.setString(2, key);
                for (String id : memberIds) {
                    ps.setString(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            scores.add(new Score(id, rs.getInt(1), Jdbc.instant(rs, "reached_at")));
                        }
                    }
                }
            }
            return scores;
        });
    }

    /** How many rows with the same count as {@code s} rank before it (got there earlier): one index range. */
    public int countTiesAhead(String guildId, String key, Score s) {
        return Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM leaderboard_score"
                    + " WHERE guild_id = ? AND period_key = ? AND completed = ?"
                    + " AND (reached_at < ? OR (reached_at = ? AND member_id < ?))")) {
                ps.setString(1, guildId);
                ps.setString(2, key);
                ps.setInt(3, s.completed());
                ps.setObject(4, Jdbc.utc(s.reachedAt()));
                ps.setObject(5, Jdbc.utc(s.reachedAt()));
                ps.setString(6, s.memberId());
                return count(ps);
            }
        });
    }

    /**
     * How many members have each positive count in the period (at most one entry per topic):
     * ranks above a count and the period's totals are sums over it.
     */
    public java.util.NavigableMap<Integer, Long> histogram(String guildId, String key) {
        return Jdbc.read(dataSource, c -> {
            java.util.NavigableMap<Integer, Long> histogram = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT completed, COUNT(*) FROM leaderboard_score"
                    + " WHERE guild_id = ? AND period_key = ? AND completed > 0 GROUP BY completed")) {
                ps.setString(1, guildId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        histogram.put(rs.getInt(1), rs.getLong(2));
                    }
                }
            }
            return histogram;
        });
    }

    /** Members who chose to stay off leaderboards. */
    public Set<String> hidden(String guildId) {
        return Jdbc.read(dataSource, c -> {
            Set<String> hidden = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT member_id FROM member_settings WHERE guild_id = ? AND leaderboard_hidden = TRUE")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hidden.add(rs.getString(1));
                    }
                }
            }
            return hidden;
        });
    }

    /** Roadmap percent of these members (absent: not started); one primary-key lookup each. */
    public Map<String, Integer> percents(String guildId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.read(dataSource, c -> {
            Map<String, Integer> percents = new HashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT percent FROM leaderboard_member WHERE guild_id = ? AND member_id = ?")) {
                ps.setString(1, guildId);
                for (String id : memberIds) {
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            percents.put(id, rs.getInt(1));
                        }
                    }
                }
            }
            return percents;
        });
    }

    /** Every started member's standing in the server (one pass over the primary key). */
    public void forEachStanding(String guildId, java.util.function.Consumer<Standing> each) {
        Jdbc.read(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pace_id, started_at, phase_number, percent"
                    + " FROM leaderboard_member WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new Standing(
                                rs.getString(1), Jdbc.instant(rs, "started_at"), rs.getInt(3), rs.getInt(4)));
                    }
                }
            }
            return null;
        });
    }

    private static int count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
