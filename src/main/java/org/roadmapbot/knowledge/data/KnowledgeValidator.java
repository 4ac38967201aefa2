package org.roadmapbot.knowledge.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/**
 * Cross-file consistency: unique ids, references that resolve, sections that exist in the
 * source text, phases numbered 1..n. Each failure names the file and the entry.
 */
final class KnowledgeValidator {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final KnowledgeBase kb;
    /** The folder as messages name it (see KnowledgeLoader). */
    private final String where;

    private final Map<String, String> fileOfId = new HashMap<>();
    private final Set<String> sourceLines = new HashSet<>();

    KnowledgeValidator(KnowledgeBase kb, String where) {
        this.kb = kb;
        this.where = where;
        kb.sourceText().lines().map(String::strip).forEach(sourceLines::add);
    }

    void validate() {
        registerIds();
        RoadmapFile roadmap = kb.roadmap();
        Set<String> trackIds = new HashSet<>();
        roadmap.tracks().forEach(t -> trackIds.add(t.id()));
        section("roadmap.json", "roadmap", roadmap.section());
        section("roadmap.json", "paces", roadmap.paceSection());
        if (roadmap.paces().isEmpty()) {
            fail("roadmap.json", "paces", "at least one pace is needed");
        }
        int expected = 1;
        for (Phase phase : roadmap.phases()) {
            if (phase.number() != expected++) {
                fail(
                        "roadmap.json",
                        phase.id(),
                        "phases must be numbered 1, 2, 3... in order (found " + phase.number() + ")");
            }
            if (phase.monthStart() > phase.monthEnd()) {
                fail("roadmap.json", phase.id(), "monthStart is after monthEnd");
            }
            section("roadmap.json", phase.id(), phase.section());
            citations("roadmap.json", phase.id(), phase.citations());
            for (String track : phase.tracks().keySet()) {
                if (!trackIds.contains(track)) {
                    fail("roadmap.json", phase.id(), "unknown track '" + track + "'");
                }
            }
            if (phase.topics().isEmpty()) {
                fail("roadmap.json", phase.id(), "a phase needs at least one topic");
            }
            for (Topic topic : phase.topics()) {
                if (topic.track() != null && !trackIds.contains(topic.track())) {
                    fail("roadmap.json", topic.id(), "unknown track '" + topic.track() + "'");
                }
                for (String resource : topic.resources()) {
                    if (kb.course(resource).isEmpty() && kb.freeCourse(resource).isEmpty()) {
                        fail(
                                "roadmap.json",
                                topic.id(),
                                "unknown resource '" + resource + "' (not a course id in courses.json)");
                    }
                }
            }
        }
        if (roadmap.phases().isEmpty()) {
            fail("roadmap.json", "phases", "no phases");
        }
        for (Course course : kb.courses()) {
            course.sections().forEach(s -> section("courses.json", course.id(), s));
            citations("courses.json", course.id(), course.citations());
            if (course.price().monthlyUsd() < 0) {
                fail("courses.json", course.id(), "negative price");
            }
            if (course.price().free() != (course.price().monthlyUsd() == 0)) {
                fail("courses.json", course.id(), "price.free must be true exactly when monthlyUsd is 0");
            }
        }
        section("courses.json", "courses", kb.coursesFile().section());
        kb.faqFile().faq().forEach(f -> {
            section("faq.json", f.id(), f.section());
            citations("faq.json", f.id(), f.citations());
        });
        kb.projectsFile().projects().forEach(p -> {
            section("projects.json", p.id(), p.section());
            citations("projects.json", p.id(), p.citations());
            for (String topic : p.topics()) {
                if (kb.topic(topic).isEmpty()) {
                    fail("projects.json", p.id(), "unknown topic '" + topic + "' (not a topic id in roadmap.json)");
                }
            }
        });
        kb.stacksFile().stacks().forEach(s -> {
            section("stacks.json", s.id(), s.section());
            citations("stacks.json", s.id(), s.citations());
        });
        CareersFile careers = kb.careers();
        section("careers.json", careers.overview().id(), careers.overview().section());
        citations("careers.json", careers.overview().id(), careers.overview().citations());
        careers.roles().forEach(r -> {
            section("careers.json", r.id(), r.section());
            citations("careers.json", r.id(), r.citations());
        });
        for (List<CareersFile.Figure> figures : List.of(careers.figures(), careers.survey())) {
            figures.forEach(f -> {
                section("careers.json", f.id(), f.section());
                citations("careers.json", f.id(), f.citations());
            });
        }
        kb.takeawaysFile().takeaways().forEach(t -> {
            section("takeaways.json", t.id(), t.section());
            citations("takeaways.json", t.id(), t.citations());
        });
    }

    private void registerIds() {
        KnowledgeBase.RESERVED_IDS.forEach(id -> fileOfId.put(id, "the bot's built-in overviews"));
        kb.roadmap().tracks().forEach(t -> id("roadmap.json", t.id()));
        for (Phase phase : kb.phases()) {
            id("roadmap.json", phase.id());
            phase.topics().forEach(t -> id("roadmap.json", t.id()));
        }
        for (Course course : kb.courses()) {
            id("courses.json", course.id());
            for (FreeEntryCourse free : course.freeEntryCourses()) {
                id("courses.json", free.id());
            }
        }
        kb.faqFile().faq().forEach(f -> id("faq.json", f.id()));
        kb.projectsFile().projects().forEach(p -> id("projects.json", p.id()));
        kb.stacksFile().stacks().forEach(s -> id("stacks.json", s.id()));
        id("careers.json", kb.careers().overview().id());
        kb.careers().roles().forEach(r -> id("careers.json", r.id()));
        kb.careers().figures().forEach(f -> id("careers.json", f.id()));
        kb.careers().survey().forEach(f -> id("careers.json", f.id()));
        kb.takeawaysFile().takeaways().forEach(t -> id("takeaways.json", t.id()));
        kb.sourcesFile().sources().forEach(s -> id("sources.json", s.id()));
    }

    private void id(String file, String id) {
        if (!ID.matcher(id).matches()) {
            fail(file, id, "ids must be lower-case words joined by '-'");
        }
        String previous = fileOfId.putIfAbsent(id, file);
        if (previous != null) {
            fail(file, id, "duplicate id (already used in " + previous + ")");
        }
    }

    private void section(String file, String entry, String section) {
        if (!sourceLines.contains(section.strip())) {
            fail(file, entry, "section '" + section + "' is not a heading of source.txt");
        }
    }

    private void citations(String file, String entry, List<String> ids) {
        for (String id : ids) {
            if (kb.source(id).isEmpty()) {
                fail(file, entry, "unknown citation '" + id + "' (not a source id in sources.json)");
            }
        }
    }

    private void fail(String file, String entry, String message) {
        throw new DataError(where + "/" + file + ": entry '" + entry + "': " + message);
    }
}
