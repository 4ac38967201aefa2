package org.roadmapbot.schedule;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;

/**
 * The messenger scheduled jobs deliver through. Features are built before the adapter that can
 * deliver exists (JDA connects after the application starts), so jobs hold this slot and the
 * adapter fills it when it is ready. Until then deliveries fail as temporary, to be retried.
 */
public final class MessengerSlot implements Messenger {

    private final AtomicReference<Messenger> target = new AtomicReference<>();

    public void set(Messenger messenger) {
        target.set(messenger);
    }

    public boolean isSet() {
        return target.get() != null;
    }

    @Override
    public CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String deliveryKey) {
        Messenger m = target.get();
        return m == null ? notYet() : m.sendDirect(guildId, memberId, message, deliveryKey);
    }

    @Override
    public CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String deliveryKey) {
        Messenger m = target.get();
        return m == null ? notYet() : m.postToChannel(guildId, channelId, message, deliveryKey);
    }

    @Override
    public CompletableFuture<Void> replyTo(String guildId, String channelId, String messageId, Reply message) {
        Messenger m = target.get();
        return m == null ? notYet() : m.replyTo(guildId, channelId, messageId, message);
    }

    @Override
    public boolean canPost(String guildId, String channelId) {
        Messenger m = target.get();
        return m != null && m.canPost(guildId, channelId);
    }

    private static CompletableFuture<Void> notYet() {
        return Messenger.failed(
                new DeliveryException(DeliveryException.Reason.TEMPORARY, "no messenger connected yet"));
    }
}
