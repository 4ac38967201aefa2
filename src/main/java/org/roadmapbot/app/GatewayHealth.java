package org.roadmapbot.app;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.roadmapbot.discord.DiscordBot;
import org.roadmapbot.ops.Health;

/**
 * The gateway part of {@code /health}, from the bot's life cycle: down while connecting, up once
 * every shard is ready, down for good once Discord ended the session (a watcher waits for it).
 * JDA reconnects a dropped session by itself; while it does, this still reads up (the adapter
 * exposes no live status yet; see the report of issue 17 for the call to add).
 */
final class GatewayHealth implements Supplier<Health.Status> {

    private final AtomicReference<Health.Status> status =
            new AtomicReference<>(Health.Status.down("connecting to Discord"));

    void connected(DiscordBot bot) {
        status.set(Health.Status.up("connected"));
        Thread watcher = new Thread(
                () -> {
                    try {
                        bot.awaitShutdown();
                        status.set(Health.Status.down("disconnected: the Discord session has ended"));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "gateway-health");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public Health.Status get() {
        return status.get();
    }
}
