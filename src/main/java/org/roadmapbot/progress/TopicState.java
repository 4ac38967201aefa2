package org.roadmapbot.progress;

import java.util.Arrays;
import java.util.Locale;

/** Where a member is with one topic; "not started" is the absence of a state. */
public enum TopicState {
    DONE("done", "done"),
    IN_PROGRESS("in_progress", "in progress"),
    SKIPPED("skipped", "skipped");

    private final String dbValue;
    private final String label;

    TopicState(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    /** The value stored in topic_progress.state and progress_event.kind. */
    public String dbValue() {
        return dbValue;
    }

    /** How members read it. */
    public String label() {
        return label;
    }

    public static TopicState fromDb(String value) {
        return Arrays.stream(values())
                .filter(s -> s.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "unknown topic state in database: " + value.toLowerCase(Locale.ROOT)));
    }
}
