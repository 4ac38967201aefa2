package org.roadmapbot.discord;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's 3-second window for one interaction, started the moment the interaction arrives.
 * Exactly one of two parties acknowledges it: the worker, by answering, or a timer on a thread
 * that runs no command work, by deferring ("thinking…") when the worker has not answered by the
 * deadline, however long the interaction waited for a free worker. The race is settled by one
 * compare-and-set on the state; whoever loses it does not touch the interaction's callback again,
 * and an answer after a deferral edits (or, when private, replaces) the deferred message. When
 * Discord confirms the acknowledgement, its latency since arrival goes to the metrics.
 */
final class Acknowledgement {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgement.class);

    private static final int PENDING = 0;
    private static final int REPLIED = 1;
    private static final int DEFERRED_PUBLIC = 2;
    private static final int DEFERRED_PRIVATE = 3;

    private final IReplyCallback event;
    private final BotMetrics metrics;
    private final long arrived = System.nanoTime();
    private final AtomicInteger state = new AtomicInteger(PENDING);
    private volatile ScheduledFuture<?> timer;

    private Acknowledgement(IReplyCallback event, BotMetrics metrics) {
        this.event = event;
        this.metrics = metrics;
    }

    /**
     * On arrival (JDA's event thread): defers at once when the policy says so, else arms the timer
     * that defers publicly after {@code deadline} unless the answer came first.
     */
    static Acknowledgement onArrival(
            IReplyCallback event,
            DeferPolicy.Mode mode,
            ScheduledExecutorService timers,
            Duration deadline,
            BotMetrics metrics) {
        Acknowledgement ack = new Acknowledgement(event, metrics);
        if (mode != DeferPolicy.Mode.NONE) {
            ack.defer(mode == DeferPolicy.Mode.PRIVATE);
            return ack;
        }
        try {
            ack.timer = timers.schedule(() -> ack.defer(false), deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            ack.defer(false); // stopping: no timer left, so acknowledge now
        }
        return ack;
    }

    /**
     * The worker's answer: the acknowledgement itself if the timer has not fired, else an edit of the
     * deferral. A form opens as a modal, which must be the acknowledgement: after a deferral {@code message}
     * (saying so) is shown instead.
     */
    void answer(Reply reply, MessageCreateData message) {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        if (reply.form() != null && event instanceof IModalCallback modal && state.compareAndSet(PENDING, REPLIED)) {
            modal.replyModal(ReplyRenderer.modal(reply.form())).queue(null, e -> logFailure("modal", e));
            return;
        }
        if (state.compareAndSet(PENDING, REPLIED)) {
            event.reply(message)
                    .setEphemeral(reply.ephemeral())
                    .queue(ok -> acknowledged(), e -> logFailure("reply", e));
        } else if (state.get() == DEFERRED_PUBLIC && reply.ephemeral()) {
            // The public "thinking" message must not become a private answer for all to see.
            event.getHook().deleteOriginal().queue(null, e -> logFailure("delete deferred", e));
            event.getHook().sendMessage(message).setEphemeral(true).queue(null, e -> logFailure("follow-up", e));
        } else {
            event.getHook()
                    .editOriginal(MessageEditData.fromCreateData(message))
                    .queue(null, e -> logFailure("edit", e));
        }
    }

    private void defer(boolean ephemeral) {
        if (state.compareAndSet(PENDING, ephemeral ? DEFERRED_PRIVATE : DEFERRED_PUBLIC)) {
            event.deferReply(ephemeral).queue(ok -> acknowledged(), e -> logFailure("defer", e));
        }
    }

    /** Discord took the acknowledgement: how long after arrival (late past its 3-second window). */
    private void acknowledged() {
        metrics.interactionAcknowledged(System.nanoTime() - arrived);
    }

    static void logFailure(String what, Throwable e) {
        LOG.warn("Discord {} failed: {}", what, e.toString());
    }
}
