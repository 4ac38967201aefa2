package org.roadmapbot.core;

/**
 * An expected problem with what the member asked for. Its message is shown to them as a
 * private, polite reply; it is never logged as a failure.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
