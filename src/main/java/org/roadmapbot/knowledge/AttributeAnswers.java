package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.roadmapbot.knowledge.data.CareersFile.Figure;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.data.CoursesFile.Instructor;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.Numbers;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;

/**
 * Structured questions answered from structured fields, before any text search: an attribute of a
 * named course (price, yearly price, hours, instructors, certificate, free, discounts, languages,
 * required projects), superlatives and filters over the courses (cheapest, longest, the free ones,
 * which teach Go), and pay, growth, openings or survey share of a role or a technology. When the data
 * lacks the attribute for that thing, the answer says so plainly and has no sources.
 */
final class AttributeAnswers {

    /** What the question is asked about and how, as the rules and the analyzer found it. */
    record Asked(
            String question,
            String text,
            Set<String> terms,
            Set<String> attributes,
            Set<String> qualifiers,
            Set<String> superlatives) {
        boolean has(String attribute) {
            return attributes.contains(attribute);
        }
    }

    private final KnowledgeBase kb;
    private final Map<String, Entry> byId;
    private final Analyzer analyzer;
    /** Terms that mean "a course" once synonyms are applied (course, platform, resource...). */
    private final Set<String> courseWords;

    private final Set<String> developerWords;
    private final Map<String, Set<String>> analysed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> providerTerms = new java.util.concurrent.ConcurrentHashMap<>();
    private final org.roadmapbot.knowledge.retrieval.Rules rules;
    /** A word qualifying a kind of developer: "iOS developers", "mobile devs". */
    private static final java.util.regex.Pattern ROLE_QUALIFIER = java.util.regex.Pattern.compile(
            "\\b([a-z][a-z.+#-]*)\\s+(developers?|devs?|engineers?|programmers?|scientists?|testers?|analysts?|designers?|admins?)\\b");
    /** Words that name the developers the pay figures are for, or say nothing about which ("average"). */
    private static final String FIGURE_QUALIFIERS =
            "software web backend digital average typical median american all most"
                    + " professional working good great";

    AttributeAnswers(
            KnowledgeBase kb,
            Map<String, Entry> byId,
            Analyzer analyzer,
            org.roadmapbot.knowledge.retrieval.Rules rules) {
        this.kb = kb;
        this.rules = rules;
        this.byId = byId;
        this.analyzer = analyzer;
        this.courseWords = dataTerms("course");
        this.developerWords = dataTerms("developer");
    }

    Optional<Answer> answer(Asked q) {
        List<Course> courses = namedCourses(q.terms());
        List<FreeEntryCourse> free = namedFreeCourses(q.terms());
        List<Instructor> people = namedInstructors(q.terms());
        boolean courseWord = q.terms().stream().anyMatch(courseWords::contains);
        // Only courses have prices and lengths, so a superlative is about courses; about one named course it
        // asks that course's price ("is boot.dev cheaper yearly?").
        boolean length =
                q.superlatives().contains("longest") || q.superlatives().contains("shortest");
        if (!q.superlatives().isEmpty() && (courses.size() != 1 || length)) {
            return superlative(q, courses);
        }
        if (!free.isEmpty()
                && (q.has("hours") || q.has("instructor") || q.has("certificate") || q.has("free") || q.has("price"))) {
            return freeCourse(q, free);
        }
        if (!people.isEmpty() && q.has("hours")) {
            return instructorCourseLength(q, people);
        }
        if (!courses.isEmpty()) {
            return courseAttribute(q, courses);
        }
        if (courseWord && free.isEmpty()) {
            return courseFinder(q);
        }
        return figures(q);
    }

    /**
     * Whether the question asks an attribute or a superlative without naming a course, a free course, an instructor
     * or the word "course" (or a word for one): "which is cheapest", "the cheapest flight to Tokyo", "best chess
     * opening". What it is asked of may be the guide's courses or roles, or something else.
     */
    boolean asksOfUnnamedThings(Asked q) {
        return namedCourses(q.terms()).isEmpty()
                && namedSurveyFigures(q.terms()).isEmpty()
                && namedFreeCourses(q.terms()).isEmpty()
                && namedInstructors(q.terms()).isEmpty()
                && q.terms().stream().noneMatch(courseWords::contains);
    }

    // ---- courses named in the question

    private List<Course> namedCourses(Set<String> terms) {
        return kb.courses().stream()
                .filter(c -> terms.contains(nameTerm(c.provider())))
                .toList();
    }

    /**
     * Free entry courses named in full ("Learn Express.js"), or by their subject with their provider
     * and a course word ("the scrimba express course").
     */
    private List<FreeEntryCourse> namedFreeCourses(Set<String> terms) {
        List<FreeEntryCourse> found = new ArrayList<>();
        for (Course c : kb.courses()) {
            boolean providerCourse =
                    terms.contains(nameTerm(c.provider())) && terms.stream().anyMatch(courseWords::contains);
            for (FreeEntryCourse f : c.freeEntryCourses()) {
                Set<String> name = dataTerms(f.name());
                Set<String> subject = new LinkedHashSet<>(name);
                subject.removeAll(dataTerms("learn"));
                if (terms.containsAll(name) || providerCourse && !subject.isEmpty() && terms.containsAll(subject)) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    private List<Instructor> namedInstructors(Set<String> terms) {
        return kb.courses().stream()
                .flatMap(c -> c.instructors().stream())
                .filter(i -> terms.containsAll(dataTerms(i.name())))
                .toList();
    }

    /** The terms of a data value, written as questions are ("Go" is the language). */
    private Set<String> terms(String value) {
        return dataTerms(rules.rewrite(value));
    }

    /**
     * The terms of a name or value from the data, analysed once: the same few hundred values are
     * looked up for every question, and analysing them each time was most of an answer's time.
     */
    private Set<String> dataTerms(String value) {
        return new LinkedHashSet<>(
                analysed.computeIfAbsent(value, v -> Set.copyOf(KnowledgeAnalyzer.terms(analyzer, v))));
    }

    /** The word that names a provider ("bootdev", "odin", "fullstackopen"). */
    private String nameTerm(String provider) {
        return providerTerms.computeIfAbsent(
                provider,
                p -> KnowledgeAnalyzer.slots(analyzer, p).get(0).terms().get(0));
    }

    private Optional<Answer> courseAttribute(Asked q, List<Course> courses) {
        List<String> lines = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Course c : courses) {
            Optional<String> line = attributeOf(q, c);
            if (line.isEmpty()) {
                return Optional.empty();
            }
            if (line.get().startsWith(UNSTATED) && !line.get().contains("\n")) {
                if (courses.size() == 1) {
                    return Optional.of(unstated(q.question(), line.get()));
                }
                lines.add(line.get());
                continue;
            }
            lines.add(line.get());
            entries.add(byId.get(c.id()));
        }
        if (entries.isEmpty()) {
            return Optional.of(unstated(q.question(), String.join(" ", lines)));
        }
        // The asked fact first; the course's lead line after it when one course is asked about and there is room.
        String text = String.join("\n", lines);
        if (entries.size() == 1
                && text.length() + entries.get(0).lead().length() <= AnswerComposer.ONE_ENTRY_BUDGET + 60) {
            text = text + "\n" + entries.get(0).lead();
        }
        return Optional.of(answer(q.question(), text, entries));
    }

    static final String UNSTATED = "The guide doesn't say ";

    /** The course and instructor names a text uses, as written in the data ("Scrimba", "Tom Chant"). */
    String namesIn(String text) {
        Set<String> terms = dataTerms(text);
        List<String> names = new ArrayList<>();
        namedCourses(terms).forEach(c -> names.add(c.provider()));
        return String.join(" ", names);
    }

    /** Lines stating each attribute asked of the course (or that the guide doesn't say), or empty when none fits. */
    private Optional<String> attributeOf(Asked q, Course c) {
        List<String> lines = new ArrayList<>();
        for (String attribute :
                List.of("price", "free", "hours", "instructor", "certificate", "projects", "languages", "discount")) {
            if (q.has(attribute)) {
                attributeLine(q, c, attribute).ifPresent(lines::add);
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        // One unstated line among stated ones is said as part of the answer; all unstated, the answer is unstated.
        if (lines.stream().allMatch(l -> l.startsWith(UNSTATED))) {
            return Optional.of(String.join(" ", lines));
        }
        return Optional.of(String.join("\n", lines));
    }

    private Optional<String> attributeLine(Asked q, Course c, String attribute) {
        String name = c.provider();
        switch (attribute) {
            case "discount" -> {
                if (q.qualifiers().contains("amount")) {
                    return Optional.of(UNSTATED + "how big " + name + "'s discounts are. "
                            + discounts(c).orElse(""));
                }
                return Optional.of(discounts(c)
                        .orElse(UNSTATED + "whether " + name + " offers discounts; it lists "
                                + c.price().details()));
            }
            case "instructor" -> {
                return Optional.of(instructors(q, c));
            }
            case "certificate" -> {
                if (c.certification() == null) {
                    return Optional.of(UNSTATED + "whether " + name + "'s " + c.name() + " gives a certificate.");
                }
                // A certificate that requires projects is earned by them: name them ("does the cert include a URL
                // shortener?"),
                // unless the projects line of the same answer does.
                String certification = c.requiredProjects().isEmpty() || q.has("projects")
                        ? c.certification()
                        : c.certification().replaceFirst("\\.$", "") + ": " + String.join(", ", c.requiredProjects())
                                + ".";
                return Optional.of(name + ": " + certification);
            }
            case "hours" -> {
                return Optional.of(
                        c.hours() != null
                                ? name + "'s " + c.name() + " is " + Numbers.plain(c.hours()) + " hours long."
                                : UNSTATED + "how long " + name + "'s " + c.name() + " takes.");
            }
            case "free" -> {
                if (q.has("price")) {
                    return Optional.empty();
                }
                if (c.isFree()) {
                    return Optional.of("Yes, " + name + "'s " + c.name() + " is free. "
                            + c.price().details());
                }
                if (!c.freeEntryCourses().isEmpty()) {
                    return Optional.of("Partly: " + c.price().details());
                }
                // The data gives the course a price and marks it not free: that is the guide's answer.
                return Optional.of("No, " + name + "'s " + c.name() + " is paid: "
                        + c.price().details());
            }
            case "price" -> {
                if (q.qualifiers().contains("month")
                        && !c.isFree()
                        && !c.price().details().matches("(?s).*\\$[0-9.]+/month.*")) {
                    return Optional.of(UNSTATED + "what " + name + " costs month to month; it gives "
                            + c.price().details());
                }
                return Optional.of(name + " (" + c.name() + "): " + (c.isFree() ? "free. " : "")
                        + askedFirst(c.price().details(), q));
            }
            case "languages" -> {
                return Optional.of(name + "'s " + c.name() + " teaches " + String.join(" and ", c.languages())
                        + " (stack: " + String.join(", ", c.stack()) + ").");
            }
            case "projects" -> {
                return Optional.of(
                        c.requiredProjects().isEmpty()
                                ? UNSTATED + "how many projects " + name + "'s " + c.name() + " has."
                                : name + "'s " + c.name() + " requires "
                                        + c.requiredProjects().size() + " projects: "
                                        + String.join(", ", c.requiredProjects()) + ".");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * A field's text with the part the question's qualifiers narrow it to first ("boot.dev yearly
     * price" → "$349/year …, or $49/month."): its sentences, and the alternatives of a sentence
     * (", or "), are ordered by whether the same qualifier rules that read the question match them.
     */
    String askedFirst(String text, Asked q) {
        if (q.qualifiers().isEmpty()) {
            return text;
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence : Entries.sentences(text)) {
            String end = sentence.endsWith(".") ? "." : "";
            List<String> alternatives = new ArrayList<>(List.of(
                    sentence.substring(0, sentence.length() - end.length()).split(", or ")));
            alternatives.sort(Comparator.comparing(a -> !narrowed(a, q)));
            sentences.add(String.join(", or ", alternatives) + end);
        }
        sentences.sort(Comparator.comparing(s -> !narrowed(s, q)));
        return String.join(" ", sentences);
    }

    private boolean narrowed(String text, Asked q) {
        return rules.arguments("qualifier", text).stream().anyMatch(q.qualifiers()::contains);
    }

    private Optional<String> discounts(Course c) {
        return Entries.sentences(c.price().details()).stream()
                .filter(s -> s.toLowerCase(Locale.ROOT).contains("discount"))
                .findFirst();
    }

    /** Who teaches the course, or the part of it the question names; unstated when no instructor teaches that. */
    private String instructors(Asked q, Course c) {
        if (c.instructors().isEmpty()) {
            return UNSTATED + "who teaches " + c.provider() + "'s " + c.name() + ".";
        }
        List<Instructor> matching = c.instructors().stream()
                .filter(i -> dataTerms(i.teaches()).stream().anyMatch(q.terms()::contains))
                .toList();
        Set<String> subjects = new LinkedHashSet<>();
        c.covers().forEach(s -> subjects.addAll(dataTerms(s)));
        c.stack().forEach(s -> subjects.addAll(dataTerms(s)));
        Set<String> taught = new LinkedHashSet<>();
        c.instructors().forEach(i -> taught.addAll(dataTerms(i.teaches())));
        List<String> untaught = q.terms().stream()
                .filter(subjects::contains)
                .filter(t -> !taught.contains(t))
                .toList();
        if (matching.isEmpty() && !untaught.isEmpty()) {
            return UNSTATED + "who teaches that part of " + c.provider() + "'s " + c.name()
                    + "; its named instructors are "
                    + c.instructors().stream()
                            .map(i -> i.name() + " (" + i.teaches() + ")")
                            .collect(Collectors.joining(", "))
                    + ".";
        }
        List<Instructor> shown = matching.isEmpty() ? c.instructors() : matching;
        return shown.stream().map(i -> i.name() + " teaches " + i.teaches()).collect(Collectors.joining("; ")) + " on "
                + c.provider() + "'s " + c.name() + ".";
    }

    private Optional<Answer> freeCourse(Asked q, List<FreeEntryCourse> free) {
        List<String> lines = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (FreeEntryCourse f : free) {
            String provider =
                    kb.courseOfFreeCourse(f.id()).map(Course::provider).orElse("");
            StringBuilder line = new StringBuilder(f.name() + " (" + provider + ") is free");
            if (q.has("hours")) {
                line.append(", ").append(Numbers.hours(f.hours()));
            }
            line.append(", taught by ").append(f.instructor());
            line.append(f.certificate() ? ", with a completion certificate." : ".");
            lines.add(line.toString());
            entries.add(byId.get(f.id()));
        }
        return Optional.of(answer(q.question(), String.join("\n", lines), entries));
    }

    /** "How long is Rachel Johnson's course": lengths are given only for the free courses, by their instructor. */
    private Optional<Answer> instructorCourseLength(Asked q, List<Instructor> people) {
        List<FreeEntryCourse> theirs = new ArrayList<>();
        for (Instructor person : people) {
            kb.courses()
                    .forEach(c -> c.freeEntryCourses().stream()
                            .filter(f -> f.instructor().equals(person.name()))
                            .forEach(theirs::add));
        }
        if (theirs.isEmpty()) {
            return Optional.of(unstated(
                    q.question(),
                    UNSTATED + "how long " + people.get(0).name() + "'s course is; "
                            + people.get(0).name() + " teaches " + people.get(0).teaches()
                            + " on Scrimba's Backend Developer Path."));
        }
        return freeCourse(q, theirs);
    }

    // ---- over all courses

    private Optional<Answer> superlative(Asked q, List<Course> named) {
        String kind = q.superlatives().iterator().next();
        List<Course> pool = named.isEmpty() ? kb.courses() : named;
        if (kind.equals("cheapest") || kind.equals("priciest")) {
            boolean paidOnly = q.text().toLowerCase(Locale.ROOT).matches("(?s).*\\bpaid\\b.*");
            List<Course> paid = pool.stream()
                    .filter(c -> !c.isFree())
                    .sorted(Comparator.comparingDouble(c -> c.price().monthlyUsd()))
                    .toList();
            if (kind.equals("priciest")) {
                Course top = paid.get(paid.size() - 1);
                return Optional.of(answer(
                        q.question(),
                        "The most expensive is " + top.provider() + " (" + top.name() + "): "
                                + top.price().details(),
                        List.of(byId.get(top.id()))));
            }
            Course cheapestPaid = paid.get(0);
            List<Course> free = pool.stream().filter(Course::isFree).toList();
            if (paidOnly || free.isEmpty()) {
                return Optional.of(answer(
                        q.question(),
                        "The cheapest paid course is " + cheapestPaid.provider() + " (" + cheapestPaid.name() + "): "
                                + cheapestPaid.price().details(),
                        List.of(byId.get(cheapestPaid.id()))));
            }
            List<Entry> entries =
                    new ArrayList<>(free.stream().map(c -> byId.get(c.id())).toList());
            entries.add(byId.get(cheapestPaid.id()));
            return Optional.of(answer(
                    q.question(),
                    free.stream().map(c -> c.provider() + " (" + c.name() + ")").collect(Collectors.joining(", "))
                            + " cost nothing. Of the paid ones, " + cheapestPaid.provider()
                            + " is the cheapest. " + cheapestPaid.price().details(),
                    entries));
        }
        // Longest or shortest among the courses with a stated length, free entry courses included.
        record Length(String id, String name, double hours) {}
        List<Length> lengths = new ArrayList<>();
        for (Course c : pool) {
            if (c.hours() != null) {
                lengths.add(new Length(c.id(), c.provider() + "'s " + c.name(), c.hours()));
            }
            c.freeEntryCourses()
                    .forEach(f -> lengths.add(new Length(f.id(), f.name() + " (" + c.provider() + ")", f.hours())));
        }
        if (lengths.isEmpty()) {
            return Optional.empty();
        }
        lengths.sort(Comparator.comparingDouble(Length::hours));
        Length pick = kind.equals("shortest") ? lengths.get(0) : lengths.get(lengths.size() - 1);
        String others = lengths.stream()
                .filter(l -> !l.equals(pick))
                .map(l -> l.name() + " " + Numbers.hours(l.hours()))
                .collect(Collectors.joining(", "));
        return Optional.of(answer(
                q.question(),
                "The " + kind + " with a stated length is " + pick.name() + ": " + Numbers.hours(pick.hours())
                        + (others.isEmpty() ? "." : " (also listed: " + others + ")."),
                List.of(byId.get(pick.id()))));
    }

    /** "Which courses are free / teach Go / are gamified?": the course finder's filters, read from the question. */
    private Optional<Answer> courseFinder(Asked q) {
        List<CourseFilter> filters = new ArrayList<>();
        if (q.has("free") && !q.has("price")) {
            filters.add(new CourseFilter(null, 0.0, null));
        }
        // Subjects some courses teach and others don't ("Go", "NestJS", "MongoDB"): the courses teaching all named.
        List<Set<String>> subjects = kb.courses().stream()
                .map(c -> {
                    Set<String> t = new LinkedHashSet<>();
                    java.util.stream.Stream.of(c.languages(), c.stack(), c.covers())
                            .flatMap(List::stream)
                            .forEach(v -> t.addAll(terms(v)));
                    return t;
                })
                .toList();
        List<String> named = q.terms().stream()
                .filter(t -> subjects.stream().anyMatch(x -> x.contains(t))
                        && !subjects.stream().allMatch(x -> x.contains(t)))
                .toList();
        if (!named.isEmpty() && !q.has("languages")) {
            List<Course> teaching = new ArrayList<>();
            for (int i = 0; i < kb.courses().size(); i++) {
                if (subjects.get(i).containsAll(named)) {
                    teaching.add(kb.courses().get(i));
                }
            }
            return teaching.isEmpty()
                    ? Optional.empty()
                    : Optional.of(courseList(
                            q,
                            teaching.stream()
                                    .filter(c -> filters.stream().allMatch(f -> f.matches(c)))
                                    .toList()));
        }
        for (String format : CourseFilter.formats(kb.courses())) {
            Set<String> t = dataTerms(format);
            if (!t.isEmpty() && q.terms().containsAll(t)) {
                filters.add(new CourseFilter(null, null, format));
            }
        }
        if (q.has("certificate")) {
            List<Course> found = kb.courses().stream()
                    .filter(c -> c.certification() != null
                            || c.freeEntryCourses().stream().anyMatch(FreeEntryCourse::certificate))
                    .toList();
            return Optional.of(answer(
                    q.question(),
                    "Certificates: "
                            + found.stream()
                                    .map(c -> c.provider() + " — " + c.certification())
                                    .collect(Collectors.joining(" ")),
                    found.stream().map(c -> byId.get(c.id())).toList()));
        }
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        List<Course> found = kb.courses().stream()
                .filter(c -> filters.stream().allMatch(f -> f.matches(c)))
                .toList();
        if (found.isEmpty() || found.size() == kb.courses().size()) {
            return Optional.empty();
        }
        return Optional.of(courseList(q, found));
    }

    private Answer courseList(Asked q, List<Course> found) {
        String lines = found.stream()
                .map(c -> "• **" + c.provider() + " — " + c.name() + "**: "
                        + c.price().text() + "; " + String.join(", ", c.stack()) + "; " + c.format() + ".")
                .collect(Collectors.joining("\n"));
        return answer(
                q.question(),
                (found.size() == 1 ? "One course fits:\n" : found.size() + " courses fit:\n") + lines,
                found.stream().map(c -> byId.get(c.id())).toList());
    }

    // ---- pay, growth, openings and survey figures

    private Optional<Answer> figures(Asked q) {
        boolean pay = q.has("pay");
        boolean growth = q.has("growth");
        boolean openings = q.has("openings");
        boolean usage = q.has("usage");
        if (!pay && !growth && !openings && !usage) {
            return Optional.empty();
        }
        if (usage) {
            return survey(q);
        }
        if (q.qualifiers().contains("place") || q.qualifiers().contains("seniority")) {
            return Optional.of(unstated(
                    q.question(),
                    UNSTATED + "that: its pay figures are US medians for all levels"
                            + " (software developers $133,080 a year, May 2024)."));
        }
        // Which kind of developer: a role of the guide, web developers, or developers in general.
        for (var role : kb.careers().roles()) {
            // The whole name: "data engineer", not "salary data".
            Set<String> name = dataTerms(role.name());
            if (q.terms().containsAll(name) && !role.id().equals("role-backend-developer")) {
                return Optional.of(unstated(
                        q.question(),
                        UNSTATED + (pay ? "what " : "how many jobs ")
                                + role.name().toLowerCase(Locale.ROOT)
                                + "s " + (pay ? "earn" : growth ? "will grow" : "open")
                                + "; it gives figures for software developers only. "
                                + role.focus()));
            }
        }
        // "iOS developers", "mobile devs": a kind of developer the data never names has no figures here.
        java.util.regex.Matcher m = ROLE_QUALIFIER.matcher(q.text().toLowerCase(Locale.ROOT));
        while (m.find()) {
            Set<String> qualifier = dataTerms(m.group(1));
            // Pay is given for software developers and web developers only: "frontend", "iOS", "QA" developers are
            // others.
            if (!qualifier.isEmpty() && !dataTerms(FIGURE_QUALIFIERS).containsAll(qualifier)) {
                return Optional.of(
                        unstated(
                                q.question(),
                                UNSTATED + "what " + m.group(1) + " " + m.group(2)
                                        + " earn; its pay figures are for software developers ($133,080) and web developers and digital designers ($98,090)."));
            }
        }
        Set<String> webWords = dataTerms("web designers");
        webWords.removeAll(developerWords);
        boolean asksWeb = q.terms().stream().anyMatch(webWords::contains);
        boolean asksSoftware = !asksWeb || q.terms().containsAll(dataTerms("software"));
        List<String> wanted = new ArrayList<>();
        if (pay) {
            if (asksSoftware) {
                wanted.add("salary-software-developers");
            }
            if (asksWeb) {
                wanted.add("salary-web-developers");
            }
        }
        if ((growth || openings) && asksWeb && !asksSoftware) {
            return Optional.of(
                    unstated(
                            q.question(),
                            UNSTATED + (growth ? "how fast jobs grow" : "how many jobs open")
                                    + " for web developers and digital designers; for them it gives only median pay ($98,090 a year, May 2024)."));
        }
        if (growth) {
            wanted.add("job-growth-software-developers");
        }
        if (openings) {
            wanted.add("openings-software-developers");
        }
        List<Entry> entries = wanted.stream().map(byId::get).toList();
        return Optional.of(answer(q.question(), figureLines(entries, q.has("source")), entries));
    }

    /** Each figure's lead, and its source line when the question asks where it comes from. */
    private static String figureLines(List<Entry> entries, boolean source) {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            lines.add(e.lead());
            if (source) {
                e.facts().stream().filter(f -> f.startsWith("Source:")).forEach(lines::add);
            }
        }
        return String.join("\n", lines);
    }

    /** The survey figures whose technology the terms name ("Node.js", "Python"). */
    private List<Entry> namedSurveyFigures(Set<String> terms) {
        List<Entry> found = new ArrayList<>();
        for (Figure f : kb.careers().survey()) {
            Set<String> name = dataTerms(f.label().replaceFirst(" usage among developers$", ""));
            if (!name.isEmpty() && terms.containsAll(name)) {
                found.add(byId.get(f.id()));
            }
        }
        return found;
    }

    private Optional<Answer> survey(Asked q) {
        List<Entry> found = namedSurveyFigures(q.terms());
        if (!found.isEmpty()) {
            List<String> lines = new ArrayList<>();
            found.forEach(e -> {
                lines.add(e.lead());
                e.facts().stream()
                        .skip(1)
                        .filter(f -> !f.startsWith("Source:") || q.has("source"))
                        .forEach(lines::add);
            });
            return Optional.of(answer(q.question(), String.join("\n", lines), found));
        }
        // A technology the guide names but gives no share for ("TypeScript", "Go").
        Set<String> technologies = new LinkedHashSet<>();
        kb.courses().forEach(c -> c.stack().forEach(s -> technologies.addAll(terms(s))));
        kb.stacksFile().stacks().forEach(s -> technologies.addAll(terms(s.name() + " " + s.language())));
        if (q.terms().stream().anyMatch(technologies::contains)) {
            return Optional.of(unstated(
                    q.question(),
                    UNSTATED + "how many developers use that; the 2025 Stack Overflow survey "
                            + "figures it gives are Node.js 48.7%, Python about 58% and JavaScript 66%."));
        }
        return Optional.empty();
    }

    private static Answer unstated(String question, String text) {
        return new Answer(question, text, List.of());
    }

    private static Answer answer(String question, String text, List<Entry> entries) {
        return new Answer(question, text, entries);
    }
}
