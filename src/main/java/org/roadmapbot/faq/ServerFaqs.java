package org.roadmapbot.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.roadmapbot.knowledge.Answer;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.retrieval.AnswerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every server's curated answers, searched with the bundled knowledge as one index. A server's index
 * is built on its first question (lazily) and kept in a cache bounded by an estimate of its memory
 * (Caffeine, least recently used go first), so 10,000 servers cost what the busiest of them cost.
 *
 * <p>Changes: this process drops a server's index when it changes the server's answers; every other
 * process on the database finds the change within {@link #POLL} (it polls the servers whose revision
 * moved, by the database's clock) and drops its copy too, so the next question rebuilds it.
 */
public final class ServerFaqs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerFaqs.class);

    /** How often other processes' changes are looked for. */
    public static final Duration POLL = Duration.ofSeconds(1);
    /** Changes are stamped with their transaction's start: look back this far past the last poll. */
    static final Duration LOOK_BACK = Duration.ofSeconds(10);
    /** The default memory bound of the cached indexes. */
    public static final long DEFAULT_CACHE_BYTES = 48L * 1024 * 1024;

    /**
     * Estimated heap of one server's index (measured by {@code bench faq}, see README): a Lucene index of
     * its documents with the bundled index's statistics beside it, and each answer's text and terms.
     */
    static final int INDEX_BYTES = 160_000;

    static final int ANSWER_BYTES = 2_500;
    static final int EMPTY_BYTES = 200;
    /** Questions whose guide probability is kept ({@link #guideProbability}): ~1 MB, 4 MB if all were 500 characters. */
    static final int GUIDE_QUESTIONS = 4_096;
    /** See {@link #curatedWins}; README "Teach the bot" gives the paraphrase and intrusion figures it was chosen by. */
    static final double MIN_CURATED_PROBABILITY = 0.75;

    /** A server as this process knows it: the revision it was read at, its answers and settings, its index. */
    record Server(long revision, List<CuratedAnswer> answers, ServerSettings settings, AnswerService view) {
        int weight() {
            if (view == null) {
                return EMPTY_BYTES;
            }
            int text = answers.stream()
                    .mapToInt(a ->
                            a.answer().length() + String.join("", a.questions()).length())
                    .sum();
            return INDEX_BYTES + answers.size() * ANSWER_BYTES + 2 * text;
        }
    }

    private final FaqStore store;
    private final AnswerService bundled;
    /** The answer policy the bundled service decides with (the same fitted numbers). */
    private final AnswerPolicy policy = AnswerPolicy.load();

    private final Clock clock;
    private final LoadingCache<String, Server> servers;
    /** The guide's probability by question text: see {@link #guideProbability}. */
    private final Cache<String, Double> guide =
            Caffeine.newBuilder().maximumSize(GUIDE_QUESTIONS).build();

    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faq-sync");
        t.setDaemon(true);
        return t;
    });
    private final List<java.util.function.BiConsumer<String, ServerSettings>> settingsListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Instant polledAt;
    private volatile boolean started;
    private long lastFailureLog;

    public ServerFaqs(FaqStore store, AnswerService bundled, Clock clock, long cacheBytes) {
        this.store = store;
        this.bundled = bundled;
        this.clock = clock;
        this.servers = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((String guild, Server server) -> server.weight())
                .build(this::load);
    }

    private Server load(String guildId) {
        FaqStore.Snapshot snapshot = store.snapshot(guildId);
        AnswerService view = snapshot.answers().isEmpty()
                ? null
                : bundled.withEntries(
                        snapshot.answers().stream().map(CuratedAnswer::toEntry).toList());
        return new Server(snapshot.revision(), snapshot.answers(), snapshot.settings(), view);
    }

    /** Starts looking for other processes' changes every {@link #POLL}. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        var unused =
                sync.scheduleWithFixedDelay(this::pollQuietly, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The server's answer to a question when it comes from the server's own answers: the bundled
     * pipeline over the bundled entries and the server's ({@link AnswerService#withEntries}), where a
     * curated entry answers. Empty when the server has none, or when the guide answers the question at
     * least as well (then the plain /ask answers as ever): see {@link #curatedWins}.
     */
    public Optional<Answer> answer(String guildId, String question) {
        Server server;
        try {
            server = servers.get(guildId);
        } catch (RuntimeException e) {
            // The database is away: the bundled answers still work.
            LOG.warn("curated answers of server {} unavailable: {}", guildId, e.toString());
            return Optional.empty();
        }
        if (server.view() == null) {
            return Optional.empty();
        }
        // The policy's decision first: most questions in a server are about the roadmap, and when the
        // server index's best entry is not a curated one (or too unsure) the curated answer cannot win,
        // so the full pipeline for its answer is not run at all.
        Optional<AnswerService.Decision> decision = server.view().decision(question);
        if (decision.isPresent() && curatedProbability(decision.get()).isEmpty()) {
            return Optional.empty();
        }
        Answer answer = server.view().answer(question);
        if (answer.entries().stream().map(Entry::id).noneMatch(CuratedAnswer::isCurated)) {
            return Optional.empty();
        }
        return curatedWins(decision, question, answer) ? Optional.of(answer) : Optional.empty();
    }

    /**
     * Whether a curated entry, found for the question in the server's index, should answer it rather
     * than the guide. The fitted policy was fitted on the guide's entries, which are long: a short
     * curated entry that shares one common word with a question ("call", "run") gets as high a BM25
     * score as a guide entry sharing three, so the policy's own bar lets it through. A curated answer
     * must therefore be the best entry, at least {@link #MIN_CURATED_PROBABILITY} likely to answer by
     * the policy ({@link #curatedProbability}), and at least as likely as the guide's own best entry for
     * the question. A question the policy does not decide alone (several parts, a structured answer)
     * keeps the curated entry only where it adds to the guide's answer without displacing any of it.
     */
    private boolean curatedWins(Optional<AnswerService.Decision> decision, String question, Answer answer) {
        if (decision.isEmpty()) {
            return answer.entries().containsAll(bundled.answer(question).entries());
        }
        Optional<Double> curated = curatedProbability(decision.get());
        return curated.isPresent() && curated.get() >= guideProbability(question);
    }

    /**
     * The policy's probability for the server index's best entry, when that entry is curated and the
     * probability at least {@link #MIN_CURATED_PROBABILITY}; else empty (the curated answer cannot win).
     */
    private Optional<Double> curatedProbability(AnswerService.Decision decision) {
        Answer best = decision.ifAnswered();
        if (best.entries().isEmpty()
                || !CuratedAnswer.isCurated(best.entries().get(0).id())) {
            return Optional.empty();
        }
        double curated = policy.probability(decision.features());
        return curated < MIN_CURATED_PROBABILITY ? Optional.empty() : Optional.of(curated);
    }

    /**
     * How likely the guide's own best entry answers the question, by the policy (1 for a structured
     * answer, 0 for none). It depends on the question's text alone (the bundled index never changes while
     * the bot runs), so it is kept for the {@link #GUIDE_QUESTIONS} questions asked last: a question asked
     * again, in this server or another, skips the bundled pipeline's run.
     */
    private double guideProbability(String question) {
        Double known = guide.getIfPresent(question);
        if (known != null) {
            return known;
        }
        double p = bundled.decision(question)
                .map(d -> policy.probability(d.features()))
                .orElseGet(() -> bundled.answer(question).found() ? 1.0 : 0.0);
        guide.put(question, p); // two threads may compute the same question once each: harmless
        return p;
    }

    /**
     * How sure the answer policy is of the answer this server would give: its fitted probability for the
     * entry that answers (curated or the guide's), 1 for a structured answer from the data's fields, 0
     * when there is no answer. For answering where nobody asked the bot (a help channel's posts).
     */
    public double confidence(String guildId, String question) {
        Server server = servers.get(guildId);
        AnswerService service =
                server.view() != null && answer(guildId, question).isPresent() ? server.view() : bundled;
        return service.decision(question)
                .map(d -> d.ifAnswered().found() ? policy.probability(d.features()) : 0.0)
                .orElseGet(() -> service.answer(question).found() ? 1.0 : 0.0);
    }

    /** The server's answers, by number. */
    public List<CuratedAnswer> list(String guildId) {
        return servers.get(guildId).answers();
    }

    public Optional<CuratedAnswer> find(String guildId, int number) {
        return list(guildId).stream().filter(a -> a.number() == number).findFirst();
    }

    /** The server's settings (cached like its answers, so reading them per message is cheap). */
    public ServerSettings settings(String guildId) {
        try {
            return servers.get(guildId).settings();
        } catch (RuntimeException e) {
            LOG.warn("settings of server {} unavailable: {}", guildId, e.toString());
            return ServerSettings.DEFAULTS;
        }
    }

    public CuratedAnswer add(String guildId, FaqInput input, String memberId) {
        try {
            return store.add(guildId, input, memberId, clock.instant());
        } finally {
            servers.invalidate(guildId);
        }
    }

    public Optional<CuratedAnswer> update(String guildId, int number, FaqInput input, String memberId) {
        try {
            return store.update(guildId, number, input, memberId, clock.instant());
        } finally {
            servers.invalidate(guildId);
        }
    }

    public Optional<CuratedAnswer> remove(String guildId, int number) {
        try {
            return store.remove(guildId, number);
        } finally {
            servers.invalidate(guildId);
        }
    }

    public void saveSettings(String guildId, ServerSettings settings) {
        try {
            store.saveSettings(guildId, settings);
        } finally {
            servers.invalidate(guildId);
        }
        settingsListeners.forEach(l -> l.accept(guildId, settings));
    }

    /** Called after a server's settings were saved (by this process), e.g. to forget kept questions when keeping stops. */
    public void onSettingsSaved(java.util.function.BiConsumer<String, ServerSettings> listener) {
        settingsListeners.add(listener);
    }

    /** Drops cached servers whose revision moved in the database (another process changed them). */
    void poll() {
        Instant now = store.databaseNow();
        Instant last = polledAt == null ? now : polledAt;
        for (FaqStore.Change change : store.changedSince(last.minus(LOOK_BACK))) {
            Server cached = servers.getIfPresent(change.guildId());
            if (cached != null && cached.revision() != change.revision()) {
                servers.invalidate(change.guildId());
            }
        }
        polledAt = now;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            long nowMs = System.currentTimeMillis();
            if (nowMs - lastFailureLog > 60_000) {
                lastFailureLog = nowMs;
                LOG.warn(
                        "could not look for curated-answer changes of other processes (will keep trying): {}",
                        e.toString());
            }
        }
    }

    /** Cached servers and their estimated bytes (for {@code bench faq}). */
    public long cachedServers() {
        servers.cleanUp();
        return servers.estimatedSize();
    }

    public long cachedBytes() {
        servers.cleanUp();
        return servers.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    @Override
    public void close() {
        sync.shutdownNow();
    }
}
