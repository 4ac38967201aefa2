package org.roadmapbot.progress;

import java.time.Instant;

/**
 * One row of the append-only history.
 *
 * @param kind          "start", "done", "in_progress", "skipped" or "undo"
 * @param topicId       the topic, or null for "start"
 * @param previousState the topic's state before the change (db value), or null if it had none
 * @param trackId       for "start": the chosen track
 * @param paceId        for "start": the chosen pace
 */
public record ProgressEvent(
        long id,
        String guildId,
        String memberId,
        String kind,
        String topicId,
        String previousState,
        String trackId,
        String paceId,
        Instant occurredAt) {

    public static final String START = "start";
    public static final String UNDO = "undo";
}
