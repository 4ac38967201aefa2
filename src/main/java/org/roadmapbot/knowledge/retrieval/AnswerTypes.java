package org.roadmapbot.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.lucene.analysis.Analyzer;
import org.roadmapbot.core.JsonResource;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer.Slot;

/**
 * The classic question-answering check of the answer's type ({@code knowledge/answer-types.json}): the asking
 * clause says what kind of answer it wants (a person who founded something, a date, a count of some unit, a
 * duration, an amount, a rate, a credential, a requirement, a place), and the facts an answer would show must
 * hold an instance of it. "How many lessons are in the Odin path" is no question the Odin path's facts answer,
 * however well they match its other words: they count no lessons.
 */
public final class AnswerTypes {

    public static final String RESOURCE = "/knowledge/answer-types.json";
    /** How far (in words left after stop words) a number may stand from the unit it counts: "30.1-hour", "4 portfolio projects". */
    private static final int COUNT_WINDOW = 2;

    private static final Pattern NUMBER = Pattern.compile(
            "(?i)\\d[\\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?");
    /** A fact that labels a list ("Topics: a; b; c"): the list's unit can be counted. */
    private static final Pattern LABEL = Pattern.compile("^\\W*([A-Za-z][A-Za-z ]{0,30}):");

    /** One type: its cue in the asking clause, how its presence is checked in the facts, and its examples. */
    public record Type(
            String id,
            String why,
            String cue,
            String check,
            String instance,
            String says,
            List<String> examples,
            List<String> counterexamples,
            List<String> instances,
            List<String> nonInstances) {

        public Type {
            Objects.requireNonNull(id, "id");
            if (examples == null || examples.isEmpty()) {
                throw new IllegalArgumentException("answer type '" + id + "' has no examples");
            }
            if (!List.of("pattern", "echo", "count").contains(check)) {
                throw new IllegalArgumentException("answer type '" + id + "' has an unknown check: " + check);
            }
            if (check.equals("pattern") && (instance == null || instance.isEmpty())) {
                throw new IllegalArgumentException("answer type '" + id + "' checks a pattern but has none");
            }
            Objects.requireNonNull(says, "says of answer type " + id);
            counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
            instances = instances == null ? List.of() : List.copyOf(instances);
            nonInstances = nonInstances == null ? List.of() : List.copyOf(nonInstances);
            examples = List.copyOf(examples);
            instance = instance == null ? "" : instance;
            try {
                Pattern.compile(cue);
                Pattern.compile(instance);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "answer type '" + id + "' has a broken pattern: " + e.getDescription(), e);
            }
        }
    }

    /** A type a question asks for, with the words it names ("lessons are" of "how many lessons are"), or "" for none. */
    public record Asked(Type type, String word) {
        /** The reply when the facts hold no instance: "how many lessons there are for The Odin Project NodeJS Path". */
        public String says(String about) {
            return type.says()
                    .replace("{word}", word)
                    .replace("{unit}", word.split("[ -]+")[0])
                    .replace("{about}", about);
        }
    }

    private record File(String comment, List<Type> types, Map<String, List<String>> unitGroups) {}

    private record Compiled(Type type, Pattern cue, Pattern instance) {}

    private final List<Compiled> types;
    /** The analyzer of the index (stems and synonyms: "hrs" counts hours): for units. */
    private final Analyzer analyzer;
    /** Whether a word is one a reader knows (English, or the guide's own): a unit typed wrong is no unit to check. */
    private final Predicate<String> readable;
    /** Words a count of any of which answers a count of the key ("people" by "respondents"). */
    private final Map<String, List<String>> unitGroups;
    /** Each fact analysed once (the same facts answer many questions). */
    private final Map<String, List<Slot>> factSlots = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> factTerms = new ConcurrentHashMap<>();

    private AnswerTypes(File file, Analyzer analyzer, Predicate<String> readable) {
        this.analyzer = analyzer;
        this.readable = readable;
        this.unitGroups = file.unitGroups() == null ? Map.of() : Map.copyOf(file.unitGroups());
        List<Type> types = file.types();
        this.types = types.stream()
                .map(t -> new Compiled(
                        t,
                        Pattern.compile("(?i)" + t.cue()),
                        t.instance().isEmpty() ? null : Pattern.compile(t.instance())))
                .toList();
    }

    /** With every word readable: for tests of the data alone. */
    public static AnswerTypes load(Analyzer analyzer) {
        return load(analyzer, w -> true);
    }

    public static AnswerTypes load(Analyzer analyzer, Predicate<String> readable) {
        return new AnswerTypes(JsonResource.read(RESOURCE, File.class), analyzer, readable);
    }

    public List<Type> all() {
        return types.stream().map(Compiled::type).toList();
    }

    /** The types the asking clause asks for, in file order, each with the word it names. */
    public List<Asked> asked(String clause) {
        List<Asked> found = new ArrayList<>();
        for (Compiled c : types) {
            Matcher m = c.cue().matcher(clause);
            if (m.find()) {
                String word = group(m, "w");
                for (int i = 2; word == null && i <= 9; i++) {
                    word = group(m, "w" + i);
                }
                found.add(new Asked(
                        c.type(),
                        word == null ? "" : word.toLowerCase(Locale.ROOT).strip()));
            }
        }
        return found;
    }

    /** The first type asked that none of the facts gives an instance of. */
    public Optional<Asked> missing(String clause, List<String> facts) {
        return asked(clause).stream().filter(a -> !present(a, facts)).findFirst();
    }

    /** Whether the facts hold an instance of the asked type. */
    public boolean present(Asked asked, List<String> facts) {
        Compiled c = types.stream()
                .filter(t -> t.type().id().equals(asked.type().id()))
                .findFirst()
                .orElseThrow();
        if (c.instance() != null
                && facts.stream().anyMatch(f -> c.instance().matcher(f).find())) {
            return true;
        }
        return switch (asked.type().check()) {
            case "echo" -> echoed(asked.word(), facts);
            case "count" -> counted(asked.word(), facts);
            default -> false;
        };
    }

    /**
     * Whether each word of the asked phrase is in one fact, as itself or a synonym the data declares ("diploma" by
     * "degree", "credits" by no "university-level"); a phrase of stop words only is no ask.
     */
    private boolean echoed(String word, List<String> facts) {
        List<Slot> wanted = KnowledgeAnalyzer.slots(analyzer, word);
        if (wanted.isEmpty()) {
            return true;
        }
        return facts.stream().anyMatch(f -> {
            Set<String> terms = factTerms.computeIfAbsent(f, x -> KnowledgeAnalyzer.terms(analyzer, x));
            return wanted.stream().allMatch(w -> w.terms().stream().anyMatch(terms::contains));
        });
    }

    /**
     * The terms of the asked unit, the two words after "how many" ("lessons are", "backend jobs"), with those of
     * the words that count as them; none when the first is typed wrong ("monts till"): a word no reader knows is no
     * unit to look for.
     */
    private Set<String> unitTerms(String unit) {
        String[] words = unit.split("[ -]+");
        Set<String> terms = new java.util.LinkedHashSet<>();
        if (!readable.test(words[0])) {
            return terms;
        }
        for (String w : words) {
            terms.addAll(KnowledgeAnalyzer.terms(analyzer, w));
            unitGroups.getOrDefault(w, List.of()).forEach(g -> terms.addAll(KnowledgeAnalyzer.terms(analyzer, g)));
        }
        return terms;
    }

    /**
     * Whether a number stands within a couple of words of the unit ("30.1-hour", "4 portfolio projects", "months
     * 5-6"), or a fact labels a list with it ("Topics: …"). A unit that is only stop words ("how many of them") asks
     * for no unit in particular.
     */
    private boolean counted(String unit, List<String> facts) {
        Set<String> wanted = unitTerms(unit);
        if (wanted.isEmpty()) {
            return true;
        }
        for (String fact : facts) {
            Matcher label = LABEL.matcher(fact);
            if (label.find()
                    && KnowledgeAnalyzer.terms(analyzer, label.group(1)).stream()
                            .anyMatch(wanted::contains)) {
                return true;
            }
            List<Slot> slots = slots(fact);
            for (int i = 0; i < slots.size(); i++) {
                if (!isNumber(slots.get(i))) {
                    continue;
                }
                for (int j = Math.max(0, i - COUNT_WINDOW); j <= Math.min(slots.size() - 1, i + COUNT_WINDOW); j++) {
                    if (j != i && slots.get(j).terms().stream().anyMatch(wanted::contains)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isNumber(Slot slot) {
        return slot.raw() != null && NUMBER.matcher(slot.raw()).matches();
    }

    private List<Slot> slots(String fact) {
        return factSlots.computeIfAbsent(fact, f -> KnowledgeAnalyzer.slots(analyzer, f));
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
