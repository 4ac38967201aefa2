package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/stacks.json: the five common backend stacks. */
public record StacksFile(String section, List<Stack> stacks) {

    public record Stack(
            String id,
            String name,
            String language,
            String use,
            String section,
            List<String> citations,
            List<String> askedAs) {}
}
