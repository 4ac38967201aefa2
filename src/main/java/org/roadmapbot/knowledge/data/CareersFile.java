package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/careers.json: the role, related roles, pay and survey figures. */
public record CareersFile(
        Overview overview,
        List<Role> roles,
        List<Figure> figures,
        List<Figure> survey,
        String ecosystems,
        String outlook) {

    public record Overview(
            String id,
            String summary,
            List<String> responsibilities,
            String visibility,
            String intro,
            String section,
            List<String> citations,
            List<String> askedAs) {}

    public record Role(
            String id, String name, String focus, String section, List<String> citations, List<String> askedAs) {}

    public record Figure(
            String id,
            String label,
            String value,
            @OptionalField String period,
            String details,
            String section,
            List<String> citations,
            List<String> askedAs) {}
}
