package org.roadmapbot.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How scheduled work reaches people: a direct message to a member, or a post in a channel.
 * Discord implements it with JDA; the console prints; tests collect.
 *
 * <p>Asynchronous: a send returns at once with a future that completes when the message is
 * delivered, or exceptionally with a {@link DeliveryException} saying why not. No caller thread
 * waits on the network; callers act on the outcome in a callback ({@link #failure} unwraps it).
 */
public interface Messenger {

    /**
     * Sends a private message to a member of a server.
     *
     * @param deliveryKey null, or a key that is the same for every attempt at one delivery (a
     *                    nudge's member and week). An adapter that can deduplicate uses it
     *                    (Discord: the message nonce, enforced), so a retry after a crash between
     *                    sending and recording the send does not deliver twice.
     */
    CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String deliveryKey);

    /** Posts to a channel of a server; {@code deliveryKey} as for {@link #sendDirect}. */
    CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String deliveryKey);

    /**
     * Posts to a channel as a reply to one of its messages (Discord: a message reference, so members see
     * what it answers). An adapter without replies posts it plainly.
     */
    default CompletableFuture<Void> replyTo(String guildId, String channelId, String messageId, Reply message) {
        return postToChannel(guildId, channelId, message, null);
    }

    /**
     * Whether the bot can post in the channel as far as this process can tell right now, without
     * asking the network: false when it knows it cannot (no such channel, a permission missing).
     * A server this process does not see (another process's shard) answers true: the post itself
     * then reports a refusal.
     */
    boolean canPost(String guildId, String channelId);

    /** A future already failed with {@code e}: how an adapter reports a failure it knows before sending. */
    static CompletableFuture<Void> failed(DeliveryException e) {
        return CompletableFuture.failedFuture(e);
    }

    /**
     * The delivery failure behind a failed future's exception: the {@link DeliveryException}
     * itself, or anything unexpected as a TEMPORARY one (worth a bounded retry).
     */
    static DeliveryException failure(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof DeliveryException d
                ? d
                : new DeliveryException(DeliveryException.Reason.TEMPORARY, "delivery failed: " + t, t);
    }

    /** A message that could not be delivered, and whether trying again may help. */
    final class DeliveryException extends Exception {

        /** Why a delivery failed; only TEMPORARY is worth a retry. */
        public enum Reason {
            DMS_CLOSED,
            NO_PERMISSION,
            UNKNOWN_TARGET,
            TEMPORARY
        }

        private final Reason reason;

        public DeliveryException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public DeliveryException(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        public boolean retryable() {
            return reason == Reason.TEMPORARY;
        }
    }
}
