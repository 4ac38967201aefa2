package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/faq.json. */
public record FaqFile(String section, List<Faq> faq) {

    public record Faq(
            String id, String question, String answer, String section, List<String> citations, List<String> askedAs) {}
}
