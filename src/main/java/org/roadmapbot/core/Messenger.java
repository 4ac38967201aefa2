package org.roadmapbot.core;

/**
 * How scheduled work reaches people: a direct message to a member, or a post in a channel.
 * Discord implements it with JDA; the console prints; tests collect.
 */
public interface Messenger {

    /** Sends a private message to a member of a server. */
    void sendDirect(String guildId, String memberId, Reply message) throws DeliveryException;

    /** Posts to a channel of a server. */
    void postToChannel(String guildId, String channelId, Reply message) throws DeliveryException;

    /**
     * As {@link #sendDirect(String, String, Reply)}, with a key that is the same for every attempt
     * at one delivery (a nudge's member and week). An adapter that can deduplicate uses it (Discord:
     * the message nonce, enforced), so a retry after a crash between sending and recording the send
     * does not deliver twice; the default ignores it.
     */
    default void sendDirect(String guildId, String memberId, Reply message, String deliveryKey) throws DeliveryException {
        sendDirect(guildId, memberId, message);
    }

    /** As {@link #postToChannel(String, String, Reply)}, with a delivery key (see the keyed sendDirect). */
    default void postToChannel(String guildId, String channelId, Reply message, String deliveryKey) throws DeliveryException {
        postToChannel(guildId, channelId, message);
    }

    /** Whether the bot can post in the channel right now (exists, visible, allowed to send). */
    boolean canPost(String guildId, String channelId);

    /** A message that could not be delivered, and whether trying again may help. */
    final class DeliveryException extends Exception {

        /** Why a delivery failed; only TEMPORARY is worth a retry. */
        public enum Reason { DMS_CLOSED, NO_PERMISSION, UNKNOWN_TARGET, TEMPORARY }

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
