package org.roadmapbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One answerable unit of the knowledge: a phase, topic, course, FAQ, project, figure...
 *
 * @param id       the roadmap-data id (or the file name for a whole-file overview)
 * @param kind     what it is, for grouping related hits in one answer
 * @param title    a short heading
 * @param facts    the entry's facts as sentences; the first is its lead, which every answer from it
 *                 starts with, the others are picked for the question
 * @param section  the heading of the source text it comes from
 * @param keywords names weighted like the title (e.g. "phase3", a course's provider)
 * @param body     searchable text beyond the facts (details, names in the data)
 * @param askedAs  question-shaped hints from the data
 * @param parent   the entry that sums this one up with its siblings (a topic's phase, a
 *                 course's course list), or null
 */
public record Entry(
        String id,
        Kind kind,
        String title,
        List<String> facts,
        String section,
        String keywords,
        String body,
        List<String> askedAs,
        String parent) {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        facts = List.copyOf(facts);
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("entry " + id + " has no facts");
        }
        askedAs = List.copyOf(askedAs);
    }

    /** The whole entry, every fact, as the "More about" button shows it. */
    public String answer() {
        return String.join("\n", facts);
    }

    public String lead() {
        return facts.get(0);
    }

    public enum Kind {
        OVERVIEW,
        PHASE,
        TOPIC,
        COURSE,
        FREE_COURSE,
        FAQ,
        PROJECT,
        STACK,
        ROLE,
        FIGURE,
        SURVEY,
        TAKEAWAY,
        SOURCE,
        TRACK,
        LIST
    }
}
