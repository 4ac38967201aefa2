package org.roadmapbot.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.List;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;

/** /ask question — answers from the bundled data, naming the entries it used. */
public final class AskCommand implements Command {

    public static final String NAME = "ask";
    public static final String QUESTION = "question";
    public static final int MAX_QUESTION_LENGTH = 500;
    /** Button action: show the whole entry ({@code 2:ask:more:<entry id>}). */
    static final String MORE = "more";
    /** The answer cache's name in the metrics ({@code roadmapbot_cache_gets_total{cache="answers"}}). */
    public static final String ANSWER_CACHE = "answers";
    /**
     * Answers kept, at most (Caffeine evicts the least likely to be asked again). An answer is its text
     * (about 200 characters on average, the longest ~1,200) and references to entries the service holds
     * anyway: with its key and the cache's node about 0.5 KB, so ~0.5 MB in all, ~3 MB at the very most.
     */
    static final int CACHED_ANSWERS = 1_000;

    private static final CommandSpec SPEC = CommandSpec.of(
            NAME,
            "Ask anything about the backend roadmap, courses, projects or careers",
            OptionSpec.string(QUESTION, "Your question, in your own words", true, MAX_QUESTION_LENGTH));

    /**
     * Optional rewording of a found answer (LLM phrasing). It gets the plain reply and returns
     * it, or a reply with the same facts and sources; it never throws and is never slow.
     */
    @FunctionalInterface
    public interface Phraser {
        Phraser PLAIN = (request, answer, plain) -> plain;

        Reply phrase(CommandRequest request, Answer answer, Reply plain);
    }

    private final AnswerService answers;
    private final Phraser phraser;
    /**
     * Answers by the exact question text, stripped ("Go" the language is not "go"): an answer is a pure
     * function of the question for one {@link AnswerService}, and members ask the same questions again.
     * Phrasing is not cached: it is applied to the cached answer per request, as before.
     */
    private final Cache<String, Answer> cache;

    private final Handlers handlers = Handlers.builder(SPEC)
            .command(this::answer)
            .button(MORE, 1, this::more)
            .build();

    public AskCommand(AnswerService answers) {
        this(answers, Phraser.PLAIN);
    }

    public AskCommand(AnswerService answers, Phraser phraser) {
        this(answers, phraser, BotMetrics.NONE);
    }

    /** As above, reporting the answer cache's hits and misses to {@code metrics}. */
    public AskCommand(AnswerService answers, Phraser phraser, BotMetrics metrics) {
        this(answers, phraser, metrics, CACHED_ANSWERS);
    }

    AskCommand(AnswerService answers, Phraser phraser, BotMetrics metrics, int cachedAnswers) {
        this.answers = answers;
        this.phraser = phraser;
        this.cache = Caffeine.newBuilder()
                .maximumSize(cachedAnswers)
                // Evict on the asking thread: no task for the common pool (one thread on 2 cores), and the
                // bound holds as soon as a put returns.
                .executor(Runnable::run)
                .recordStats()
                .build();
        metrics.cache(ANSWER_CACHE, this::cacheCounts);
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply answer(CommandRequest request) {
        String question = request.string(QUESTION).orElseThrow().strip();
        Answer answer = cache.getIfPresent(question);
        if (answer == null) {
            // Not Cache.get(key, loader): that holds a lock of the cache's map while the answer is built
            // (about a millisecond), blocking other questions in the same bin; two threads answering the
            // same new question once each is harmless.
            answer = answers.answer(question);
            cache.put(question, answer);
        }
        Reply plain = toReply(answer);
        // "Nothing found" stays plain: there are no facts to phrase.
        return answer.found() ? phraser.phrase(request, answer, plain) : plain;
    }

    /** The answer cache's hits, misses and evictions so far, and its size now. */
    BotMetrics.CacheCounts cacheCounts() {
        CacheStats stats = cache.stats();
        return new BotMetrics.CacheCounts(
                stats.hitCount(), stats.missCount(), stats.evictionCount(), cache.estimatedSize());
    }

    /**
     * The plain reply for an answer; phrasing, when enabled, replaces only the text. A found answer
     * is short; a "More about …" button per entry shows the whole entry.
     */
    public static Reply toReply(Answer answer) {
        if (!answer.found()) {
            return Reply.builder(answer.text()).ephemeral(true).build();
        }
        Reply.Builder reply = Reply.builder(answer.text())
                .footer(AnswerService.citation(answer.entries()))
                .sources(answer.sources());
        for (Entry e : answer.entries()) {
            reply.button(new Reply.Button(
                    ButtonId.of(NAME, MORE, e.id()).encode(),
                    Text.truncate("More about " + e.title(), 80),
                    Reply.Button.Style.SECONDARY));
        }
        return reply.build();
    }

    /** "More about …": the whole entry behind a short answer. */
    private Reply more(CommandRequest presser, ButtonId button) {
        return answers.entry(button.arg(0))
                .map(e -> Reply.builder(e.answer())
                        .title(e.title())
                        .footer(AnswerService.citation(List.of(e)))
                        .sources(List.of(e.id()))
                        .ephemeral(true)
                        .build())
                .orElseGet(() -> Reply.error("That entry is no longer in the roadmap data. Ask again with `/ask`."));
    }
}
