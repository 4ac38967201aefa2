package org.roadmapbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.roadmapbot.core.BotMetrics;

/**
 * The bot's metrics in a Micrometer registry, scraped as Prometheus text at {@code /metrics}.
 * Every series name is defined here, once (Prometheus adds {@code _total} to counters and
 * {@code _seconds} to timers). Counters of a fixed set of outcomes are registered at zero up front,
 * so a dashboard sees them before the first event. JVM memory, GC, threads and the HikariCP pool
 * ({@code hikaricp_*}, bound by {@code Database}) come from Micrometer's and Hikari's own binders.
 */
public final class MicrometerBotMetrics implements BotMetrics {

    public static final String COMMANDS = "roadmapbot.commands";
    public static final String COMMAND_DURATION = "roadmapbot.command.duration";
    public static final String ACKNOWLEDGEMENT_DURATION = "roadmapbot.interaction.acknowledgement";
    public static final String LATE_ACKNOWLEDGEMENTS = "roadmapbot.interaction.acknowledgements.late";
    public static final String NUDGES = "roadmapbot.nudges";
    public static final String LEADERBOARD_POSTS = "roadmapbot.leaderboard.posts";
    public static final String PHRASING = "roadmapbot.phrasing";
    public static final String SCHEDULED_JOBS = "roadmapbot.scheduled.jobs";
    public static final String CACHE_GETS = "roadmapbot.cache.gets";
    public static final String CACHE_EVICTIONS = "roadmapbot.cache.evictions";
    public static final String CACHE_SIZE = "roadmapbot.cache.size";

    /** Discord drops an interaction that is not acknowledged within 3 seconds. */
    static final Duration ACKNOWLEDGEMENT_WINDOW = Duration.ofSeconds(3);

    /** Reason tags are the caller's short words; anything else is folded so it cannot explode the series. */
    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> commandCounters = new ConcurrentHashMap<>();
    private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();
    private final Map<NudgeOutcome, Counter> nudges = new EnumMap<>(NudgeOutcome.class);
    private final Timer acknowledgements;
    private final Counter lateAcknowledgements;
    private final Counter phrasingUsed;
    /**
     * The watched caches' counts, held here: Micrometer keeps only a weak reference to a function
     * counter's object, and a lambda nobody else holds would be collected (the series reading NaN).
     */
    private final Map<String, Supplier<CacheCounts>> caches = new ConcurrentHashMap<>();

    public MicrometerBotMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (NudgeOutcome outcome : NudgeOutcome.values()) {
            nudges.put(
                    outcome,
                    Counter.builder(NUDGES)
                            .description("Weekly nudges by outcome")
                            .tag("outcome", tag(outcome))
                            .register(registry));
        }
        for (boolean scheduled : new boolean[] {true, false}) {
            for (boolean delivered : new boolean[] {true, false}) {
                leaderboardCounter(scheduled, delivered);
            }
        }
        acknowledgements = Timer.builder(ACKNOWLEDGEMENT_DURATION)
                .description("Time from an interaction's arrival to its acknowledgement (reply or defer)")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        lateAcknowledgements = Counter.builder(LATE_ACKNOWLEDGEMENTS)
                .description("Interactions acknowledged after Discord's 3-second window")
                .register(registry);
        phrasingUsed = phrasingCounter("used", "none");
    }

    /** The registry, for binders (the database pool) and for scraping. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in Prometheus' text format, as {@code /metrics} serves it. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void commandCompleted(String command, boolean button, CommandOutcome outcome, long nanos) {
        String kind = button ? "button" : "slash";
        commandCounters
                .computeIfAbsent(
                        command + '\0' + kind + '\0' + outcome,
                        k -> Counter.builder(COMMANDS)
                                .description("Commands and button presses by command name and outcome")
                                .tags("command", command, "type", kind, "outcome", tag(outcome))
                                .register(registry))
                .increment();
        commandTimers
                .computeIfAbsent(
                        command + '\0' + kind,
                        k -> Timer.builder(COMMAND_DURATION)
                                .description("Time to build a command's reply, from the router receiving it")
                                .tags("command", command, "type", kind)
                                .publishPercentileHistogram()
                                .maximumExpectedValue(Duration.ofSeconds(5))
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void interactionAcknowledged(long nanos) {
        acknowledgements.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > ACKNOWLEDGEMENT_WINDOW.toNanos()) {
            lateAcknowledgements.increment();
        }
    }

    @Override
    public void nudge(NudgeOutcome outcome) {
        nudges.get(outcome).increment();
    }

    @Override
    public void leaderboardPost(boolean scheduled, boolean delivered) {
        leaderboardCounter(scheduled, delivered).increment();
    }

    @Override
    public void phrasingUsed() {
        phrasingUsed.increment();
    }

    @Override
    public void phrasingFallback(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        phrasingCounter("fallback", REASON.matcher(r).matches() ? r : "other").increment();
    }

    @Override
    public void cache(String name, Supplier<CacheCounts> counts) {
        if (caches.putIfAbsent(name, counts) != null) {
            return;
        }
        cacheCounter(CACHE_GETS, "Cache lookups by result", name, counts, c -> c.hits(), "hit");
        cacheCounter(CACHE_GETS, "Cache lookups by result", name, counts, c -> c.misses(), "miss");
        cacheCounter(CACHE_EVICTIONS, "Entries evicted for the cache's bound", name, counts, c -> c.evictions(), null);
        Gauge.builder(CACHE_SIZE, counts, c -> c.get().size())
                .description("Entries in the cache")
                .tag("cache", name)
                .register(registry);
    }

    private void cacheCounter(
            String series,
            String description,
            String cache,
            Supplier<CacheCounts> counts,
            ToDoubleFunction<CacheCounts> value,
            String result) {
        FunctionCounter.Builder<Supplier<CacheCounts>> builder = FunctionCounter.builder(
                        series, counts, c -> value.applyAsDouble(c.get()))
                .description(description)
                .tag("cache", cache);
        if (result != null) {
            builder.tag("result", result);
        }
        builder.register(registry);
    }

    /** A Quartz job ran ({@code group}: nudges, leaderboards, backup), and whether it threw. */
    public void scheduledJob(String group, boolean succeeded) {
        Counter.builder(SCHEDULED_JOBS)
                .description("Scheduled (Quartz) job runs by job group and outcome")
                .tags("group", group, "outcome", succeeded ? "ok" : "failed")
                .register(registry)
                .increment();
    }

    private Counter leaderboardCounter(boolean scheduled, boolean delivered) {
        return Counter.builder(LEADERBOARD_POSTS)
                .description("Leaderboard posts to a channel")
                .tags("trigger", scheduled ? "scheduled" : "manual", "outcome", delivered ? "posted" : "failed")
                .register(registry);
    }

    private Counter phrasingCounter(String outcome, String reason) {
        return Counter.builder(PHRASING)
                .description("LLM phrasing: answers worded by the model, or plain by reason")
                .tags("outcome", outcome, "reason", reason)
                .register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
