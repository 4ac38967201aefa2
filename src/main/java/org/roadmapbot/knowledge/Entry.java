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
 * @param keywords searchable names weighted like the title (e.g. "phase4")
 * @param body    searchable text beyond the answer (details, names in the data)
 * @param askedAs question-shaped hints from the data
 * @param parent  the entry that sums this one up with its siblings (a topic's phase, a
 *                course's course list), or null
 */
public record Entry(String id, Kind kind, String title, String answer, String section, String keywords, String body,
                    List<String> askedAs, String parent) {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        askedAs = List.copyOf(askedAs);
    }

    public enum Kind {
        OVERVIEW, PHASE, TOPIC, COURSE, FREE_COURSE, FAQ, PROJECT, STACK, ROLE, FIGURE, SURVEY, TAKEAWAY, SOURCE, TRACK, LIST
    }
}
