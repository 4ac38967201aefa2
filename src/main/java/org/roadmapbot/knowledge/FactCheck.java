package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.CoursesFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches the near miss "what do DevOps engineers earn?": the question asks for an attribute
 * (pay, price, hours, instructor, popularity, job growth) of a named thing the data knows (a
 * role, course, language, tool), but no single fact in the data states that attribute for that
 * thing. Related facts (DevOps is a role; developers earn $133,080) would otherwise be offered
 * as if they answered it. Names come from the data itself, so new entries extend the check.
 */
final class FactCheck {

    /** An attribute a question asks for, how it is asked, and the words a fact stating it uses. */
    private record Attribute(String name, Pattern asked, Set<String> evidence, boolean coursesOnly) {
    }

    private static final Pattern ROLE_QUALIFIER = Pattern.compile("([a-z][a-z.+#-]*)\\s+(developers?|devs?|engineers?|programmers?)\\b");
    private static final Pattern CAPITALISED = Pattern.compile("(?<!\\.\\s)(?<!^)\\b[A-Z][A-Za-z0-9.+#/]*(\\s+[A-Z][A-Za-z0-9.+#/]*)*");

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final List<Attribute> attributes;
    /** Terms naming things the data describes (providers, roles, languages, tools). */
    private final Set<String> names = new HashSet<>();
    /** The subset naming courses, for attributes only courses have (hours, instructors). */
    private final Set<String> courseNames = new HashSet<>();
    /** Words the data puts right before "developer"/"engineer" (software, web, backend, DevOps...). */
    private final Set<String> roleQualifiers = new HashSet<>();
    /** Per fact-bearing entry, the terms of its facts (not its askedAs hints). */
    private final List<Set<String>> facts = new ArrayList<>();
    /** Per entry, the terms of its name: what the entry is about, not what it mentions. */
    private final List<Set<String>> subjects = new ArrayList<>();

    FactCheck(KnowledgeBase kb, List<Entry> entries) {
        attributes = List.of(
                attribute("pay", "\\b(salar(y|ies)|wages?|earn(s|ing|ings)?|income|compensation|get paid|paid (more|less|well)"
                        + "|pays? (more|less|well)|(the|their|what's|whats|average|median|typical|starting) pay\\b|how much (do|does|did|can|could|would|will)\\b.*\\bmake)\\b",
                        "salary median wage earn compensation paid pay", false),
                attribute("price", "\\b(costs?|costing|price[sd]?|pricing|fees?|subscriptions?)\\b",
                        "price cost free pricing", false),
                attribute("growth", "\\b(job growth|growth|outlook|openings?|vacancies|demand)\\b",
                        "growth projected openings demand", false),
                attribute("popularity", "\\b(popular(ity)?|percent(age)?|%|share|survey|most used)\\b",
                        "popular survey percent", false),
                attribute("hours", "\\b(hours?|hrs?|how long (is|does|will|would)|length)\\b", "hours hrs length", true),
                attribute("instructor", "\\b(who (teaches|taught)|instructors?|teachers?|taught by|lecturers?)\\b",
                        "instructor instructors teaches taught", true));
        for (Entry e : entries) {
            boolean list = e.kind() == Entry.Kind.LIST;
            facts.add(list ? Set.of() : new HashSet<>(analyzer.analyze(e.title() + " " + e.keywords() + " " + e.answer() + " " + e.body())));
            subjects.add(list ? Set.of() : new HashSet<>(analyzer.analyze(e.title() + " " + e.keywords())));
            Matcher q = ROLE_QUALIFIER.matcher((e.title() + " " + e.answer() + " " + e.body()).toLowerCase(Locale.ROOT));
            while (q.find()) {
                roleQualifiers.addAll(analyzer.analyze(q.group(1)));
            }
            switch (e.kind()) {
                case COURSE, FREE_COURSE -> {
                    names.addAll(analyzer.analyze(e.keywords()));
                    courseNames.addAll(analyzer.analyze(e.keywords()));
                }
                case ROLE, STACK -> names.addAll(analyzer.analyze(e.keywords()));
                default -> {
                }
            }
        }
        for (CoursesFile.Course c : kb.courses()) {
            courseNames.addAll(analyzer.analyze(c.provider()));
            names.addAll(analyzer.analyze(c.provider()));
            names.addAll(analyzer.analyze(String.join(" ", c.languages()) + " " + String.join(" ", c.stack())));
        }
        kb.stacksFile().stacks().forEach(s -> names.addAll(analyzer.analyze(s.name() + " " + s.language())));
        // Tools named in topic details: "PostgreSQL", "Redis", "GitHub Actions".
        kb.phases().forEach(p -> p.topics().forEach(t -> {
            Matcher m = CAPITALISED.matcher(t.details());
            while (m.find()) {
                names.addAll(analyzer.analyze(m.group()));
            }
        }));
        // The roles section contrasts backend with frontend work without a frontend entry of its own.
        names.addAll(analyzer.analyze("frontend"));
        names.removeAll(analyzer.analyze(GENERIC));
        courseNames.removeAll(analyzer.analyze(GENERIC));
    }

    /** Words in names that say nothing about which thing is meant. */
    private static final String GENERIC = "backend back end developer developers engineer software web learn path "
            + "course part api apis rest certification university";

    private Attribute attribute(String name, String asked, String evidence, boolean coursesOnly) {
        return new Attribute(name, Pattern.compile(asked), new HashSet<>(analyzer.analyze(evidence)), coursesOnly);
    }

    Set<String> names() {
        return names;
    }

    /** The words of a text that name something the data describes ("React at work, Python on weekends" → Python). */
    String namesIn(String text) {
        StringBuilder found = new StringBuilder();
        for (String word : text.split("[\\s,;!?()]+")) {
            if (analyzer.analyze(word).stream().anyMatch(names::contains)) {
                found.append(' ').append(word);
            }
        }
        return found.toString().strip();
    }

    /**
     * The first attribute asked of a named thing that no fact states, e.g. "pay of devop", or
     * null when the data states it (or the question pairs no attribute with a name).
     * An entry states it when the entry is about the thing (its name names it) and its facts
     * use the attribute's words; "who teaches TypeScript on Scrimba" is stated by the Scrimba
     * entry, which is about one of the names and mentions the others. A phase that merely
     * mentions Docker and free courses does not state Docker's price.
     */
    String unstated(String question) {
        // Attributes are read from the words as asked: normalising turns "how much do I pay" into "salary".
        String asked = question.toLowerCase(Locale.ROOT);
        Set<String> terms = new LinkedHashSet<>(analyzer.analyze(question));
        for (Attribute a : attributes) {
            if (!a.asked().matcher(asked).find()) {
                continue;
            }
            Set<String> named = new LinkedHashSet<>(terms);
            named.retainAll(a.coursesOnly() ? courseNames : names);
            if (named.isEmpty() || statedTogether(a, named)) {
                continue;
            }
            for (String name : named) {
                if (!statedTogether(a, Set.of(name))) {
                    return a.name() + " of " + name;
                }
            }
        }
        return null;
    }

    /**
     * Whether the question asks a price without naming anything the data prices: with a word the
     * data never uses ("what does AWS hosting cost") it asks about something else.
     */
    boolean asksPriceOfNothingKnown(String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        boolean pricing = attributes.stream().anyMatch(a -> a.name().equals("price") && a.asked().matcher(asked).find());
        return pricing && analyzer.analyze(question).stream().noneMatch(names::contains);
    }

    /**
     * "What does a mobile developer earn?": pay is stated for the kinds of developer the data
     * names (software, web, backend...); a word qualifying "developer" that the data never puts
     * there, and that names no language or tool, asks for pay the data does not state.
     */
    String unstatedRolePay(String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        if (!attributes.get(0).asked().matcher(asked).find()) {
            return null;
        }
        Matcher m = ROLE_QUALIFIER.matcher(asked);
        while (m.find()) {
            List<String> q = analyzer.analyze(m.group(1));
            if (!q.isEmpty() && !roleQualifiers.contains(q.get(0)) && !names.contains(q.get(0))) {
                return "pay of " + m.group(1) + " " + m.group(2);
            }
        }
        return null;
    }

    private boolean statedTogether(Attribute a, Set<String> named) {
        for (int i = 0; i < facts.size(); i++) {
            Set<String> f = facts.get(i);
            Set<String> subject = subjects.get(i);
            if (named.stream().anyMatch(subject::contains) && f.containsAll(named) && a.evidence().stream().anyMatch(f::contains)) {
                return true;
            }
        }
        return false;
    }
}
