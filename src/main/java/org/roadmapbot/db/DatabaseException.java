package org.roadmapbot.db;

/**
 * The database cannot be used at start-up (locked by another bot, newer than this code,
 * unreachable). The message says what to do and is shown to the operator without a stack trace.
 */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
