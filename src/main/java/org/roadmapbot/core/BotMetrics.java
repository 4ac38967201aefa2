package org.roadmapbot.core;

import java.util.function.Supplier;

/**
 * What the bot counts for its operator, as a port: features and adapters report events here with
 * no metrics library in sight; {@code ops.MicrometerBotMetrics} turns them into the Prometheus
 * series of {@code /metrics} (the names are defined there, once). {@link #NONE} ignores everything,
 * so tests and tools that build parts of the bot by hand need nothing.
 *
 * <p>Every tag value comes from a small fixed set (the enums below, command names from the specs,
 * reasons named by the caller from its own short list): a free-form value would create a new
 * series per value.
 */
public interface BotMetrics {

    /** Ignores everything. */
    BotMetrics NONE = new BotMetrics() {};

    /** How a command or button press ended. */
    enum CommandOutcome {
        /** A normal reply. */
        OK,
        /** A polite refusal of the member's input (bad option, unknown topic, nothing to undo...). */
        USER_ERROR,
        /** A moderator-only command used by someone else. */
        FORBIDDEN,
        /** No command of that name (a stale registration). */
        UNKNOWN,
        /** An unexpected failure: the member got the "something went wrong" reply with an incident code. */
        FAILED
    }

    /** What became of one weekly nudge. */
    enum NudgeOutcome {
        /** Delivered (DM, or the study-channel fallback). */
        SENT,
        /** Given up on (closed DMs and no channel, a permanent Discord error, retries exhausted). */
        FAILED,
        /** Too late after downtime (past the grace period): recorded and skipped. */
        MISSED,
        /** A temporary error, tried again. */
        RETRIED
    }

    /**
     * A slash command (or button press, {@code button} true) finished after {@code nanos}, from the
     * router's receiving it to the reply being built.
     */
    default void commandCompleted(String command, boolean button, CommandOutcome outcome, long nanos) {}

    /**
     * The Discord adapter acknowledged an interaction (a reply or a "thinking…" defer) {@code nanos}
     * after it arrived. Past Discord's 3-second window it also counts as late.
     */
    default void interactionAcknowledged(long nanos) {}

    /** One nudge's outcome (called once per event: a retry, then the final sent or failed). */
    default void nudge(NudgeOutcome outcome) {}

    /**
     * A leaderboard post to a channel: {@code scheduled} for the weekly job, false for
     * {@code /leaderboard post}; {@code delivered} false when it could not be posted.
     */
    default void leaderboardPost(boolean scheduled, boolean delivered) {}

    /** An answer or nudge reached the member in the LLM's wording. */
    default void phrasingUsed() {}

    /**
     * The plain text went out instead of the LLM's wording, for {@code reason}: one of a short
     * fixed list named by the phrasing feature (e.g. timeout, error, rejected, quota, cooldown).
     */
    default void phrasingFallback(String reason) {}

    /** What a cache has done so far (hits, misses, entries evicted for its bound) and its entries now. */
    record CacheCounts(long hits, long misses, long evictions, long size) {}

    /**
     * A cache to watch: {@code counts} is read whenever the metrics are (a scrape of /metrics).
     * {@code name} is the cache's fixed name (e.g. "answers"); one registration per name.
     */
    default void cache(String name, Supplier<CacheCounts> counts) {}
}
