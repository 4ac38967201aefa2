package org.roadmapbot.nudges;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;

/** A messenger that collects what it delivers; failures can be scripted per member. */
final class CollectingMessenger implements Messenger {

    /** One delivered message: a DM ({@code channelId} null) or a channel post. */
    record Delivery(String guildId, String memberId, String channelId, Reply message) {
        boolean direct() {
            return channelId == null;
        }
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Deque<Object>> failures = new HashMap<>();
    private final Set<String> postableChannels = new HashSet<>();
    private final Set<String> refusingOnPost = new HashSet<>();
    private int attempts;

    /** The next DMs to this member fail in this order (a Reason, or a RuntimeException to throw). */
    synchronized CollectingMessenger failDirect(String memberId, Object... reasons) {
        failures.computeIfAbsent(memberId, k -> new ArrayDeque<>()).addAll(List.of(reasons));
        return this;
    }

    synchronized CollectingMessenger allowChannel(String channelId) {
        postableChannels.add(channelId);
        return this;
    }

    /** The channel looks postable from here, but Discord refuses the post (another process's server, a late change). */
    synchronized CollectingMessenger refuseOnPost(String channelId) {
        postableChannels.add(channelId);
        refusingOnPost.add(channelId);
        return this;
    }

    @Override
    public synchronized CompletableFuture<Void> sendDirect(
            String guildId, String memberId, Reply message, String deliveryKey) {
        if (deliveryKey != null) {
            keys.add(deliveryKey);
        }
        attempts++;
        Deque<Object> script = failures.get(memberId);
        Object next = script == null ? null : script.poll();
        if (next instanceof DeliveryException.Reason reason) {
            return Messenger.failed(new DeliveryException(reason, "scripted " + reason));
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        deliveries.add(new Delivery(guildId, memberId, null, message));
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> postToChannel(
            String guildId, String channelId, Reply message, String deliveryKey) {
        attempts++;
        if (!postableChannels.contains(channelId) || refusingOnPost.contains(channelId)) {
            return Messenger.failed(
                    new DeliveryException(DeliveryException.Reason.NO_PERMISSION, "cannot post in " + channelId));
        }
        deliveries.add(new Delivery(guildId, null, channelId, message));
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized boolean canPost(String guildId, String channelId) {
        return postableChannels.contains(channelId);
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The delivery key of every keyed DM attempt, in order. */
    synchronized List<String> keys() {
        return List.copyOf(keys);
    }

    synchronized int attempts() {
        return attempts;
    }
}
