package org.roadmapbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One answerable unit of the knowledge: a phase, topic, course, FAQ, project, figure...
 *
 * @param id      the roadmap-data id (or the file name for a whole-file overview)
 * @param kind    what it is, for grouping related hits in one answer
 * @param title   a short heading
 * @param answer  the facts as a friendly markdown paragraph
 * @param section the heading of the source text it comes from
 * @param body    searchable text beyond the answer (details, names, synonyms in the data)
 * @param askedAs question-shaped hints from the data
 */
public record Entry(String id, Kind kind, String title, String answer, String section, String body, List<String> askedAs) {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        askedAs = List.copyOf(askedAs);
    }

    public enum Kind {
        OVERVIEW, PHASE, TOPIC, COURSE, FREE_COURSE, FAQ, PROJECT, STACK, ROLE, FIGURE, SURVEY, TAKEAWAY, SOURCE, TRACK, LIST
    }
}
