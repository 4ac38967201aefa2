package org.roadmapbot.knowledge.data;

import java.util.List;
import java.util.Map;

/** roadmap-data/roadmap.json: the four phases, their topics, the tracks and the paces. */
public record RoadmapFile(
        String title,
        String summary,
        int durationMonths,
        String section,
        List<String> askedAs,
        List<Track> tracks,
        List<Pace> paces,
        String paceSection,
        List<Phase> phases) {

    public record Track(String id, String name, String description) {}

    public record Pace(String id, String name, String months, int minMonths, int maxMonths, String description) {}

    public record Phase(
            String id,
            int number,
            String title,
            String months,
            int monthStart,
            int monthEnd,
            String summary,
            String goal,
            String milestone,
            Map<String, String> tracks,
            List<Topic> topics,
            String section,
            List<String> citations,
            List<String> askedAs) {}

    /** A studyable topic; progress is keyed on {@code id}, so ids never change. */
    public record Topic(
            String id,
            String name,
            String details,
            @OptionalField String track,
            List<String> resources,
            List<String> askedAs) {}
}
