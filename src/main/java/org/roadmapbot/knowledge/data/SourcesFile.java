package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/sources.json: the publications the guide cites. */
public record SourcesFile(String section, List<Source> sources) {

    public record Source(
            String id,
            String publisher,
            String title,
            String details,
            @OptionalField String accessed) {}
}
