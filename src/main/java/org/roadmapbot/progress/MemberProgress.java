package org.roadmapbot.progress;

import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about one member's progress in one server.
 *
 * @param enrollment empty until the member runs /progress start
 * @param topics     topic id -> current mark; topics never touched are absent
 */
public record MemberProgress(
        String guildId, String memberId, Optional<Enrollment> enrollment, Map<String, TopicMark> topics) {

    public MemberProgress {
        topics = Map.copyOf(topics);
    }

    public Optional<TopicState> state(String topicId) {
        return Optional.ofNullable(topics.get(topicId)).map(TopicMark::state);
    }
}
