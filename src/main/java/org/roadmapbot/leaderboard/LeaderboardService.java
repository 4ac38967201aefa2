package org.roadmapbot.leaderboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.roadmapbot.core.MemberDirectory;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Pace;
import org.roadmapbot.progress.ProgressReport;

/**
 * Builds leaderboards: walks the ranked scores from the top, leaving out members who hid
 * themselves, who left the server, or who carry an excluded role, and numbers the rest.
 * Members who left are only discovered as the walk meets them (the bot has no member list with
 * the GUILDS intent alone), so the asker's own rank below the walked pages may still count a few.
 */
public final class LeaderboardService {

    public static final int PAGE_SIZE = 10;
    public static final int MAX_TOP = 25;
    /** Deepest page a button can ask for; deeper boards are not worth walking member by member. */
    public static final int MAX_PAGE = 50;

    private static final int CHUNK = 50;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /**
     * How long a board waits for the directory's names (one batch per chunk of the walk, shared
     * with concurrent boards, cached by the adapter). A name not back by then is drawn with
     * {@link #fallbackName}; the lookup goes on and fills the cache for the next board.
     */
    static final Duration NAME_WAIT = Duration.ofMillis(1500);

    private final ScoreStore scores;
    private final KnowledgeBase kb;
    private final LeaderboardConfig config;
    private final Clock clock;
    private volatile MemberDirectory directory = MemberDirectory.ASSUME_PRESENT;
    /** Group figures: recounted in the background once a minute at most. */
    private final RecountCache<String, Board.GroupView> groups;
    /** Members per count: recounted in the background after a local change (once a second at most) or after 5 s. */
    private final RecountCache<HistogramKey, Histogram> histograms;

    private final Map<String, Instant> pruned = new ConcurrentHashMap<>();

    public LeaderboardService(ScoreStore scores, KnowledgeBase kb, LeaderboardConfig config, Clock clock) {
        this.scores = scores;
        this.kb = kb;
        this.config = config;
        this.clock = clock;
        this.groups = new RecountCache<>(
                "group",
                Duration.ofMinutes(1),
                Duration.ofMinutes(1),
                scores::version,
                guildId -> computeGroup(guildId, clock.instant()));
        this.histograms = new RecountCache<>(
                "counts",
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                key -> scores.version(key.guildId()),
                key -> new Histogram(scores.histogram(key.guildId(), key.period())));
    }

    /** The adapter's member directory (Discord), once connected; until then everyone counts as present. */
    public void useDirectory(MemberDirectory value) {
        this.directory = value;
    }

    public LeaderboardConfig config() {
        return config;
    }

    public ScoreStore scores() {
        return scores;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * One page of the board.
     *
     * @param askerId   whose rank to add, or null (a channel post)
     * @param askerName the asker's display name, used if the directory does not know it
     */
    public Board board(String guildId, Period period, int page, int pageSize, String askerId, String askerName) {
        Instant now = clock.instant();
        pruneNowAndThen(guildId, now);
        String key = period.key(now, config.zone());
        Set<String> hidden = scores.hidden(guildId);
        int wanted = page * pageSize + 1;
        List<Board.Entry> eligible = new ArrayList<>();
        List<ScoreStore.Score> skipped = new ArrayList<>();
        // What the directory said about each member looked up for this board (empty: left the server).
        Map<String, Optional<MemberDirectory.Member>> looked = new HashMap<>();
        int offset = 0;
        boolean exhausted = false;
        while (eligible.size() < wanted && !exhausted) {
            List<ScoreStore.Score> chunk = scores.page(guildId, key, offset, CHUNK);
            offset += chunk.size();
            exhausted = chunk.size() < CHUNK;
            List<String> visible = new ArrayList<>(chunk.stream()
                    .map(ScoreStore.Score::memberId)
                    .filter(id -> !hidden.contains(id))
                    .toList());
            if (askerId != null
                    && !looked.containsKey(askerId)
                    && !hidden.contains(askerId)
                    && !visible.contains(askerId)) {
                visible.add(askerId); // one batch per chunk: the asker's own entry comes with the first
            }
            Map<String, MemberDirectory.Member> present = visible.isEmpty()
                    ? Map.of()
                    : MemberDirectory.within(directory.lookup(guildId, visible), visible, NAME_WAIT);
            visible.forEach(id -> looked.put(id, Optional.ofNullable(present.get(id))));
            for (int i = 0; i < chunk.size(); i++) {
                ScoreStore.Score s = chunk.get(i);
                if (eligible.size() >= wanted) {
                    exhausted = false; // stopped before the end: rows below were not looked at
                    break;
                }
                if (hidden.contains(s.memberId())) {
                    continue;
                }
                MemberDirectory.Member m = present.get(s.memberId());
                if (m == null || excluded(m)) {
                    skipped.add(s);
                    continue;
                }
                String name = m.displayName() != null
                        ? m.displayName()
                        : s.memberId().equals(askerId) && askerName != null ? askerName : fallbackName(s.memberId());
                eligible.add(new Board.Entry(eligible.size() + 1, s.memberId(), name, s.completed(), 0));
            }
        }
        int from = Math.min((page - 1) * pageSize, eligible.size());
        int to = Math.min(page * pageSize, eligible.size());
        List<Board.Entry> shown = eligible.subList(from, to);
        Map<String, Integer> percents = scores.percents(
                guildId, shown.stream().map(Board.Entry::memberId).toList());
        List<Board.Entry> entries = shown.stream()
                .map(e -> new Board.Entry(
                        e.rank(), e.memberId(), e.name(), e.completed(), percents.getOrDefault(e.memberId(), 0)))
                .toList();

        Histogram histogram = histogram(guildId, key);
        List<ScoreStore.Score> hiddenScores = scores.scores(guildId, key, hidden).stream()
                .filter(s -> s.completed() > 0)
                .toList();
        long ranked = exhausted
                ? eligible.size()
                : Math.max(eligible.size(), histogram.members() - hiddenScores.size() - skipped.size());
        Board.Asker asker = askerId == null
                ? null
                : asker(guildId, key, askerId, hidden, eligible, skipped, hiddenScores, histogram, looked);
        return new Board(
                period,
                period.title(now, config.zone()),
                page,
                pageSize,
                eligible.size() > to,
                entries,
                ranked,
                histogram.topics(),
                asker,
                group(guildId),
                viewerRow(guildId, asker, askerId, askerName, entries, looked));
    }

    /** The asker's own row when they are ranked: from this page, or built for the row appended below it. */
    private Board.Entry viewerRow(
            String guildId,
            Board.Asker asker,
            String askerId,
            String askerName,
            List<Board.Entry> entries,
            Map<String, Optional<MemberDirectory.Member>> looked) {
        if (asker == null || asker.status() != Board.Asker.Status.RANKED) {
            return null;
        }
        for (Board.Entry e : entries) {
            if (e.memberId().equals(askerId)) {
                return e;
            }
        }
        String name = looked.getOrDefault(askerId, Optional.empty())
                .map(MemberDirectory.Member::displayName)
                .orElse(askerName != null ? askerName : fallbackName(askerId));
        int percent = scores.percents(guildId, List.of(askerId)).getOrDefault(askerId, 0);
        return new Board.Entry(asker.rank(), askerId, name, asker.completed(), percent);
    }

    private Board.Asker asker(
            String guildId,
            String key,
            String askerId,
            Set<String> hidden,
            List<Board.Entry> eligible,
            List<ScoreStore.Score> skipped,
            List<ScoreStore.Score> hiddenScores,
            Histogram histogram,
            Map<String, Optional<MemberDirectory.Member>> looked) {
        if (hidden.contains(askerId)) {
            return new Board.Asker(Board.Asker.Status.HIDDEN, 0, 0);
        }
        MemberDirectory.Member me = looked.computeIfAbsent(
                        askerId,
                        id -> Optional.ofNullable(
                                MemberDirectory.within(directory.lookup(guildId, List.of(id)), List.of(id), NAME_WAIT)
                                        .get(id)))
                .orElse(null);
        if (me != null && excluded(me)) {
            return new Board.Asker(Board.Asker.Status.EXCLUDED, 0, 0);
        }
        for (Board.Entry e : eligible) {
            if (e.memberId().equals(askerId)) {
                return new Board.Asker(Board.Asker.Status.RANKED, e.rank(), e.completed());
            }
        }
        ScoreStore.Score mine = scores.score(guildId, key, askerId).orElse(null);
        if (mine == null || mine.completed() <= 0) {
            return new Board.Asker(Board.Asker.Status.NOTHING_YET, 0, mine == null ? 0 : Math.max(0, mine.completed()));
        }
        long ahead = histogram.above(mine.completed()) + scores.countTiesAhead(guildId, key, mine);
        long leftOut = hiddenScores.stream().filter(s -> before(s, mine)).count()
                + skipped.stream().filter(s -> before(s, mine)).count();
        return new Board.Asker(Board.Asker.Status.RANKED, (int) Math.max(1, 1 + ahead - leftOut), mine.completed());
    }

    /** The board's order: more topics first, then who got there first, then by id. */
    static final Comparator<ScoreStore.Score> ORDER = Comparator.comparingInt(ScoreStore.Score::completed)
            .reversed()
            .thenComparing(ScoreStore.Score::reachedAt)
            .thenComparing(ScoreStore.Score::memberId);

    private static boolean before(ScoreStore.Score a, ScoreStore.Score b) {
        return ORDER.compare(a, b) < 0;
    }

    private boolean excluded(MemberDirectory.Member m) {
        return m.roleIds().stream().anyMatch(config.excludedRoleIds()::contains);
    }

    /** A name for a member the directory cannot name: never their id in full. */
    static String fallbackName(String memberId) {
        String tail = memberId.length() > 4 ? memberId.substring(memberId.length() - 4) : memberId;
        return "Member …" + tail;
    }

    /**
     * What a weekly post covers: the week so far, but at the start of a week (Monday or Tuesday in
     * the leaderboard's zone) the week that just ended, so a Monday-morning post is not empty.
     */
    public Period scheduledPeriod() {
        DayOfWeek day = clock.instant().atZone(config.zone()).getDayOfWeek();
        return day == DayOfWeek.MONDAY || day == DayOfWeek.TUESDAY ? Period.LAST_WEEK : Period.WEEK;
    }

    // ---- group view ----

    /** Members per phase, on track, topics this week (one pass over the server's members; see {@link RecountCache}). */
    public Board.GroupView group(String guildId) {
        return groups.get(guildId);
    }

    /** Forgets cached figures (benchmarks time the uncached work; tests change data behind the service). */
    public void clearCache() {
        groups.clear();
        histograms.clear();
    }

    /** Forgets the cached counts per score only (benchmarks). */
    public void clearCounts() {
        histograms.clear();
    }

    /**
     * Members per positive count in the period. Summing it gives the members ranked above a
     * count and the period's totals without counting every ranked row on each request; the
     * asker's own count is always read fresh (see {@link RecountCache} for how current the rest is).
     */
    private Histogram histogram(String guildId, String key) {
        return histograms.get(new HistogramKey(guildId, key));
    }

    /** A server and the score key of a period (as {@link ScoreStore#histogram} takes it). */
    private record HistogramKey(String guildId, String period) {}

    private record Histogram(java.util.NavigableMap<Integer, Long> counts) {
        long above(int completed) {
            return counts.tailMap(completed, false).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        long members() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        long topics() {
            return counts.entrySet().stream()
                    .mapToLong(e -> e.getKey() * e.getValue())
                    .sum();
        }
    }

    private Board.GroupView computeGroup(String guildId, Instant now) {
        Map<String, Pace> paces =
                kb.roadmap().paces().stream().collect(Collectors.toMap(Pace::id, Function.identity()));
        Pace fallback = kb.roadmap().paces().get(0);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<Integer, Long> perPhase = new HashMap<>();
        long[] started = new long[1];
        long[] onTrack = new long[1];
        scores.forEachStanding(guildId, s -> {
            started[0]++;
            perPhase.merge(s.phaseNumber(), 1L, Long::sum);
            ProgressReport.Schedule schedule = ProgressReport.schedule(
                    s.phaseNumber() == 0,
                    s.percent(),
                    LocalDate.ofInstant(s.startedAt(), ZoneOffset.UTC),
                    today,
                    paces.getOrDefault(s.paceId(), fallback));
            if (schedule != ProgressReport.Schedule.BEHIND) {
                onTrack[0]++;
            }
        });
        long thisWeek = histogram(guildId, Period.WEEK.key(now, config.zone())).topics();
        return new Board.GroupView(started[0], perPhase, onTrack[0], thisWeek);
    }

    private void pruneNowAndThen(String guildId, Instant now) {
        Instant last = pruned.get(guildId);
        if (last == null || last.plus(PRUNE_EVERY).isBefore(now)) {
            pruned.put(guildId, now);
            scores.prune(guildId, now);
        }
    }
}
