package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;

/** Test helpers for the messenger's futures: a test may wait; the bot never does. */
final class Delivered {

    private Delivered() {}

    /** Waits (bounded) for a send that must succeed. */
    static void ok(CompletableFuture<Void> send) throws Exception {
        send.get(20, TimeUnit.SECONDS);
    }

    /** Waits (bounded) for a send that must fail, and returns why. */
    static DeliveryException failure(CompletableFuture<Void> send) {
        Throwable thrown =
                send.handle((ok, e) -> e).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(thrown).as("the send should have failed").isNotNull();
        return Messenger.failure(thrown);
    }
}
