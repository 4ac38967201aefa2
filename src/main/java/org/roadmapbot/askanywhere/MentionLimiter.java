package org.roadmapbot.askanywhere;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often one member may have the bot answer in a channel: at most {@code limit} answers in any
 * {@code window} (a sliding window per member and server). Past it, the first message gets a short
 * notice and the following ones nothing, until the window has room again, so a member cannot turn the
 * bot into a spammer. State is per process (a server's messages reach the process that runs its shard),
 * bounded and forgotten after the window.
 */
final class MentionLimiter {

    /** What to do with a message. */
    enum Verdict {
        ANSWER,
        NOTICE,
        IGNORE
    }

    private static final class Window {
        final Deque<Long> answered = new ArrayDeque<>();
        boolean noticed;
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> windows;

    MentionLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    Verdict check(String guildId, String memberId) {
        long now = clock.millis();
        Window w = windows.get(guildId + "/" + memberId, k -> new Window());
        synchronized (w) {
            while (!w.answered.isEmpty() && now - w.answered.peekFirst() >= window.toMillis()) {
                w.answered.pollFirst();
            }
            if (w.answered.size() < limit) {
                w.answered.addLast(now);
                w.noticed = false;
                return Verdict.ANSWER;
            }
            if (w.noticed) {
                return Verdict.IGNORE;
            }
            w.noticed = true;
            return Verdict.NOTICE;
        }
    }

    /** Seconds until the member may be answered again. */
    long waitSeconds(String guildId, String memberId) {
        Window w = windows.getIfPresent(guildId + "/" + memberId);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            Long oldest = w.answered.peekFirst();
            return oldest == null ? 0 : Math.max(1, (oldest + window.toMillis() - clock.millis() + 999) / 1000);
        }
    }
}
