package org.roadmapbot.knowledge.data;

/** A roadmap-data file that cannot be used; the message names the file and the entry. */
public final class DataError extends RuntimeException {
    public DataError(String message) {
        super(message);
    }

    public DataError(String message, Throwable cause) {
        super(message, cause);
    }
}
