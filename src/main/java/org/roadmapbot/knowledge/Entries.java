package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.Numbers;
import org.roadmapbot.knowledge.data.TakeawaysFile;
import org.roadmapbot.knowledge.data.StacksFile;
import org.roadmapbot.knowledge.data.SourcesFile;
import org.roadmapbot.knowledge.data.RoadmapFile;
import org.roadmapbot.knowledge.data.ProjectsFile;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.FaqFile;
import org.roadmapbot.knowledge.data.CoursesFile;
import org.roadmapbot.knowledge.data.CareersFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.roadmapbot.knowledge.data.CareersFile.Figure;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.Entry.Kind;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/**
 * Turns the data files into answerable entries, each with its facts composed as a friendly
 * paragraph. The wording here is presentation only; every fact comes from the data.
 */
public final class Entries {

    private final KnowledgeBase kb;
    private final List<Entry> entries = new ArrayList<>();

    private Entries(KnowledgeBase kb) {
        this.kb = kb;
    }

    public static List<Entry> of(KnowledgeBase kb) {
        Entries e = new Entries(kb);
        e.build();
        return List.copyOf(e.entries);
    }

    private void build() {
        roadmap();
        kb.phases().forEach(this::phase);
        kb.phases().forEach(p -> p.topics().forEach(t -> topic(p, t)));
        courses();
        faq();
        projects();
        stacks();
        careers();
        takeaways();
        sources();
    }

    private void add(String id, Kind kind, String title, String answer, String section, String body, List<String> askedAs) {
        add(id, kind, title, answer, section, "", body, askedAs, null);
    }

    private void add(String id, Kind kind, String title, String answer, String section, String keywords, String body,
                     List<String> askedAs, String parent) {
        entries.add(new Entry(id, kind, title, answer, section, keywords, body, askedAs, parent));
    }

    private void roadmap() {
        RoadmapFile r = kb.roadmap();
        String phases = r.phases().stream()
                .map(p -> "• **Phase " + p.number() + " (months " + p.months() + "): " + p.title() + "** — " + p.goal())
                .collect(Collectors.joining("\n"));
        add("roadmap", Kind.LIST, r.title(),
                r.summary() + "\n" + phases, r.section(), "roadmap " + r.durationMonths() + " months phases",
                r.phases().stream().map(p -> p.title() + " " + p.summary()).collect(Collectors.joining(" ")),
                r.askedAs(), null);
        for (RoadmapFile.Track track : r.tracks()) {
            String perPhase = r.phases().stream()
                    .filter(p -> p.tracks().containsKey(track.id()))
                    .map(p -> "• Phase " + p.number() + ": " + p.tracks().get(track.id()))
                    .collect(Collectors.joining("\n"));
            add(track.id(), Kind.TRACK, track.name() + " track",
                    "**" + track.name() + " track** — " + track.description() + (perPhase.isEmpty() ? "" : "\n" + perPhase),
                    r.section(), track.name(), List.of());
        }
    }

    private void phase(Phase p) {
        StringBuilder a = new StringBuilder();
        a.append("**Phase ").append(p.number()).append(" (months ").append(p.months()).append("): ")
                .append(p.title()).append("**\n").append(p.summary()).append('\n');
        a.append("Topics: ").append(p.topics().stream().map(t -> topicLabel(t)).collect(Collectors.joining("; "))).append('\n');
        p.tracks().forEach((track, text) -> a.append(trackName(track)).append(" track: ").append(text).append('\n'));
        a.append("Goal: ").append(p.goal()).append('\n');
        a.append("Milestone: ").append(p.milestone());
        add(p.id(), Kind.PHASE, "Phase " + p.number() + ": " + p.title(), a.toString(), p.section(),
                "phase" + p.number() + " " + p.title(),
                "months " + p.months() + " " + p.topics().stream()
                        .map(t -> t.name() + " " + t.details()).collect(Collectors.joining(" ")),
                p.askedAs(), "roadmap");
    }

    private static String topicLabel(Topic t) {
        return t.name() + " (" + t.details() + ")";
    }

    private String trackName(String trackId) {
        return kb.roadmap().tracks().stream().filter(t -> t.id().equals(trackId)).map(RoadmapFile.Track::name)
                .findFirst().orElse(trackId);
    }

    private void topic(Phase p, Topic t) {
        StringBuilder a = new StringBuilder();
        a.append("**").append(t.name()).append("** is part of Phase ").append(p.number()).append(" (months ")
                .append(p.months()).append("): ").append(p.title()).append(". It covers ").append(t.details()).append('.');
        if (t.track() != null) {
            a.append(" (").append(trackName(t.track())).append(" track)");
        }
        if (!t.resources().isEmpty()) {
            a.append("\nResources: ").append(t.resources().stream().map(kb::resourceName).collect(Collectors.joining("; ")));
        }
        add(t.id(), Kind.TOPIC, t.name(), a.toString(), p.section(), "",
                t.details() + " phase" + p.number() + (t.track() == null ? "" : " " + trackName(t.track())),
                t.askedAs(), p.id());
    }

    private void courses() {
        CoursesFile file = kb.coursesFile();
        String list = file.courses().stream()
                .map(c -> "• **" + c.provider() + " — " + c.name() + "**: " + c.price().text() + "; " + String.join(", ", c.stack())
                        + "; " + c.format() + ". Best for: " + c.bestFor())
                .collect(Collectors.joining("\n"));
        add("courses", Kind.LIST, "Best courses for backend development", file.intro() + "\n" + list, file.section(),
                "courses course resources provider price format best for", List.of());
        for (Course c : file.courses()) {
            StringBuilder a = new StringBuilder();
            a.append("**").append(c.provider()).append(" — ").append(c.name()).append("**\n");
            a.append("Price: ").append(c.price().text()).append(". ").append(c.price().details()).append('\n');
            a.append("Stack: ").append(String.join(", ", c.stack())).append(" · Format: ").append(c.format());
            if (c.hours() != null) {
                a.append(" · Length: ").append(Numbers.plain(c.hours())).append(" hours");
            }
            a.append('\n').append(c.description()).append('\n');
            if (!c.covers().isEmpty()) {
                a.append("Covers: ").append(String.join(", ", c.covers())).append('\n');
            }
            if (!c.instructors().isEmpty()) {
                a.append("Instructors: ").append(c.instructors().stream().map(i -> i.name() + " (" + i.teaches() + ")")
                        .collect(Collectors.joining(", "))).append('\n');
            }
            if (!c.freeEntryCourses().isEmpty()) {
                a.append("Free entry courses: ").append(c.freeEntryCourses().stream().map(this::freeCourseLabel)
                        .collect(Collectors.joining("; "))).append('\n');
            }
            if (c.certification() != null) {
                a.append("Certification: ").append(c.certification()).append('\n');
            }
            if (!c.requiredProjects().isEmpty()) {
                a.append("Required projects (").append(c.requiredProjects().size()).append("): ")
                        .append(String.join(", ", c.requiredProjects())).append('\n');
            }
            a.append("Best for: ").append(c.bestForDetails()).append(citationNote(c.citations()));
            add(c.id(), Kind.COURSE, c.provider() + " " + c.name(), a.toString(), c.sections().get(0),
                    c.provider(),
                    String.join(" ", c.languages()) + " " + String.join(" ", c.formatTags()) + " bestfor " + c.bestFor()
                            + (c.isFree() ? " free" : ""),
                    c.askedAs(), "courses");
            for (FreeEntryCourse f : c.freeEntryCourses()) {
                add(f.id(), Kind.FREE_COURSE, f.name(),
                        "**" + f.name() + "** (" + c.provider() + ") — a free entry course: " + freeCourseLabel(f)
                                + ". It is an entry point to " + c.provider() + "'s " + c.name() + ".",
                        c.sections().get(c.sections().size() - 1), f.name(),
                        c.provider() + " " + c.name() + " free entry course certificate " + f.instructor(), List.of(), c.id());
            }
        }
    }

    private String freeCourseLabel(FreeEntryCourse f) {
        return f.name() + " (" + Numbers.hours(f.hours()) + ", taught by " + f.instructor()
                + (f.certificate() ? ", with a completion certificate" : "") + ")";
    }

    private void faq() {
        for (FaqFile.Faq f : kb.faqFile().faq()) {
            add(f.id(), Kind.FAQ, f.question(), "**" + f.question() + "**\n" + f.answer() + citationNote(f.citations()),
                    f.section(), "", f.askedAs());
        }
    }

    private void projects() {
        ProjectsFile file = kb.projectsFile();
        String list = file.projects().stream()
                .map(p -> "• **" + capitalize(p.level()) + ":** " + p.title())
                .collect(Collectors.joining("\n"));
        add("projects", Kind.LIST, "Backend portfolio projects",
                file.intro() + "\n" + list + "\nPresent each project with: " + file.presentation(), file.section(),
                "portfolio projects", List.of());
        for (ProjectsFile.Project p : file.projects()) {
            String a = "**" + capitalize(p.level()) + " project: " + p.title() + "**\n" + p.description()
                    + "\nFeatures: " + String.join(", ", p.features())
                    + (p.tech().isEmpty() ? "" : "\nTech: " + String.join(", ", p.tech()))
                    + (p.why() == null ? "" : "\nWhy: " + p.why());
            add(p.id(), Kind.PROJECT, capitalize(p.level()) + " project: " + p.title(), a, p.section(), p.level(),
                    "portfolio project " + p.topics().stream()
                            .map(id -> kb.topic(id).map(Topic::name).orElse(id)).collect(Collectors.joining(" ")),
                    p.askedAs(), "projects");
        }
    }

    private void stacks() {
        StacksFile file = kb.stacksFile();
        String list = file.stacks().stream()
                .map(s -> "• **" + s.name() + "** (" + s.language() + "): " + s.use())
                .collect(Collectors.joining("\n"));
        add("stacks", Kind.LIST, "The most common backend stacks in 2026",
                "The most common backend technology stacks in 2026:\n" + list, file.section(), "stacks technology", List.of());
        for (StacksFile.Stack s : file.stacks()) {
            add(s.id(), Kind.STACK, s.name(),
                    "**" + s.name() + "** (language: " + s.language() + ") is commonly used for: " + s.use() + ".",
                    s.section(), s.name(), s.language() + " stack", s.askedAs(), "stacks");
        }
    }

    private void careers() {
        CareersFile c = kb.careers();
        CareersFile.Overview o = c.overview();
        add(o.id(), Kind.OVERVIEW, "What a backend developer does",
                o.summary() + "\nDay to day: " + String.join("; ", o.responsibilities()) + ".\n" + o.visibility(),
                o.section(), "backend developer role responsibilities", o.intro(), o.askedAs(), null);
        for (CareersFile.Role r : c.roles()) {
            add(r.id(), Kind.ROLE, r.name(), "**" + r.name() + "**: " + r.focus(), r.section(), r.name(), "role",
                    r.askedAs(), null);
        }
        for (Figure f : c.figures()) {
            add(f.id(), Kind.FIGURE, f.label(), figure(f), f.section(), "", f.askedAs());
        }
        for (Figure f : c.survey()) {
            add(f.id(), Kind.SURVEY, f.label(), figure(f), f.section(), "", "survey", f.askedAs(), "survey");
        }
        add("survey", Kind.LIST, "Developer survey figures",
                c.ecosystems() + "\n" + c.survey().stream().map(f -> "• " + f.label() + ": " + f.value())
                        .collect(Collectors.joining("\n")) + citationNote(c.survey().get(0).citations()),
                c.survey().get(0).section(), "survey percent developers popular", List.of());
        add("outlook", Kind.OVERVIEW, "Outlook", c.outlook(), kb.takeawaysFile().section(), "", List.of());
    }

    private String figure(Figure f) {
        return "**" + f.label() + ":** " + f.value() + (f.period() == null ? "" : " (" + f.period() + ")")
                + ". " + f.details() + citationNote(f.citations());
    }

    private String citationNote(List<String> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        return "\nSource: " + citations.stream().map(id -> kb.source(id).map(s -> s.publisher() + ", \"" + s.title() + "\" ("
                + s.details().replaceAll("\\.$", "") + ")").orElse(id)).collect(Collectors.joining("; ")) + ".";
    }

    private void takeaways() {
        TakeawaysFile file = kb.takeawaysFile();
        add("takeaways", Kind.LIST, "Key takeaways",
                "Key takeaways:\n" + file.takeaways().stream().map(t -> "• " + t.text()).collect(Collectors.joining("\n")),
                file.section(), "summary key takeaways", List.of());
        for (TakeawaysFile.Takeaway t : file.takeaways()) {
            add(t.id(), Kind.TAKEAWAY, "Key takeaway", t.text() + citationNote(t.citations()), t.section(), "", "",
                    t.askedAs(), "takeaways");
        }
    }

    private void sources() {
        SourcesFile file = kb.sourcesFile();
        add("sources", Kind.LIST, "Sources the guide cites",
                "The guide cites these sources:\n" + file.sources().stream().map(Entries::sourceLine)
                        .collect(Collectors.joining("\n")),
                file.section(), "sources cited references", List.of());
        for (SourcesFile.Source s : file.sources()) {
            add(s.id(), Kind.SOURCE, s.publisher() + " — " + s.title(), sourceLine(s), file.section(), "",
                    "source", List.of(), "sources");
        }
    }

    private static String sourceLine(SourcesFile.Source s) {
        return "• " + s.publisher() + ". \"" + s.title() + ".\" " + s.details()
                + (s.accessed() == null ? "" : " Accessed " + s.accessed() + ".");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
