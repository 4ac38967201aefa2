package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/projects.json: the four portfolio projects and how to present them. */
public record ProjectsFile(String section, String intro, String presentation, List<Project> projects) {

    public record Project(
            String id,
            String level,
            String title,
            String description,
            List<String> features,
            List<String> tech,
            @OptionalField String why,
            List<String> topics,
            String section,
            List<String> citations,
            List<String> askedAs) {}
}
