package org.roadmapbot.progress;

import java.util.stream.Collectors;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/** The line under a topic in `/progress next` and in a nudge: where to learn it. */
public final class TopicResources {

    private TopicResources() {}

    /**
     * "Resources: …" with up to three of the guide's resources for the topic; for a topic the guide
     * names none for (say "Pick a primary language"), where its phase is described instead.
     */
    public static String line(KnowledgeBase kb, Topic topic) {
        if (topic.resources().isEmpty()) {
            return "The guide names no course for this topic; `/roadmap phase:"
                    + kb.phaseOf(topic).number() + "` shows the phase it belongs to.";
        }
        return "Resources: "
                + topic.resources().stream().limit(3).map(kb::resourceName).collect(Collectors.joining("; "));
    }
}
