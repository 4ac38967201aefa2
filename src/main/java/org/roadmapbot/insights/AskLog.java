package org.roadmapbot.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what members ask and how they rate the answers, per server, for /insights: counts per day,
 * and the questions the bot could not answer or whose answer was marked thumbs-down (the text only,
 * and only while the server keeps them). An ask never waits for the database: events are gathered
 * in memory and written every {@link #FLUSH} in one transaction (and on a clean stop), so a
 * {@code kill -9} loses at most the last second's counts. Kept questions older than
 * {@link InsightsStore#KEEP_DAYS} days are deleted every hour.
 */
public final class AskLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AskLog.class);

    public static final Duration FLUSH = Duration.ofSeconds(1);
    private static final Duration EXPIRY_EVERY = Duration.ofHours(1);
    /** Pending questions beyond this are dropped (a database outage must not fill the heap). */
    private static final int MAX_PENDING_QUESTIONS = 10_000;

    /** How an ask ended. */
    public enum Outcome {
        ANSWERED,
        CURATED,
        UNANSWERED
    }

    private final InsightsStore store;
    private final Predicate<String> keepsQuestions;
    private final Clock clock;
    private final Object lock = new Object();
    private Map<InsightsStore.Day, InsightsStore.Counts> counts = new HashMap<>();
    private List<InsightsStore.NewQuestion> questions = new ArrayList<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "insights-writer");
        t.setDaemon(true);
        return t;
    });
    private boolean started;
    private long lastFailureLog;

    /** @param keepsQuestions whether a server keeps its questions (its setting, read per question) */
    public AskLog(InsightsStore store, Predicate<String> keepsQuestions, Clock clock) {
        this.store = store;
        this.keepsQuestions = keepsQuestions;
        this.clock = clock;
    }

    /** Starts writing every {@link #FLUSH} and expiring every hour. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        var unusedFlush = writer.scheduleWithFixedDelay(
                this::flushQuietly, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
        var unusedExpiry =
                writer.scheduleWithFixedDelay(this::expireQuietly, 0, EXPIRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A question asked (by /ask, a mention, the message menu) and how it was answered. */
    public void asked(String guildId, String question, Outcome outcome) {
        boolean answered = outcome != Outcome.UNANSWERED;
        add(
                guildId,
                new InsightsStore.Counts(1, answered ? 1 : 0, outcome == Outcome.CURATED ? 1 : 0, 0, 0),
                answered ? null : question,
                InsightsStore.UNANSWERED);
    }

    /** An answer rated; a thumbs-down keeps its question ({@code question} null when no longer known). */
    public void rated(String guildId, boolean helpful, String question) {
        add(
                guildId,
                new InsightsStore.Counts(0, 0, 0, helpful ? 1 : 0, helpful ? 0 : 1),
                helpful ? null : question,
                InsightsStore.THUMBS_DOWN);
    }

    private void add(String guildId, InsightsStore.Counts n, String question, String kind) {
        Instant now = clock.instant();
        boolean keep = question != null && !question.isBlank() && keepsQuestions.test(guildId);
        synchronized (lock) {
            counts.merge(
                    new InsightsStore.Day(guildId, LocalDate.ofInstant(now, ZoneOffset.UTC)),
                    n,
                    InsightsStore.Counts::plus);
            if (keep && questions.size() < MAX_PENDING_QUESTIONS) {
                questions.add(new InsightsStore.NewQuestion(guildId, question.strip(), kind, now));
            }
        }
    }

    /** Writes what was gathered; on failure it is kept for the next try. */
    public void flush() {
        Map<InsightsStore.Day, InsightsStore.Counts> c;
        List<InsightsStore.NewQuestion> q;
        synchronized (lock) {
            c = counts;
            q = questions;
            counts = new HashMap<>();
            questions = new ArrayList<>();
        }
        try {
            store.record(c, q);
        } catch (RuntimeException e) {
            synchronized (lock) {
                c.forEach((k, v) -> counts.merge(k, v, InsightsStore.Counts::plus));
                int room = Math.max(0, MAX_PENDING_QUESTIONS - questions.size());
                questions.addAll(0, q.subList(0, Math.min(room, q.size())));
            }
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 60_000) {
                lastFailureLog = now;
                LOG.warn("could not write /insights counts (kept for the next try): {}", e.toString());
            }
        }
    }

    /** Deletes what is older than {@link InsightsStore#KEEP_DAYS} days. */
    public void expire() {
        Instant now = clock.instant();
        int deleted = store.expire(
                now.minus(Duration.ofDays(InsightsStore.KEEP_DAYS)),
                LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(InsightsStore.KEEP_DAYS));
        if (deleted > 0) {
            LOG.info("deleted {} /insights rows older than {} days", deleted, InsightsStore.KEEP_DAYS);
        }
    }

    private void expireQuietly() {
        try {
            expire();
        } catch (RuntimeException e) {
            LOG.warn("could not delete old /insights questions (will try again in an hour): {}", e.toString());
        }
    }

    /** Stops the writer and writes what is left. */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write the last /insights counts on stop: {}", e.toString());
        }
    }
}
