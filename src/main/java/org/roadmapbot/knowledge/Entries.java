package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roadmapbot.knowledge.Entry.Kind;
import org.roadmapbot.knowledge.data.CareersFile;
import org.roadmapbot.knowledge.data.CareersFile.Figure;
import org.roadmapbot.knowledge.data.CoursesFile;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.data.FaqFile;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.Numbers;
import org.roadmapbot.knowledge.data.ProjectsFile;
import org.roadmapbot.knowledge.data.RoadmapFile;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.knowledge.data.SourcesFile;
import org.roadmapbot.knowledge.data.StacksFile;
import org.roadmapbot.knowledge.data.TakeawaysFile;

/**
 * Turns the data files into answerable entries, each a list of facts: a lead sentence that names
 * the entry and states its core, then one sentence per further fact, so an answer can carry just
 * the facts a question asks for. The wording here is presentation only; every fact comes from the data.
 */
public final class Entries {

    /** Sentence ends: a stop after a word, a number or a bracket, before a capital ("Univ. of" stays whole). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[a-z0-9)%][.!?])\\s+(?=[A-Z\"(])");

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

    /** The sentences of a paragraph. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
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

    private void add(
            String id,
            Kind kind,
            String title,
            List<String> facts,
            String section,
            String keywords,
            String body,
            List<String> askedAs,
            String parent) {
        entries.add(new Entry(id, kind, title, facts, section, keywords, body, askedAs, parent));
    }

    private static List<String> facts(String lead, List<String> more) {
        List<String> all = new ArrayList<>();
        all.add(lead);
        all.addAll(more);
        return all;
    }

    private void roadmap() {
        RoadmapFile r = kb.roadmap();
        List<String> phases = r.phases().stream()
                .map(p -> "• Phase " + p.number() + " (months " + p.months() + "): " + p.title())
                .toList();
        List<String> more = new ArrayList<>(phases);
        more.addAll(sentences(r.summary()));
        add(
                "roadmap",
                Kind.LIST,
                r.title(),
                facts(
                        "The roadmap covers roughly " + r.durationMonths() + " months of focused study in "
                                + r.phases().size() + " phases, each building on the previous one:",
                        more),
                r.section(),
                "roadmap " + r.durationMonths() + " months phases",
                r.phases().stream().map(p -> p.title() + " " + p.summary()).collect(Collectors.joining(" ")),
                r.askedAs(),
                null);
        for (RoadmapFile.Track track : r.tracks()) {
            List<String> perPhase = r.phases().stream()
                    .filter(p -> p.tracks().containsKey(track.id()))
                    .map(p -> "• Phase " + p.number() + ": " + p.tracks().get(track.id()))
                    .toList();
            List<String> said = sentences(track.description());
            List<String> trackFacts = new ArrayList<>(said.subList(1, said.size()));
            trackFacts.addAll(perPhase);
            add(
                    track.id(),
                    Kind.TRACK,
                    track.name() + " track",
                    facts("**" + track.name() + " track**: " + said.get(0), trackFacts),
                    r.section(),
                    track.name(),
                    "",
                    List.of(),
                    null);
        }
    }

    private void phase(Phase p) {
        List<String> more = new ArrayList<>();
        more.add("Topics: " + p.topics().stream().map(Topic::name).collect(Collectors.joining("; ")) + ".");
        // Each topic's details as a fact of its own, so an answer carries the ones asked about.
        p.topics().forEach(t -> more.add(t.name() + ": " + lowerFirst(t.details())));
        p.tracks().forEach((track, text) -> more.add(trackName(track) + " track: " + text));
        more.add("Goal: " + p.goal());
        if (!p.milestone().equals(p.goal())) {
            more.add("Milestone: " + p.milestone());
        }
        add(
                p.id(),
                Kind.PHASE,
                "Phase " + p.number() + ": " + p.title(),
                facts("**Phase " + p.number() + " (months " + p.months() + "): " + p.title() + "**", more),
                p.section(),
                "phase" + p.number() + " " + p.title(),
                "months " + p.months() + " "
                        + p.topics().stream()
                                .map(t -> t.name() + " " + t.details())
                                .collect(Collectors.joining(" ")),
                p.askedAs(),
                "roadmap");
    }

    private String trackName(String trackId) {
        return kb.roadmap().tracks().stream()
                .filter(t -> t.id().equals(trackId))
                .map(RoadmapFile.Track::name)
                .findFirst()
                .orElse(trackId);
    }

    private void topic(Phase p, Topic t) {
        List<String> more = new ArrayList<>();
        more.add(t.details());
        if (!t.resources().isEmpty()) {
            more.add("Resources: "
                    + t.resources().stream().map(kb::resourceName).collect(Collectors.joining("; ")) + ".");
        }
        String track = t.track() == null ? "" : " (" + trackName(t.track()) + " track)";
        add(
                t.id(),
                Kind.TOPIC,
                t.name(),
                facts(
                        "**" + t.name() + "** is part of Phase " + p.number() + " (months " + p.months() + "): "
                                + p.title() + track + ".",
                        more),
                p.section(),
                "phase" + p.number(),
                t.details() + (t.track() == null ? "" : " " + trackName(t.track())),
                t.askedAs(),
                p.id());
    }

    private void courses() {
        CoursesFile file = kb.coursesFile();
        List<String> lines = file.courses().stream()
                .map(c -> "• **" + c.provider() + " — " + c.name() + "**: "
                        + c.price().text() + "; " + String.join(", ", c.stack()) + "; " + c.format() + ".")
                .toList();
        add(
                "courses",
                Kind.LIST,
                "Best courses for backend development",
                facts(sentences(file.intro()).get(sentences(file.intro()).size() - 1), lines),
                file.section(),
                "courses course resources provider price format best for",
                "",
                List.of(),
                null);
        for (Course c : file.courses()) {
            List<String> more = new ArrayList<>();
            for (String s : sentences(c.description())) {
                // Prices, instructors and free courses have facts of their own below.
                if (!s.contains("$") && !s.startsWith("Named instructors") && !s.startsWith("Two free courses")) {
                    more.add(s);
                }
            }
            more.add("Best for: " + c.bestForDetails());
            more.add("Price: " + c.price().details());
            c.instructors().forEach(i -> more.add(i.name() + " teaches " + i.teaches() + "."));
            c.freeEntryCourses().forEach(f -> more.add("Free entry course: " + freeCourseLabel(f) + "."));
            if (c.certification() != null) {
                more.add("Certificate: " + c.certification());
            }
            if (!c.requiredProjects().isEmpty()) {
                more.add("Required projects (" + c.requiredProjects().size() + "): "
                        + String.join(", ", c.requiredProjects()) + ".");
            }
            add(
                    c.id(),
                    Kind.COURSE,
                    c.provider() + " " + c.name(),
                    facts(
                            "**" + c.provider() + " — " + c.name() + "** ("
                                    + c.price().text()
                                    + (c.hours() == null ? "" : "; " + Numbers.plain(c.hours()) + " hours") + "; "
                                    + String.join(", ", c.stack()) + "; " + c.format() + ").",
                            more),
                    c.sections().get(0),
                    c.provider() + " " + c.name(),
                    String.join(" ", c.languages()) + " " + String.join(" ", c.formatTags()) + " " + c.bestFor()
                            + (c.isFree() ? " free" : ""),
                    c.askedAs(),
                    "courses");
            for (FreeEntryCourse f : c.freeEntryCourses()) {
                add(
                        f.id(),
                        Kind.FREE_COURSE,
                        f.name(),
                        facts(
                                "**" + f.name() + "** (" + c.provider() + ") is a free entry course: "
                                        + freeCourseLabel(f) + ".",
                                List.of("It is an entry point to " + c.provider() + "'s " + c.name() + ".")),
                        c.sections().get(c.sections().size() - 1),
                        f.name(),
                        c.provider() + " " + c.name() + " free entry course certificate " + f.instructor(),
                        List.of(),
                        c.id());
            }
        }
    }

    private String freeCourseLabel(FreeEntryCourse f) {
        return f.name() + ", " + Numbers.hours(f.hours()) + ", taught by " + f.instructor()
                + (f.certificate() ? ", with a completion certificate" : "");
    }

    private void faq() {
        for (FaqFile.Faq f : kb.faqFile().faq()) {
            List<String> sentences = sentences(f.answer());
            List<String> more = new ArrayList<>(sentences.subList(1, sentences.size()));
            more.addAll(citationNote(f.citations()));
            add(
                    f.id(),
                    Kind.FAQ,
                    f.question(),
                    facts("**" + f.question() + "** " + sentences.get(0), more),
                    f.section(),
                    "",
                    "",
                    f.askedAs(),
                    null);
        }
    }

    private void projects() {
        ProjectsFile file = kb.projectsFile();
        List<String> lines = file.projects().stream()
                .map(p -> "• **" + capitalize(p.level()) + ":** " + p.title())
                .toList();
        List<String> more = new ArrayList<>(lines);
        more.addAll(sentences(file.intro()));
        more.add("Present each project with "
                + lowerFirst(file.presentation().replaceFirst("^Present each project with:?\\s*", "")));
        add(
                "projects",
                Kind.LIST,
                "Backend portfolio projects",
                facts(
                        "The guide suggests " + file.projects().size()
                                + " portfolio projects of increasing complexity:",
                        more),
                file.section(),
                "portfolio projects",
                "",
                List.of(),
                null);
        for (ProjectsFile.Project p : file.projects()) {
            List<String> facts = new ArrayList<>(sentences(p.description()));
            if (!p.tech().isEmpty()) {
                facts.add("Tech: " + String.join(", ", p.tech()) + ".");
            }
            if (p.why() != null) {
                facts.add(p.why());
            }
            add(
                    p.id(),
                    Kind.PROJECT,
                    capitalize(p.level()) + " project: " + p.title(),
                    facts("**" + capitalize(p.level()) + " project: " + p.title() + "**", facts),
                    p.section(),
                    p.level(),
                    "portfolio project " + String.join(", ", p.features()) + " "
                            + p.topics().stream()
                                    .map(id -> kb.topic(id).map(Topic::name).orElse(id))
                                    .collect(Collectors.joining(" ")),
                    p.askedAs(),
                    "projects");
        }
    }

    private void stacks() {
        StacksFile file = kb.stacksFile();
        List<String> lines = file.stacks().stream()
                .map(s -> "• **" + s.name() + "** (" + s.language() + "): " + s.use())
                .toList();
        add(
                "stacks",
                Kind.LIST,
                "The most common backend stacks in 2026",
                facts("The most common backend technology stacks in 2026:", lines),
                file.section(),
                "stacks technology",
                "",
                List.of(),
                null);
        for (StacksFile.Stack s : file.stacks()) {
            add(
                    s.id(),
                    Kind.STACK,
                    s.name(),
                    List.of("**" + s.name() + "** (language: " + s.language() + ") is commonly used for: "
                            + lowerFirst(s.use()) + "."),
                    s.section(),
                    s.name(),
                    s.language() + " stack",
                    s.askedAs(),
                    "stacks");
        }
    }

    private void careers() {
        CareersFile c = kb.careers();
        CareersFile.Overview o = c.overview();
        List<String> more = new ArrayList<>();
        more.add("Day to day: " + String.join("; ", o.responsibilities()) + ".");
        more.addAll(sentences(o.visibility()));
        add(
                o.id(),
                Kind.OVERVIEW,
                "What a backend developer does",
                facts(o.summary(), more),
                o.section(),
                "backend developer role responsibilities",
                o.intro(),
                o.askedAs(),
                null);
        for (CareersFile.Role r : c.roles()) {
            add(r.id(), Kind.ROLE, r.name(), List.of(r.focus()), r.section(), r.name(), "role", r.askedAs(), null);
        }
        for (Figure f : c.figures()) {
            add(f.id(), Kind.FIGURE, f.label(), figure(f), f.section(), "", "", f.askedAs(), null);
        }
        for (Figure f : c.survey()) {
            add(f.id(), Kind.SURVEY, f.label(), figure(f), f.section(), "", "survey", f.askedAs(), "survey");
        }
        List<String> survey = new ArrayList<>(sentences(c.ecosystems()));
        survey.addAll(citationNote(c.survey().get(0).citations()));
        add(
                "survey",
                Kind.LIST,
                "Developer survey figures",
                survey,
                c.survey().get(0).section(),
                "survey percent developers popular",
                "",
                List.of(),
                null);
        add(
                "outlook",
                Kind.OVERVIEW,
                "Outlook",
                sentences(c.outlook()),
                kb.takeawaysFile().section(),
                "",
                "",
                List.of(),
                null);
    }

    /** "Label: value (period)." then the details when they add anything, then the source. */
    private List<String> figure(Figure f) {
        boolean periodAdds = f.period() != null
                && !f.period().equals("not stated")
                && !f.value().contains(f.period());
        List<String> facts = new ArrayList<>();
        facts.add("**" + f.label() + ":** " + f.value() + (periodAdds ? " (" + f.period() + ")" : "") + ".");
        facts.add(f.details());
        facts.addAll(citationNote(f.citations()));
        return facts;
    }

    private List<String> citationNote(List<String> citations) {
        if (citations.isEmpty()) {
            return List.of();
        }
        return List.of("Source: "
                + citations.stream()
                        .map(id -> kb.source(id)
                                .map(s -> s.publisher() + ", \"" + s.title() + "\" ("
                                        + s.details().replaceAll("\\.$", "") + ")")
                                .orElse(id))
                        .collect(Collectors.joining("; "))
                + ".");
    }

    private void takeaways() {
        TakeawaysFile file = kb.takeawaysFile();
        add(
                "takeaways",
                Kind.LIST,
                "Key takeaways",
                facts(
                        "Key takeaways:",
                        file.takeaways().stream().map(t -> "• " + t.text()).toList()),
                file.section(),
                "summary key takeaways",
                "",
                List.of(),
                null);
        for (TakeawaysFile.Takeaway t : file.takeaways()) {
            List<String> facts = new ArrayList<>(sentences(t.text()));
            facts.addAll(citationNote(t.citations()));
            add(t.id(), Kind.TAKEAWAY, "Key takeaway", facts, t.section(), "", "", t.askedAs(), "takeaways");
        }
    }

    private void sources() {
        SourcesFile file = kb.sourcesFile();
        add(
                "sources",
                Kind.LIST,
                "Sources the guide cites",
                facts(
                        "The guide cites these sources:",
                        file.sources().stream().map(Entries::sourceLine).toList()),
                file.section(),
                "sources cited references",
                "",
                List.of(),
                null);
        for (SourcesFile.Source s : file.sources()) {
            add(
                    s.id(),
                    Kind.SOURCE,
                    s.publisher() + " — " + s.title(),
                    List.of(sourceLine(s)),
                    file.section(),
                    "",
                    "source",
                    List.of(),
                    "sources");
        }
    }

    private static String sourceLine(SourcesFile.Source s) {
        return "• " + s.publisher() + ". \"" + s.title() + ".\" " + s.details()
                + (s.accessed() == null ? "" : " Accessed " + s.accessed() + ".");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
                : s;
    }
}
