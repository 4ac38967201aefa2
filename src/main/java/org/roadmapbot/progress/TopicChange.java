package org.roadmapbot.progress;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to change one topic's state for one member.
 *
 * @param newState the state to set, or empty to clear it (undo)
 */
public record TopicChange(String guildId, String memberId, String topicId, Optional<TopicState> newState) {
    public TopicChange {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(topicId, "topicId");
        Objects.requireNonNull(newState, "newState");
    }

    public static TopicChange set(String guildId, String memberId, String topicId, TopicState state) {
        return new TopicChange(guildId, memberId, topicId, Optional.of(state));
    }

    public static TopicChange clear(String guildId, String memberId, String topicId) {
        return new TopicChange(guildId, memberId, topicId, Optional.empty());
    }

    /** The event kind this change records. */
    String eventKind() {
        return newState.map(TopicState::dbValue).orElse(ProgressEvent.UNDO);
    }
}
