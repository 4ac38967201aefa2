package org.roadmapbot.discord;

import java.util.Map;
import org.roadmapbot.core.CommandRequest;

/**
 * Which commands acknowledge at once ("thinking…") and answer by editing that message later,
 * because they may take longer than Discord's three seconds (LLM phrasing, rendered images).
 * Anything else answers directly, and is deferred anyway if it has not answered after
 * {@link InteractionHandler#AUTO_DEFER_AFTER}.
 */
@FunctionalInterface
public interface DeferPolicy {

    /** NONE: answer directly; PUBLIC or PRIVATE: defer, with the "thinking" message seen by all or only the asker. */
    enum Mode {
        NONE,
        PUBLIC,
        PRIVATE
    }

    Mode decide(CommandRequest request);

    static DeferPolicy none() {
        return request -> Mode.NONE;
    }

    /** By path ("leaderboard show") first, then by command name ("ask"). */
    static DeferPolicy of(Map<String, Mode> byPathOrName) {
        Map<String, Mode> copy = Map.copyOf(byPathOrName);
        return request -> copy.getOrDefault(request.path(), copy.getOrDefault(request.command(), Mode.NONE));
    }
}
