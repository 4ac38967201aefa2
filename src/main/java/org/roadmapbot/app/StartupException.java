package org.roadmapbot.app;

/** A start-up problem the operator can fix; its message is printed alone, without a stack trace. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
