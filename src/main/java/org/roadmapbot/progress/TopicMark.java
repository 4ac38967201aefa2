package org.roadmapbot.progress;

import java.time.Instant;
import java.util.Objects;

/** The current state of one topic for a member, and since when. */
public record TopicMark(String topicId, TopicState state, Instant since) {
    public TopicMark {
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
