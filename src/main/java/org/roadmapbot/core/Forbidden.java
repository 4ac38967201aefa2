package org.roadmapbot.core;

/**
 * A moderator-only command used by someone else: shown to them as a private, polite reply and
 * counted apart from other refusals ({@link BotMetrics.CommandOutcome#FORBIDDEN}).
 */
public final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message, null, false, false);
    }
}
