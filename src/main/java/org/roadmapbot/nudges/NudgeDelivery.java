package org.roadmapbot.nudges;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one nudge: a DM; if DMs are closed, a post in the first configured study channel that
 * takes it; temporary failures retried a bounded number of times with back-off. Asynchronous: the
 * caller gets a future at once, retries wait on a timer (never by sleeping on a scheduler thread,
 * so a Discord outage stalls no other nudge), and the future never fails: the outcome says what
 * happened and whether the member's nudges should be turned off.
 */
final class NudgeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeDelivery.class);

    /** What became of one delivery. {@code disableReason} is set when trying again next week is pointless. */
    record Outcome(boolean delivered, String via, int attempts, String detail, Optional<String> disableReason) {}

    private final Messenger messenger;
    private final List<String> studyChannels;
    private final List<Duration> backoff;
    private final Executor executor;
    private final BotMetrics metrics;

    /**
     * @param executor where retries and outcomes run: the feature's own threads, not the adapter's nor Quartz's
     * @param metrics  told of every retry (the final outcome is the caller's to report, once it is recorded)
     */
    NudgeDelivery(
            Messenger messenger,
            List<String> studyChannels,
            List<Duration> backoff,
            Executor executor,
            BotMetrics metrics) {
        this.messenger = messenger;
        this.studyChannels = List.copyOf(studyChannels);
        this.backoff = List.copyOf(backoff);
        this.executor = executor;
        this.metrics = metrics;
    }

    /** {@code deliveryKey}: the same for every attempt at this member's week, so an adapter can drop repeats. */
    // handle(...) returns a future of a future, flattened by thenCompose(f -> f): Error Prone reads the inner one as
    // ignored.
    @SuppressWarnings("FutureReturnValueIgnored")
    CompletableFuture<Outcome> deliver(String guildId, String memberId, Reply message, String deliveryKey) {
        AtomicInteger attempts = new AtomicInteger();
        return withRetries(attempts, () -> messenger.sendDirect(guildId, memberId, message, deliveryKey), 0)
                .thenApply(ok -> CompletableFuture.completedFuture(
                        new Outcome(true, SentLog.VIA_DM, attempts.get(), null, Optional.empty())))
                .exceptionally(thrown -> {
                    DeliveryException e = deliveryFailure(thrown, guildId, memberId);
                    if (e == null) {
                        return CompletableFuture.completedFuture(new Outcome(
                                false, null, attempts.get(), "unexpected: " + unwrap(thrown), Optional.empty()));
                    }
                    return switch (e.reason()) {
                        case DMS_CLOSED -> toStudyChannel(guildId, memberId, message, deliveryKey, attempts, e);
                        case UNKNOWN_TARGET ->
                            CompletableFuture.completedFuture(new Outcome(
                                    false,
                                    null,
                                    attempts.get(),
                                    e.getMessage(),
                                    Optional.of(NudgeSettings.UNKNOWN_MEMBER)));
                        case NO_PERMISSION, TEMPORARY ->
                            CompletableFuture.completedFuture(
                                    new Outcome(false, null, attempts.get(), e.getMessage(), Optional.empty()));
                    };
                })
                .thenCompose(outcome -> outcome);
    }

    /**
     * The configured study channels this process does not know to be closed to the bot, tried in
     * order: a channel that refuses (a permission, a deleted channel) hands over to the next one.
     */
    private CompletableFuture<Outcome> toStudyChannel(
            String guildId,
            String memberId,
            Reply message,
            String deliveryKey,
            AtomicInteger attempts,
            DeliveryException closed) {
        List<String> candidates = studyChannels.stream()
                .filter(id -> messenger.canPost(guildId, id))
                .toList();
        Reply post = NudgeComposer.forChannel(memberId, message);
        return toChannel(guildId, candidates, 0, post, deliveryKey, attempts, closed.getMessage());
    }

    // handle(...) returns a future of a future, flattened by thenCompose(f -> f): Error Prone reads the inner one as
    // ignored.
    @SuppressWarnings("FutureReturnValueIgnored")
    private CompletableFuture<Outcome> toChannel(
            String guildId,
            List<String> candidates,
            int index,
            Reply post,
            String deliveryKey,
            AtomicInteger attempts,
            String why) {
        if (index >= candidates.size()) {
            return CompletableFuture.completedFuture(new Outcome(
                    false,
                    null,
                    attempts.get(),
                    index == 0 ? why : "DMs closed; study channel failed: " + why,
                    Optional.of(NudgeSettings.DMS_CLOSED)));
        }
        String channel = candidates.get(index);
        return withRetries(attempts, () -> messenger.postToChannel(guildId, channel, post, deliveryKey), 0)
                .thenApply(ok -> CompletableFuture.completedFuture(new Outcome(
                        true,
                        SentLog.VIA_CHANNEL,
                        attempts.get(),
                        "DMs closed; posted in channel " + channel,
                        Optional.empty())))
                .exceptionally(thrown -> {
                    DeliveryException e = Messenger.failure(thrown);
                    return e.retryable()
                            ? CompletableFuture.completedFuture(new Outcome(
                                    false,
                                    null,
                                    attempts.get(),
                                    "DMs closed; study channel failed: " + e.getMessage(),
                                    Optional.of(NudgeSettings.DMS_CLOSED)))
                            : toChannel(guildId, candidates, index + 1, post, deliveryKey, attempts, e.getMessage());
                })
                .thenCompose(outcome -> outcome);
    }

    /** Up to backoff.size() + 1 attempts; only TEMPORARY failures are retried, each after its pause on the executor. */
    // handle(...) returns a future of a future, flattened by thenCompose(f -> f): Error Prone reads the inner one as
    // ignored.
    @SuppressWarnings("FutureReturnValueIgnored")
    private CompletableFuture<Void> withRetries(
            AtomicInteger attempts, Supplier<CompletableFuture<Void>> send, int retry) {
        attempts.incrementAndGet();
        CompletableFuture<Void> sent;
        try {
            sent = send.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // an adapter's bug: reported, not retried (see deliveryFailure)
        }
        return sent.handle((ok, thrown) -> {
                    if (thrown == null) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = unwrap(thrown);
                    if (!(cause instanceof DeliveryException e) || !e.retryable() || retry >= backoff.size()) {
                        return CompletableFuture.<Void>failedFuture(cause);
                    }
                    Duration pause = backoff.get(retry);
                    LOG.info("nudge delivery failed ({}), retrying in {} ms", e.getMessage(), pause.toMillis());
                    metrics.nudge(BotMetrics.NudgeOutcome.RETRIED);
                    Executor later =
                            CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS, executor);
                    return CompletableFuture.supplyAsync(() -> withRetries(attempts, send, retry + 1), later)
                            .thenCompose(f -> f);
                })
                .thenCompose(f -> f);
    }

    /** The delivery failure, or null for an adapter's bug (logged: it costs this nudge, never the scheduler). */
    private static DeliveryException deliveryFailure(Throwable thrown, String guildId, String memberId) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof DeliveryException e) {
            return e;
        }
        LOG.error("nudge delivery to member {} in server {} failed unexpectedly", memberId, guildId, cause);
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? unwrap(t.getCause()) : t;
    }
}
