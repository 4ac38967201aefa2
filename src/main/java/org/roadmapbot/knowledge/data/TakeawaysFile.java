package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/takeaways.json. */
public record TakeawaysFile(String section, List<Takeaway> takeaways) {

    public record Takeaway(String id, String text, String section, List<String> citations, List<String> askedAs) {}
}
