package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.CoursesFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers a question from the data alone: retrieves the best entries, keeps the ones that
 * really answer it, and composes a plain answer that names its sources. When nothing covers
 * the question it says so and suggests what it can answer; it never guesses.
 */
public final class AnswerService {

    /** Below this share of the question's weight matched, the best entry is not an answer. */
    static final double MIN_COVERAGE = 0.45;
    /** With words the data never uses ("Udemy's Node course"), a little more must be covered. */
    static final double MIN_COVERAGE_WITH_UNKNOWN_WORDS = 0.6;
    static final double MIN_SCORE = 2.0;
    /** A match this strong on the key words answers even a long question full of other words. */
    static final double STRONG_SCORE = 12;
    static final double STRONG_MIN_COVERAGE = 0.35;
    /** Same-kind entries ranked within this ratio of the best join the answer (three free courses). */
    private static final double TIE_RATIO = 0.8;
    /** Any entry ranked this close to the best joins it: the ranking cannot tell them apart. */
    private static final double NEAR_TIE_RATIO = 0.95;
    /** Comparisons ("web dev pay vs software dev pay") take both sides from further down. */
    private static final double COMPARISON_TIE_RATIO = 0.6;
    /** An entry answering a part of the question the best one misses joins above this ratio. */
    private static final double COMPLEMENT_RATIO = 0.3;
    /** When this many siblings tie, their parent (the phase, the course list) is the better answer. */
    private static final int SIBLINGS_FOR_PARENT = 3;
    private static final double SIBLING_RATIO = 0.75;
    private static final int MAX_ENTRIES = 3;

    /**
     * "Write a haiku about Postgres", "tell me a joke": a request to produce something, not a
     * question about the roadmap, however many roadmap words it names.
     */
    private static final Pattern TASK_REQUEST = Pattern.compile(
            "^\\W*(hey|hi|hello|yo|ok|okay|so|please|pls|plz|now)?\\W*((can|could|would|will) you( please)?\\W+)?(please\\W+)?"
                    + "(write|compose|generate|draw|translate|sing|rewrite|code) "
                    + "(me |us )?(a|an|some|the|my|\\d+)\\b(?!.*\\b(plan|schedule|roadmap|summary|timeline|overview)\\b)"
                    + "|\\btell (me|us) (a|an|some) (joke|story|poem|riddle|fun fact)");

    /** Messages shorter than this are questions as a whole. */
    private static final int FOCUS_MIN_WORDS = 14;
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.!?;]+\\s+|,\\s*|\\s+(?=(and |but |so )?(i was|i'm|im|i am) (wondering|curious|asking)\\b)"
                    + "|\\s+(?:but|so|anyway|anyways)\\s+(?=(how|what|which|who|when|where|why|is|are|do|does|should|can|will|would)\\b)");
    /** Where a message starts asking a second thing: "..., and what/how/who ...", "...? And ...". */
    private static final Pattern PART_BREAK = Pattern.compile(
            "(?i)\\s*,?\\s+(?:and|also|plus|&)\\s+(?=(?:what|which|who|how|where|when|why|whats|what's)\\b)|\\?\\s+(?=\\S)|\\s+(?:vs\\.?|versus)\\s+");
    /** A persona preamble: "I'm a career changer,", "as a React dev,", "parent here:", "college student here -". */
    private static final Pattern PERSONA = Pattern.compile(
            "(?i)^\\W*(?:(?:hi|hey|hello|so|ok|okay)\\W+)?(?:(?:i'?m|i am|as) (?:a|an|the)\\b(?:(?!\\s(?:with|who|that|and)\\b)[^,.:;?!]){1,40}"
                    + "|[^,.:;?!]{1,30}\\bhere)(?:\\s*[,.:;!]\\s*|\\s+-\\s+|\\s+(?=(?:with|who|that)\\b))");
    /** "What kinds of tests...", "which types of...": several alike answers are wanted, not the top one. */
    private static final Pattern SEVERAL_ASKED = Pattern.compile("\\b(kinds|types|sorts|varieties) of\\b");
    private static final Pattern QUESTION_CUE = Pattern.compile(
            "\\b(how|what|whats|which|who|when|where|why|whether|should i|do i|does|is it|is there|are there|can i|could i"
                    + "|would|worth|need)\\b|\\?");

    private final KnowledgeBase kb;
    private final Retriever retriever;
    private final FactCheck factCheck;
    private final CourseQuestion courseQuestion;
    private final Map<String, Entry> byId = new HashMap<>();

    public AnswerService(KnowledgeBase kb) {
        this.kb = kb;
        List<Entry> entries = Entries.of(kb);
        entries.forEach(e -> byId.put(e.id(), e));
        this.retriever = new Retriever(kb, entries);
        this.factCheck = new FactCheck(kb, entries);
        this.courseQuestion = new CourseQuestion(kb);
    }

    public Answer answer(String question) {
        if (TASK_REQUEST.matcher(question.toLowerCase(Locale.ROOT)).find()) {
            return new Answer(question, noAnswer(), List.of());
        }
        Answer answer = answerOf(question);
        String asked = answer.found() ? question : withoutPersona(question);
        if (!asked.equals(question)) {
            Answer withoutIt = answerOf(asked);
            if (withoutIt.found()) {
                return new Answer(question, withoutIt.text(), withoutIt.entries());
            }
        }
        return answer;
    }

    /**
     * "I'm a college student, do I need a degree?", "parent here: what do developers earn?": who
     * asks is context, not the question, except for what it names ("as a frontend dev" → frontend).
     * Returns the question without its persona preamble, or the question itself when it has none.
     */
    private String withoutPersona(String question) {
        Matcher m = PERSONA.matcher(question);
        if (!m.find() || m.end() >= question.length()) {
            return question;
        }
        String rest = question.substring(m.end()).strip();
        if (rest.split("\\s+").length < 2) {
            return question;
        }
        return (rest + " " + factCheck.namesIn(TextAnalyzer.normalize(m.group()))).strip();
    }

    private Answer answerOf(String question) {
        List<Retriever.Hit> hits = retriever.search(question, 12);
        if (hits.isEmpty() || hits.get(0).foreignSubject() || factCheck.unstated(question) != null
                || factCheck.unstatedRolePay(question) != null
                || (hits.get(0).unknownTerms() > 0 && factCheck.asksPriceOfNothingKnown(question))) {
            return new Answer(question, noAnswer(), List.of());
        }
        hits = namedCourseFirst(question, hits);
        if (hits.isEmpty()) {
            return new Answer(question, noAnswer(), List.of());
        }
        Optional<List<CoursesFile.Course>> courses = courseQuestion.match(question);
        if (courses.isPresent()) {
            List<Entry> chosen = courses.get().stream().map(c -> byId.get(c.id())).toList();
            return new Answer(question, compose(chosen), chosen);
        }
        if (!answers(hits.get(0))) {
            // A long, chatty message dilutes its question with its story ("I work in retail and I'm
            // tired of it, and I wonder whether I need a degree?"): the question is its asking clause.
            String focus = focus(question);
            if (focus != null) {
                // The story may still name what the question is about: "I do frontend work ... how long?"
                String query = (focus + " " + factCheck.namesIn(question.replace(focus, " "))).strip();
                List<Retriever.Hit> focused = retriever.search(query, 12);
                if (!focused.isEmpty() && !focused.get(0).foreignSubject() && answers(focused.get(0))) {
                    List<Entry> chosen = choose(focused, Retriever.isComparison(query) ? COMPARISON_TIE_RATIO : TIE_RATIO);
                    return new Answer(question, compose(chosen), chosen);
                }
            }
            return new Answer(question, noAnswer(), List.of());
        }
        boolean several = Retriever.isComparison(question) || SEVERAL_ASKED.matcher(question.toLowerCase(Locale.ROOT)).find();
        List<Entry> chosen = withParts(question, choose(hits, several ? COMPARISON_TIE_RATIO : TIE_RATIO));
        return new Answer(question, compose(chosen), chosen);
    }

    /**
     * "Where do I deploy, and what do I use for CI/CD?" asks two things: the best entry for the
     * whole may answer only one, so each asking part that answers on its own adds its best entry.
     */
    private List<Entry> withParts(String question, List<Entry> chosen) {
        String[] parts = PART_BREAK.split(question.strip());
        if (parts.length < 2) {
            return chosen;
        }
        List<Entry> all = new ArrayList<>(chosen);
        for (String part : parts) {
            if (part.isBlank() || all.size() >= MAX_ENTRIES + 1) {
                continue;
            }
            List<Retriever.Hit> hits = retriever.search(part, 12);
            if (hits.isEmpty() || !answers(hits.get(0))) {
                continue;
            }
            Entry best = hits.get(0).entry();
            if (!all.contains(best) && !isParentOrChild(best, all)) {
                all.add(best);
            }
        }
        return all;
    }

    /**
     * The asking clause of a long message: the last clause with a question cue (or the last
     * clause), when the message has several clauses and enough words to be chatty; else null.
     */
    static String focus(String question) {
        String[] clauses = CLAUSE_BREAK.split(question.strip());
        if (clauses.length < 2 || question.split("\\s+").length < FOCUS_MIN_WORDS) {
            return null;
        }
        String focus = null;
        for (String clause : clauses) {
            if (QUESTION_CUE.matcher(clause.toLowerCase(Locale.ROOT)).find()) {
                focus = clause;
            }
        }
        if (focus == null) {
            focus = clauses[clauses.length - 1];
        }
        return focus.isBlank() || focus.strip().equals(question.strip()) ? null : focus.strip();
    }

    private List<Entry> choose(List<Retriever.Hit> hits, double tieRatio) {
        Retriever.Hit best = hits.get(0);
        Entry parent = parentIfSiblingsTie(hits);
        if (parent != null) {
            return List.of(parent);
        }
        List<Entry> chosen = new ArrayList<>();
        chosen.add(best.entry());
        long covered = best.matchedTerms();
        for (Retriever.Hit hit : hits.subList(1, hits.size())) {
            if (chosen.size() >= MAX_ENTRIES) {
                break;
            }
            boolean sameKind = hit.entry().kind() == best.entry().kind();
            // Entries of other kinds that rank all but level with the best are as likely the answer.
            boolean tie = (sameKind && (hit.rank() >= best.rank() * tieRatio || (hit.named() && best.named())))
                    || hit.rank() >= best.rank() * NEAR_TIE_RATIO;
            boolean complements = (hit.matchedTerms() & ~covered) != 0 && hit.rank() >= best.rank() * COMPLEMENT_RATIO
                    && hit.score() >= MIN_SCORE;
            if ((tie || complements) && !chosen.contains(hit.entry()) && !isParentOrChild(hit.entry(), chosen)) {
                chosen.add(hit.entry());
                covered |= hit.matchedTerms();
            }
        }
        return chosen;
    }

    /**
     * "boot.dev's student discount": a question naming one course is about that course. When
     * another course ranks first on the rest of the words (Scrimba has student rates), the named
     * course answers if it covers the question on its own, and otherwise nothing does: another
     * course's facts would answer a question that was not asked. Comparisons name both sides.
     */
    private List<Retriever.Hit> namedCourseFirst(String question, List<Retriever.Hit> hits) {
        Retriever.Hit best = hits.get(0);
        if (best.entry().kind() != Entry.Kind.COURSE || best.named() || Retriever.isComparison(question)) {
            return hits;
        }
        for (Retriever.Hit hit : hits) {
            if (hit.entry().kind() == Entry.Kind.COURSE && hit.named()) {
                if (!answers(hit)) {
                    return List.of();
                }
                List<Retriever.Hit> reordered = new ArrayList<>(hits);
                reordered.remove(hit);
                reordered.add(0, hit);
                return reordered;
            }
        }
        return hits;
    }

    /** "Final phase topics?" ranks three topics of phase 4 alike: the phase itself answers it. */
    private Entry parentIfSiblingsTie(List<Retriever.Hit> hits) {
        Retriever.Hit best = hits.get(0);
        String parentId = best.entry().parent();
        if (parentId == null || !byId.containsKey(parentId)) {
            return null;
        }
        long siblings = hits.stream().limit(SIBLINGS_FOR_PARENT + 1)
                .filter(h -> parentId.equals(h.entry().parent()) && h.rank() >= best.rank() * SIBLING_RATIO)
                .count();
        // Two siblings alike and the parent covering the question as well: "which stacks are usual?"
        boolean parentCoversAsWell = hits.stream()
                .anyMatch(h -> h.entry().id().equals(parentId) && h.coverage() >= best.coverage()
                        && h.rank() >= best.rank() * SIBLING_RATIO);
        // "What should my APIs look like by the end of phase 3?": a question naming the parent itself
        // is about the parent when it covers the question as well as the child does.
        boolean parentNamedAndCovers = hits.stream()
                .anyMatch(h -> h.entry().id().equals(parentId) && h.named() && h.coverage() >= best.coverage()
                        && h.rank() >= best.rank() * SIBLING_RATIO);
        return siblings >= SIBLINGS_FOR_PARENT || (siblings >= 2 && parentCoversAsWell) || parentNamedAndCovers
                ? byId.get(parentId) : null;
    }

    private static boolean isParentOrChild(Entry entry, List<Entry> chosen) {
        return chosen.stream().anyMatch(c -> entry.id().equals(c.parent()) || c.id().equals(entry.parent()));
    }

    /** For diagnostics and the bench: the raw hits. */
    public List<Retriever.Hit> hits(String question, int limit) {
        return retriever.search(question, limit);
    }

    /** For diagnostics: how a question was analysed. */
    public String explain(String question) {
        return retriever.explain(question);
    }

    private static boolean answers(Retriever.Hit hit) {
        if (hit.foreignSubject()) {
            return false;
        }
        double needed = hit.unknownTerms() > 0 ? MIN_COVERAGE_WITH_UNKNOWN_WORDS : MIN_COVERAGE;
        // A long, chatty question can match one entry very strongly on its key words alone.
        boolean strong = hit.score() >= STRONG_SCORE && hit.coverage() >= STRONG_MIN_COVERAGE;
        return (hit.coverage() >= needed || strong) && hit.score() >= MIN_SCORE;
    }

    private static String compose(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        text.append(entries.size() == 1 ? "Here's what the roadmap guide says:\n\n" : "Here's what I found in the roadmap guide:\n\n");
        text.append(entries.stream().map(Entry::answer).collect(Collectors.joining("\n\n")));
        text.append("\n\n").append(citation(entries));
        return text.toString();
    }

    /** "Source: <heading> (entry `id`)", one per distinct entry. */
    public static String citation(List<Entry> entries) {
        return "Source: " + entries.stream()
                .map(e -> "\"" + e.section() + "\" (entry `" + e.id() + "`)")
                .collect(Collectors.joining("; "));
    }

    static String noAnswer() {
        return "I don't have anything about that in my roadmap data, so I won't guess. "
                + "I can answer questions about the 4-phase backend roadmap and its topics, the five recommended courses "
                + "(prices, stacks, formats), portfolio projects, common backend stacks, salaries and job outlook, "
                + "and the FAQ (how long it takes, Node.js or Python, degrees). Try `/roadmap`, `/courses`, `/projects` or `/help`.";
    }
}
