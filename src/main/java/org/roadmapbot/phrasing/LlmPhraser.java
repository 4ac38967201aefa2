package org.roadmapbot.phrasing;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.Answer;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewords answers (and nudges) with an LLM, grounded in the retrieved facts and never in the
 * way: the call runs on a small bounded pool and is abandoned at the time budget; any failure,
 * guard violation or exhausted quota gives the plain reply, with the reason logged and a one-line
 * note that tells the member what happened. Only a phrased answer that passed every check counts
 * against the member's daily quota.
 */
public final class LlmPhraser implements AskCommand.Phraser, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmPhraser.class);

    /** The line that tells a member an answer was AI-phrased (Discord small text). */
    public static final String AI_MARK = "-# AI-phrased: an AI model reworded the facts from the entries above.";

    static final String FOOTER_PREFIX = "AI-phrased · ";

    private static final int THREADS = 4;
    private static final int QUEUE = 16;
    /** Reasoning models (via Ollama) may prefix their answer with a thinking block. */
    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");

    /** How one phrasing attempt ended. Only {@link #PHRASED} shows the model's text. */
    public enum Reason {
        PHRASED,
        COOLDOWN,
        DAILY_LIMIT,
        /** The model could not be asked or gave nothing usable. */
        BUSY,
        TIMEOUT,
        ERROR,
        EMPTY,
        TOO_LONG,
        /** The model answered, and the guard refused it ({@link FactGuard}). */
        CHANGED_FACTS,
        NEW_NAME,
        JUDGEMENT,
        LINK_OR_MENTION,
        HIDDEN_CHARACTERS,
        LEAK;

        boolean rejectedByGuard() {
            return compareTo(CHANGED_FACTS) >= 0;
        }
    }

    /** The note under a plain answer when the model could not help. */
    public static final String UNAVAILABLE_NOTE = "-# AI phrasing is unavailable right now — here is the plain answer.";
    /** The note under a plain answer when the model's rewording failed the fact check. */
    public static final String REJECTED_NOTE =
            "-# The AI rewording didn't match the facts, so here is the plain answer.";

    /**
     * The text to send: the model's when {@code reason} is PHRASED, else the plain text.
     * {@code note} says why it is plain (quota, cooldown, model unavailable, rewording refused).
     */
    public record Outcome(String text, Reason reason, Optional<String> note) {
        public boolean phrased() {
            return reason == Reason.PHRASED;
        }

        /** The text with the AI mark or the quota note appended, ready for a message. */
        public String markedText() {
            return phrased()
                    ? text + "\n" + AI_MARK
                    : note.map(n -> text + "\n" + n).orElse(text);
        }
    }

    private final ChatModel model;
    private final PhrasingConfig config;
    private final PromptTemplates prompts;
    private final GuardVocabulary vocabulary;
    private final PhrasingQuota quota;
    private final Clock clock;
    private final BotMetrics metrics;
    private final String systemPrompt;
    private final ThreadPoolExecutor executor;
    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
    /** Told how long the guard took per model reply, reading the facts and checking (`bench phrasing` listens). */
    private volatile LongConsumer guardChecked = nanos -> {};

    LlmPhraser(
            ChatModel model,
            PhrasingConfig config,
            PromptTemplates prompts,
            GuardVocabulary vocabulary,
            PhrasingQuota quota,
            Clock clock,
            BotMetrics metrics) {
        this.model = model;
        this.config = config;
        this.prompts = prompts;
        this.vocabulary = vocabulary;
        this.quota = quota;
        this.clock = clock;
        this.metrics = metrics;
        this.systemPrompt = prompts.system(config.maxOutputChars());
        this.executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                daemonThreads(),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    /**
     * Phrasing as configured: empty when off, so the bot answers plainly and says nothing about
     * LLMs. Prompts are loaded and checked here, at start-up.
     */
    public static Optional<LlmPhraser> start(PhrasingConfig config, KnowledgeBase knowledge, BotMetrics metrics) {
        return config.enabled()
                ? start(config, knowledge, chatModel(config), Clock.systemUTC(), metrics)
                : Optional.empty();
    }

    /**
     * As {@link #start(PhrasingConfig, KnowledgeBase, BotMetrics)} with another model (tests, benchmarks) and clock;
     * each outcome goes to {@code metrics} (phrased, or the plain text and why).
     */
    public static Optional<LlmPhraser> start(
            PhrasingConfig config, KnowledgeBase knowledge, ChatModel model, Clock clock, BotMetrics metrics) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        PromptTemplates prompts = PromptTemplates.loadBundled();
        LlmPhraser phraser = new LlmPhraser(
                model,
                config,
                prompts,
                GuardVocabulary.of(knowledge, prompts.instructionsText()),
                new InMemoryQuota(config.dailyQuota(), config.cooldown()),
                clock,
                metrics);
        LOG.info(
                "LLM phrasing on: model {} at {} (budget {} ms, {} per member per day, cooldown {} s)",
                config.model(),
                config.endpointForLog(),
                config.timeout().toMillis(),
                config.dailyQuota(),
                config.cooldown().toSeconds());
        return Optional.of(phraser);
    }

    /** The LangChain4j client for any OpenAI-compatible endpoint; no retries: the budget is the limit. */
    static ChatModel chatModel(PhrasingConfig config) {
        return OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey().orElse(null))
                .modelName(config.model())
                .timeout(config.timeout())
                .maxRetries(0)
                .temperature(0.3)
                // About 4 characters a token: room to overshoot the cap, which is then detected, not cut.
                .maxTokens(config.maxOutputChars() / 2)
                .build();
    }

    @Override
    public Reply phrase(CommandRequest request, Answer answer, Reply plain) {
        if (!answer.found()) {
            return plain;
        }
        try {
            return phraseFound(request, answer, plain);
        } catch (RuntimeException e) {
            // A bug here must cost the friendliness, never the answer.
            count(Reason.ERROR);
            LOG.warn("LLM phrasing failed unexpectedly, plain answer sent", e);
            return plain;
        }
    }

    /**
     * The facts of an answer, one per entry it was built from. Retrieval decides how much of an
     * entry an answer shows; the guard only ever reads these strings.
     */
    /**
     * The facts a phrased answer may use: exactly what the plain answer says (its short, fact-first
     * text, the citation line left out), so the rewording never brings in more of an entry than the
     * member would have read.
     */
    static List<Fact> factsOf(Answer answer) {
        return List.of(Fact.ofEntry(answer.entries().get(0).id(), answer.text()));
    }

    private Reply phraseFound(CommandRequest request, Answer answer, Reply plain) {
        List<Fact> facts = factsOf(answer);
        long built = System.nanoTime();
        FactGuard guard = new FactGuard(facts, List.of(), answer.question(), vocabulary);
        long buildNanos = System.nanoTime() - built;
        String user = prompts.answer(factsBlock(facts), keep(guard), delimited(answer.question()));
        // The router's quota step looked the member's allowance up before the answer was built.
        PhrasingQuota.Decision allowance = request.found(PhrasingQuota.Decision.class)
                .orElseGet(() -> allowance(request.guildId(), request.memberId()));
        Outcome outcome =
                run(request.guildId(), request.memberId(), allowance, true, user, guard, buildNanos, plain.content());
        if (outcome.phrased()) {
            String citation = AnswerService.citation(answer.entries());
            String content = outcome.text() + "\n\n" + citation + "\n" + AI_MARK;
            return withContent(plain, content, FOOTER_PREFIX + (plain.footer() == null ? citation : plain.footer()));
        }
        return outcome.note()
                .map(n -> withContent(plain, plain.content() + "\n" + n, plain.footer()))
                .orElse(plain);
    }

    /**
     * For scheduled nudges: rewords a prepared message with the same guards and fallback. Every
     * number and name in {@code plainText} must survive; {@code facts} (e.g. the next topic's
     * description) may be used but need not be. A phrased nudge counts against the member's daily
     * quota; the cooldown is ignored, so a nudge never blocks the member's own questions.
     */
    public Outcome phraseNudge(String guildId, String memberId, String plainText, List<Fact> facts) {
        try {
            return phraseNudgeText(guildId, memberId, plainText, facts);
        } catch (RuntimeException e) {
            count(Reason.ERROR);
            LOG.warn("LLM phrasing of a nudge failed unexpectedly, plain text sent", e);
            return new Outcome(plainText, Reason.ERROR, Optional.empty());
        }
    }

    private Outcome phraseNudgeText(String guildId, String memberId, String plainText, List<Fact> facts) {
        long built = System.nanoTime();
        FactGuard guard = new FactGuard(List.of(new Fact("nudge", plainText)), facts, "", vocabulary);
        long buildNanos = System.nanoTime() - built;
        String user = prompts.nudge(facts.isEmpty() ? "(none)" : factsBlock(facts), keep(guard), plainText);
        Outcome outcome = run(
                guildId,
                memberId,
                quota.peek(guildId, memberId, clock.instant(), false),
                false,
                user,
                guard,
                buildNanos,
                plainText);
        // The member did not ask for this message, so a quota note would only puzzle them.
        return new Outcome(outcome.text(), outcome.reason(), Optional.empty());
    }

    /** Counts an attempt's outcome here and in the operator's metrics (the reason names are a fixed set). */
    private void count(Reason reason) {
        counts.get(reason).increment();
        if (reason == Reason.PHRASED) {
            metrics.phrasingUsed();
        } else {
            metrics.phrasingFallback(reason.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** How many attempts ended each way since start-up (for logs and diagnostics). */
    public Map<Reason, Long> counts() {
        Map<Reason, Long> snapshot = new EnumMap<>(Reason.class);
        counts.forEach((reason, adder) -> snapshot.put(reason, adder.sum()));
        return snapshot;
    }

    /**
     * From now on, {@code listener} is told the guard's time for each model reply checked (reading
     * the facts and checking), in nanoseconds, on the thread that checked it.
     */
    public void onGuardChecked(LongConsumer listener) {
        guardChecked = listener;
    }

    public PhrasingConfig config() {
        return config;
    }

    /**
     * A member's allowance for a phrased answer now (daily quota and cooldown), changing nothing:
     * the quota step of the command pipeline ({@code app/Features}) attaches it to every /ask.
     */
    public PhrasingQuota.Decision allowance(String guildId, String memberId) {
        return quota.peek(guildId, memberId, clock.instant(), true);
    }

    /**
     * {@code early}: the allowance before the call (the call itself checks again, atomically);
     * {@code guardNanos}: the time the guard took to read the facts, counted with its check.
     */
    private Outcome run(
            String guildId,
            String memberId,
            PhrasingQuota.Decision early,
            boolean cooldown,
            String userPrompt,
            FactGuard guard,
            long guardNanos,
            String plainText) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        if (!early.allowed()) {
            return limited(early, plainText);
        }
        Future<Call> future;
        try {
            future = executor.submit(() -> call(guildId, memberId, cooldown, userPrompt));
        } catch (RejectedExecutionException e) {
            return fallback(Reason.BUSY, "all phrasing threads busy", plainText);
        }
        Call call;
        try {
            call = future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fallback(
                    Reason.TIMEOUT, "no reply within " + config.timeout().toMillis() + " ms", plainText);
        } catch (ExecutionException e) {
            return fallback(Reason.ERROR, describe(e.getCause()), plainText);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return fallback(Reason.ERROR, "interrupted", plainText);
        }
        if (call.denied() != null) {
            return limited(call.denied(), plainText);
        }
        Outcome checked = check(call, guard, guardNanos, plainText);
        if (!checked.phrased()) {
            return checked;
        }
        // Only now does the member get a phrased text, so only now does it count.
        PhrasingQuota.Decision counted = quota.countPhrased(guildId, memberId, clock.instant());
        if (!counted.allowed()) {
            return limited(counted, plainText);
        }
        count(Reason.PHRASED);
        return checked;
    }

    /** Runs on the pool: the cooldown starts here, so a call abandoned in the queue costs nothing. */
    private Call call(String guildId, String memberId, boolean cooldown, String userPrompt) {
        PhrasingQuota.Decision decision = quota.startCall(guildId, memberId, clock.instant(), cooldown);
        if (!decision.allowed()) {
            return new Call(null, null, decision);
        }
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt), UserMessage.from(userPrompt))
                .build());
        String text = response == null || response.aiMessage() == null
                ? null
                : response.aiMessage().text();
        return new Call(text, response == null ? null : response.finishReason(), null);
    }

    private record Call(String text, FinishReason finish, PhrasingQuota.Decision denied) {}

    private Outcome check(Call call, FactGuard guard, long guardNanos, String plainText) {
        String text = call.text() == null
                ? ""
                : THINKING.matcher(call.text()).replaceAll("").strip();
        if (text.isEmpty()) {
            return fallback(Reason.EMPTY, "empty reply", plainText);
        }
        if (call.finish() == FinishReason.LENGTH || text.length() > config.maxOutputChars()) {
            return fallback(Reason.TOO_LONG, text.length() + " characters", plainText);
        }
        long start = System.nanoTime();
        Optional<FactGuard.Violation> violation = guard.check(text);
        guardChecked.accept(guardNanos + System.nanoTime() - start);
        if (violation.isPresent()) {
            return fallback(violation.get().reason(), violation.get().detail(), plainText);
        }
        return new Outcome(text, Reason.PHRASED, Optional.empty());
    }

    private Outcome fallback(Reason reason, String detail, String plainText) {
        count(reason);
        LOG.info("LLM phrasing skipped, plain text sent: {} ({})", reason, detail);
        return new Outcome(plainText, reason, Optional.of(reason.rejectedByGuard() ? REJECTED_NOTE : UNAVAILABLE_NOTE));
    }

    private Outcome limited(PhrasingQuota.Decision decision, String plainText) {
        Reason reason = decision.verdict() == PhrasingQuota.Verdict.COOLDOWN ? Reason.COOLDOWN : Reason.DAILY_LIMIT;
        count(reason);
        LOG.debug("LLM phrasing skipped, plain text sent: {}", reason);
        String note = reason == Reason.COOLDOWN
                ? "-# Plain answer: friendly AI phrasing is available again in " + seconds(decision.retryAfter()) + "."
                : "-# Plain answer: you've used today's AI-phrased answers (" + config.dailyQuota()
                        + " a day); they come back at 00:00 UTC.";
        return new Outcome(plainText, reason, Optional.of(note));
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s == 1 ? "1 second" : s + " seconds";
    }

    /** The facts block: each fact, labelled, in retrieval order. */
    private static String factsBlock(List<Fact> facts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < facts.size(); i++) {
            out.append(i == 0 ? "" : "\n\n")
                    .append("[")
                    .append(i + 1)
                    .append("] ")
                    .append(facts.get(i).text());
        }
        return out.toString();
    }

    private static String keep(FactGuard guard) {
        return guard.keepList().isEmpty() ? "(none)" : String.join(", ", guard.keepList());
    }

    /** The member's question on one line, with nothing that could close or open a tag. */
    static String delimited(String question) {
        String oneLine = question.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ")
                .replace('<', '‹')
                .replace('>', '›')
                .strip();
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500);
    }

    /** One log-safe line: provider error bodies can echo a key back, so it is scrubbed. */
    private String describe(Throwable t) {
        String message =
                t == null || t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ");
        if (config.apiKey().isPresent()) {
            message = message.replace(config.apiKey().get(), "(key)");
        }
        String name = t == null ? "unknown" : t.getClass().getSimpleName();
        return name
                + (message.isEmpty()
                        ? ""
                        : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message));
    }

    private static Reply withContent(Reply r, String content, String footer) {
        return new Reply(
                content,
                r.title(),
                r.fields(),
                footer,
                r.ephemeral(),
                r.error(),
                r.attachments(),
                r.buttons(),
                r.sources());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "llm-phrasing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
