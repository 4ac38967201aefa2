package org.roadmapbot.phrasing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.phrasing.Words.Word;

/**
 * Numbers bound to what they measure. Each number in a text is read with its unit ("months",
 * "$", "%") and bound to the context words nearest to it: its pace (full-time, part-time), its
 * period (a month, a year), the role it is about (software or web developers, frontend), the
 * names beside it (a course, a provider, a person, a phase). A number in the output must stand
 * with words it stands with somewhere in the facts: "10-15 months full-time" when the facts say
 * part-time, or "$349/mo" when 349 is a yearly price, is a number moved to another fact.
 *
 * <p>Binding is positional, not grammatical: a context word belongs to the nearest number in its
 * clause (commas, brackets, "and"/"or" end a clause), or, with no number there, to the nearest
 * number in its part of the sentence (";", a dash, ", and"/", or"/", but" end a part). Paces and
 * periods must match exactly; a name or role only counts when the facts bind it to some number.
 */
final class NumberClaims {

    /** One number as written, in canonical form: "6-10", "133080", "24.5", "3/6" (3 of 6). */
    record Mention(String value, String unit, int start, int end) {

        /** 2024, 2034: a date, which names a time rather than measuring anything. */
        boolean year() {
            return unit == null && YEAR.matcher(value).matches();
        }

        /** A bare small count ("two ecosystems", "five projects"): no course, person or role is priced by it. */
        boolean count() {
            return unit == null && SMALL_COUNT.matcher(value).matches();
        }
    }

    /** What a context word is: only a DATE ("May") goes with a year, and only the others with a measure. */
    private enum Kind {
        PACE,
        PERIOD,
        ROLE,
        NAME,
        LABEL,
        DATE
    }

    private record Mark(String term, Kind kind, int start, int end) {

        /** Paces and periods are always claims; a name or role only where the facts bind one to a number. */
        boolean strict() {
            return kind == Kind.PACE || kind == Kind.PERIOD;
        }
    }

    private record Binding(Mark mark, List<Mention> to) {}

    /** What a text says about its numbers. */
    record Analysis(
            String canonicalText,
            List<Mention> mentions,
            List<Binding> bindings,
            Map<Mention, Set<String>> near,
            Map<Mention, Set<String>> sentenceWords,
            Set<String> labels,
            Set<String> claimTerms) {

        /** The numbers as the canonical text writes them ("$24.50", "6-10", "15%"), in order. */
        List<String> written() {
            return mentions.stream()
                    .map(m -> canonicalText.substring(m.start(), m.end()).strip())
                    .distinct()
                    .toList();
        }

        Set<String> values() {
            Set<String> values = new LinkedHashSet<>();
            mentions.forEach(m -> values.add(m.value()));
            return values;
        }
    }

    /** The claims of the facts, by number: what an output may say about each. */
    static final class FactClaims {
        private final Set<String> values = new LinkedHashSet<>();
        private final Map<String, Set<String>> bound = new HashMap<>();
        private final Set<String> allBound = new HashSet<>();
        private final Map<String, Set<String>> units = new HashMap<>();
        private final Map<String, Set<String>> sentenceWords = new HashMap<>();
        private final Set<String> nearWords = new HashSet<>();
        private final Set<String> labels = new HashSet<>();
        private final Set<String> claimTerms = new HashSet<>();

        FactClaims(Analysis facts) {
            labels.addAll(facts.labels());
            claimTerms.addAll(facts.claimTerms());
            for (Mention m : facts.mentions()) {
                values.add(m.value());
                units.computeIfAbsent(m.value(), v -> new HashSet<>());
                if (m.unit() != null) {
                    units.get(m.value()).add(m.unit());
                }
                sentenceWords
                        .computeIfAbsent(m.value(), v -> new HashSet<>())
                        .addAll(facts.sentenceWords().get(m));
                nearWords.addAll(facts.near().get(m));
            }
            for (Binding b : facts.bindings()) {
                allBound.add(b.mark().term());
                for (Mention m : b.to()) {
                    bound.computeIfAbsent(m.value(), v -> new HashSet<>())
                            .add(b.mark().term());
                }
            }
        }

        Set<String> values() {
            return values;
        }
    }

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    private static final Pattern SMALL_COUNT = Pattern.compile("\\d|1[0-2]");
    private static final Pattern MONTH_BEFORE_YEAR = Pattern.compile(
            "\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?=\\s+(?:19|20)\\d\\d\\b)");
    private static final Pattern DASH_BETWEEN_NUMBERS = Pattern.compile("(\\d)\\s*[–—‒−]\\s*(?=\\$?\\d)");
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "(?i)\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\\b"
                    + "|\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                    + "|seventeen|eighteen|nineteen)\\b");
    private static final String AMOUNT = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern BETWEEN =
            Pattern.compile("(?i)\\bbetween\\s+(\\$?" + AMOUNT + ")\\s+and\\s+\\$?(" + AMOUNT + ")");
    private static final Pattern RANGE_WORDS = Pattern.compile("(?i)(\\$?" + AMOUNT
            + ")\\s*(?:-|\\bto\\b|\\bthrough\\b|\\bthru\\b)\\s*\\$?(" + AMOUNT + ")(?![\\d.,]*\\d)");
    private static final Pattern ORDINAL_PHASE = Pattern.compile("(?i)\\b(first|second|third|fourth)\\s+phase\\b");
    private static final Pattern LABEL = Pattern.compile("(?i)\\b(phase|part)\\s+(\\d+)\\b");
    private static final Pattern LABEL_TOKEN = Pattern.compile("(?i)\\b(phase|part)_(\\d+)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\d.,_$/])(\\$)?(" + AMOUNT + ")"
            + "(?:\\s+(?:out\\s+)?of\\s+(?:the\\s+)?(\\d+)\\b|-(\\$)?(" + AMOUNT + "))?(\\+)?([kK]\\b)?"
            + "(%|\\s?percent\\b|\\s?per\\s?cent\\b)?");
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "(?i)\\s*-?\\s*(hours?|hrs?|months?|mos|years?|yrs?|weeks?|wks?|days?|minutes?|mins?|dollars?|usd|bucks)\\b");
    private static final Pattern UNIT_BEFORE = Pattern.compile("(?i)\\b(hours?|months?|years?|weeks?|days?)\\s+$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n|•");
    private static final Pattern HARD =
            Pattern.compile(";|\\s[—–-]\\s|,\\s+(?=(?:and|but|or|while|whereas|so|plus|yet)\\b)|\\s·\\s|\\|");
    /** Clause ends (a comma inside "133,080" is none). */
    private static final Pattern SOFT =
            Pattern.compile("(?<!\\d),|,(?!\\d)|[():]|\\s(?:but|while|whereas|vs\\.?|versus)\\s");
    /**
     * A bare "and"/"or" ends a clause only between two numbers ("6-10 months full-time and 10-15
     * part-time"); elsewhere it joins names ("Node.js/Express or Python/FastAPI (months 3-4)").
     */
    private static final Pattern AND_OR = Pattern.compile("\\s(?:and|or)\\s");

    private static final Map<Pattern, String> PACES = Map.of(
            Pattern.compile("(?i)\\bfull[- ]?time\\b"), "pace:full-time",
            Pattern.compile("(?i)\\bpart[- ]?time\\b"), "pace:part-time");
    private static final String EVERY = "(?:/\\s*|\\bper\\s+|\\ba\\s+|\\ban\\s+|\\beach\\s+|\\bevery\\s+)";
    private static final Map<Pattern, String> PERIODS = Map.of(
            Pattern.compile("(?i)" + EVERY + "(?:mo|mon|month)\\b|\\bmonthly\\b"), "period:month",
            Pattern.compile("(?i)" + EVERY + "(?:yr|year)\\b|\\bannual(?:ly)?\\b|\\byearly\\b|\\bper\\s+annum\\b"),
                    "period:year",
            Pattern.compile("(?i)" + EVERY + "(?:wk|week)\\b|\\bweekly\\b"), "period:week",
            Pattern.compile("(?i)" + EVERY + "day\\b|\\bdaily\\b"), "period:day",
            Pattern.compile("(?i)" + EVERY + "(?:hr|hour)\\b|\\bhourly\\b"), "period:hour");
    private static final Map<Pattern, String> ROLES = Map.of(
            Pattern.compile("(?i)\\bsoftware\\s+(?:developers?|engineers?|devs?)\\b"), "role:software",
            Pattern.compile("(?i)\\bweb\\s+(?:developers?|devs?)\\b|\\bdigital\\s+designers?\\b"), "role:web",
            Pattern.compile("(?i)\\bfront[- ]?end\\b"), "role:frontend",
            Pattern.compile("(?i)\\bfull[- ]?stack\\b"), "role:fullstack",
            Pattern.compile("(?i)\\bdev[- ]?ops\\b"), "role:devops",
            Pattern.compile("(?i)\\bdata\\s+engineers?\\b"), "role:data");
    /** Words too common to tell two numbers apart. */
    private static final Set<String> STOP = Set.of(
            "about",
            "roughly",
            "approximately",
            "around",
            "nearly",
            "almost",
            "over",
            "under",
            "than",
            "from",
            "with",
            "that",
            "this",
            "these",
            "those",
            "your",
            "you're",
            "they",
            "their",
            "there",
            "will",
            "would",
            "could",
            "should",
            "just",
            "only",
            "also",
            "still",
            "then",
            "very",
            "more",
            "most",
            "less",
            "least",
            "each",
            "every",
            "into",
            "onto",
            "which",
            "while",
            "what",
            "when",
            "where",
            "have",
            "has",
            "had",
            "takes",
            "take",
            "took",
            "usually",
            "typically",
            "expect",
            "some",
            "costs",
            "cost",
            "hour",
            "hours",
            "month",
            "months",
            "year",
            "years",
            "week",
            "weeks",
            "percent",
            "dollars",
            "does",
            "need",
            "needs",
            "plan");

    private NumberClaims() {}

    /** Numbered list markers the model may add ("1. ") are layout, not numbers. */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^(\\s*)\\d{1,2}[.)](?=\\s)");

    /** Rewrites number words, ranges and phase labels to one form, so "six to ten" reads as "6-10". */
    static String canonical(String text) {
        String t = Words.withoutMarkup(text);
        t = LIST_MARKER
                .matcher(t)
                .replaceAll(m ->
                        m.group(1) + " ".repeat(m.group().length() - m.group(1).length()));
        t = DASH_BETWEEN_NUMBERS.matcher(t).replaceAll("$1-");
        t = NUMBER_WORD.matcher(t).replaceAll(m -> {
            if (m.group(3) != null) {
                return String.valueOf(NUMBER_WORDS.get(m.group(3).toLowerCase(Locale.ROOT)));
            }
            int value = NUMBER_WORDS.get(m.group(1).toLowerCase(Locale.ROOT))
                    + (m.group(2) == null ? 0 : NUMBER_WORDS.get(m.group(2).toLowerCase(Locale.ROOT)));
            return String.valueOf(value);
        });
        t = BETWEEN.matcher(t).replaceAll("$1-$2");
        t = RANGE_WORDS.matcher(t).replaceAll("$1-$2");
        t = ORDINAL_PHASE
                .matcher(t)
                .replaceAll(m -> "Phase "
                        + (List.of("first", "second", "third", "fourth")
                                        .indexOf(m.group(1).toLowerCase(Locale.ROOT))
                                + 1));
        t = LABEL.matcher(t)
                .replaceAll(m -> Character.toUpperCase(m.group(1).charAt(0))
                        + m.group(1).substring(1).toLowerCase(Locale.ROOT) + "_" + m.group(2));
        return t;
    }

    static Analysis analyse(String text, GuardVocabulary vocabulary) {
        String t = canonical(text);
        List<Mention> mentions = mentions(t);
        List<Mark> marks = marks(t, vocabulary);
        List<int[]> sentences = sentences(t);
        int[] wordIndex = wordIndex(t);
        List<Word> words = Words.of(t);
        List<Binding> bindings = new ArrayList<>();
        Map<Mention, Set<String>> near = new HashMap<>();
        Map<Mention, Set<String>> sentenceWords = new HashMap<>();
        for (int[] s : sentences) {
            List<Mention> inSentence = mentions.stream()
                    .filter(m -> m.start() >= s[0] && m.start() < s[1])
                    .toList();
            if (inSentence.isEmpty()) {
                continue;
            }
            String sentence = t.substring(s[0], s[1]);
            List<Integer> hard = cuts(HARD, sentence, s[0]);
            List<Integer> soft = cuts(SOFT, sentence, s[0]);
            soft.addAll(hard);
            soft.sort(null);
            List<Integer> between = new ArrayList<>();
            for (int cut : cuts(AND_OR, sentence, s[0])) {
                int clause = segment(cut, soft);
                boolean before =
                        inSentence.stream().anyMatch(m -> m.end() <= cut && segment(m.start(), soft) == clause);
                boolean after =
                        inSentence.stream().anyMatch(m -> m.start() > cut && segment(m.start(), soft) == clause);
                if (before && after) {
                    between.add(cut);
                }
            }
            soft.addAll(between);
            soft.sort(null);
            for (Mark mark : marks) {
                if (mark.start() < s[0] || mark.start() >= s[1]) {
                    continue;
                }
                List<Mention> to = nearest(mark, inSentence, soft, wordIndex);
                if (to.isEmpty()) {
                    to = nearest(mark, inBrackets(t, mark, soft, inSentence), hard, wordIndex);
                }
                if (to.isEmpty()) {
                    to = nearest(mark, inSentence, hard, wordIndex);
                }
                if (!to.isEmpty()) {
                    bindings.add(new Binding(mark, to));
                }
            }
            Set<String> content = new HashSet<>();
            List<Word> sentenceWordList = words.stream()
                    .filter(w -> w.start() >= s[0] && w.start() < s[1])
                    .toList();
            sentenceWordList.forEach(w -> contentWord(w).ifPresent(content::add));
            for (Mention m : inSentence) {
                sentenceWords.put(m, content);
                Set<String> close = new HashSet<>();
                for (Word w : sentenceWordList) {
                    if (segment(w.start(), soft) == segment(m.start(), soft)
                            && distance(w.start(), w.end(), m, wordIndex) <= 2) {
                        contentWord(w).ifPresent(close::add);
                    }
                }
                near.put(m, close);
            }
        }
        Set<String> labels = new LinkedHashSet<>();
        marks.stream().filter(mk -> mk.kind() == Kind.LABEL).forEach(mk -> labels.add(mk.term()));
        Set<String> claimTerms = new LinkedHashSet<>();
        marks.stream().filter(mk -> mk.strict() || mk.kind() == Kind.ROLE).forEach(mk -> claimTerms.add(mk.term()));
        return new Analysis(t, mentions, bindings, near, sentenceWords, labels, claimTerms);
    }

    /**
     * The first way the output's numbers depart from the facts' claims: a dropped or new number, a
     * number with another unit, or a number standing with a pace, period, role or name the facts
     * give another number.
     */
    static Optional<String> check(Analysis output, FactClaims facts, Set<String> required) {
        for (String term : output.claimTerms()) {
            // "your part-time pace" when the facts say full-time: a claim even with no number beside it.
            if (!facts.claimTerms.contains(term)) {
                return Optional.of("said '" + term + "', which the facts never do");
            }
        }
        for (String label : output.labels()) {
            if (!facts.labels.contains(label)) {
                return Optional.of("named " + label.substring("name:".length()) + ", which the facts don't");
            }
        }
        Set<String> said = output.values();
        for (String value : required) {
            if (!said.contains(value)) {
                return Optional.of("dropped or changed the number " + shown(value));
            }
        }
        for (Mention m : output.mentions()) {
            if (!facts.values.contains(m.value())) {
                return Optional.of("added the number " + shown(m.value()));
            }
            Set<String> units = facts.units.get(m.value());
            if (m.unit() != null && !units.contains(m.unit())) {
                return Optional.of("gave " + shown(m.value()) + " the unit '" + m.unit() + "' (the facts: "
                        + new TreeSet<>(units) + ")");
            }
        }
        for (Binding b : output.bindings()) {
            boolean fits = b.to().stream()
                            .anyMatch(m -> facts.bound
                                    .getOrDefault(m.value(), Set.of())
                                    .contains(b.mark().term()))
                    || !b.mark().strict() && !facts.allBound.contains(b.mark().term());
            if (!fits) {
                return Optional.of("put '" + b.mark().term() + "' with "
                        + shown(b.to().get(0).value()) + ", which the facts don't");
            }
        }
        for (Mention m : output.mentions()) {
            Set<String> factSentences = facts.sentenceWords.getOrDefault(m.value(), Set.of());
            for (String word : output.near().get(m)) {
                if (facts.nearWords.contains(word) && !factSentences.contains(word)) {
                    return Optional.of("put '" + word + "' with " + shown(m.value()) + ", which the facts don't");
                }
            }
        }
        return Optional.empty();
    }

    private static String shown(String value) {
        return value.contains("/") ? value.replace("/", " of ") : value;
    }

    private static List<Mention> mentions(String t) {
        List<Mention> mentions = new ArrayList<>();
        Matcher m = MENTION.matcher(t);
        while (m.find()) {
            String value;
            if (m.group(3) != null) {
                value = amount(m.group(2), null) + "/" + amount(m.group(3), null);
            } else if (m.group(5) != null) {
                value = amount(m.group(2), null) + "-" + amount(m.group(5), m.group(7));
            } else {
                value = amount(m.group(2), m.group(7));
            }
            String unit = null;
            if (m.group(1) != null || m.group(4) != null) {
                unit = "money";
            } else if (m.group(8) != null) {
                unit = "percent";
            }
            Matcher after = UNIT_AFTER.matcher(t).region(m.end(), t.length());
            if (unit == null && after.lookingAt()) {
                unit = unit(after.group(1));
            }
            Matcher before = UNIT_BEFORE.matcher(t.substring(Math.max(0, m.start() - 12), m.start()));
            if (unit == null && before.find()) {
                unit = unit(before.group(1));
            }
            mentions.add(new Mention(value, unit, m.start(), m.end()));
        }
        return mentions;
    }

    private static String amount(String digits, String thousands) {
        BigDecimal value = new BigDecimal(digits.replace(",", ""));
        if (thousands != null) {
            value = value.multiply(BigDecimal.valueOf(1000));
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static String unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("h")) {
            return "hour";
        }
        if (w.startsWith("mi")) {
            return "minute";
        }
        if (w.startsWith("mo")) {
            return "month";
        }
        if (w.startsWith("y")) {
            return "year";
        }
        if (w.startsWith("w")) {
            return "week";
        }
        if (w.startsWith("da")) {
            return "day";
        }
        return "money";
    }

    private static List<Mark> marks(String t, GuardVocabulary vocabulary) {
        List<Mark> marks = new ArrayList<>();
        addMarks(t, PACES, Kind.PACE, marks);
        addMarks(t, PERIODS, Kind.PERIOD, marks);
        addMarks(t, ROLES, Kind.ROLE, marks);
        MONTH_BEFORE_YEAR
                .matcher(t)
                .results()
                .forEach(r -> marks.add(
                        new Mark("date:" + r.group().toLowerCase(Locale.ROOT), Kind.DATE, r.start(), r.end())));
        Set<Integer> dates = new HashSet<>();
        marks.stream().filter(mk -> mk.kind() == Kind.DATE).forEach(mk -> dates.add(mk.start()));
        Matcher label = LABEL_TOKEN.matcher(t);
        while (label.find()) {
            marks.add(new Mark(
                    "name:" + label.group(1).toLowerCase(Locale.ROOT) + " " + label.group(2),
                    Kind.LABEL,
                    label.start(),
                    label.end()));
        }
        for (Names.Run run : Names.runs(t)) {
            for (int i = 0; i < run.words().size(); i++) {
                Word w = run.words().get(i);
                boolean label1 = w.end() < t.length() && t.charAt(w.end()) == '_';
                boolean opensSentence = i == 0
                        && w.sentenceStart()
                        && !w.brandLike()
                        && vocabulary.ordinary(Words.stripPossessive(w.text()).toLowerCase(Locale.ROOT));
                if (!label1 && !opensSentence && !w.text().equals("of") && !dates.contains(w.start())) {
                    marks.add(new Mark("name:" + Words.key(w.text()), Kind.NAME, w.start(), w.end()));
                }
            }
        }
        return marks;
    }

    private static void addMarks(String t, Map<Pattern, String> patterns, Kind kind, List<Mark> marks) {
        patterns.forEach((pattern, term) ->
                pattern.matcher(t).results().forEach(r -> marks.add(new Mark(term, kind, r.start(), r.end()))));
    }

    private static List<int[]> sentences(String t) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        Matcher m = SENTENCE_END.matcher(t);
        while (m.find()) {
            // "[.!?]" only counts before a space or the end: decimals (3.5) and names (Node.js) stay whole.
            sentences.add(new int[] {start, m.end()});
            start = m.end();
        }
        sentences.add(new int[] {start, t.length()});
        return sentences;
    }

    /**
     * The numbers in the brackets right after a mark's clause: "JavaScript (used by 66%) or Python
     * (roughly 58%)" gives 66 to JavaScript and 58 to Python, though 66 stands nearer to Python.
     */
    private static List<Mention> inBrackets(String t, Mark mark, List<Integer> cuts, List<Mention> mentions) {
        int open = cuts.stream().filter(c -> c > mark.start()).findFirst().orElse(-1);
        if (open < 0 || t.charAt(open) != '(') {
            return List.of();
        }
        int close = t.indexOf(')', open);
        int end = close < 0 ? t.length() : close;
        return mentions.stream()
                .filter(m -> m.start() > open && m.start() < end)
                .toList();
    }

    private static List<Integer> cuts(Pattern pattern, String sentence, int offset) {
        List<Integer> cuts = new ArrayList<>();
        pattern.matcher(sentence).results().forEach(r -> cuts.add(offset + r.start()));
        return cuts;
    }

    private static int segment(int position, List<Integer> cuts) {
        int n = 0;
        for (int cut : cuts) {
            if (cut <= position) {
                n++;
            }
        }
        return n;
    }

    private static List<Mention> nearest(Mark mark, List<Mention> mentions, List<Integer> cuts, int[] wordIndex) {
        int segment = segment(mark.start(), cuts);
        int best = Integer.MAX_VALUE;
        List<Mention> nearest = new ArrayList<>();
        for (Mention m : mentions) {
            boolean target = mark.kind() == Kind.DATE ? m.year() : !m.year() && (mark.strict() || !m.count());
            if (!target || segment(m.start(), cuts) != segment || m.start() <= mark.start() && mark.start() < m.end()) {
                continue;
            }
            int d = distance(mark.start(), mark.end(), m, wordIndex);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(m);
            }
        }
        return nearest;
    }

    private static int distance(int start, int end, Mention m, int[] wordIndex) {
        if (start >= m.end()) {
            return wordIndex[start] - wordIndex[Math.max(m.start(), m.end() - 1)];
        }
        if (end <= m.start()) {
            return wordIndex[m.start()] - wordIndex[Math.max(start, end - 1)];
        }
        return 0;
    }

    /** For each character, how many words (runs of non-space) start at or before it. */
    private static int[] wordIndex(String t) {
        int[] index = new int[t.length() + 1];
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isWhitespace(t.charAt(i)) && (i == 0 || Character.isWhitespace(t.charAt(i - 1)))) {
                n++;
            }
            index[i] = n;
        }
        index[t.length()] = n;
        return index;
    }

    private static Optional<String> contentWord(Word w) {
        String text = w.text().toLowerCase(Locale.ROOT);
        if (w.capitalised()
                || w.number()
                || text.length() < 4
                || STOP.contains(text)
                || !text.chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(text.length() > 4 && text.endsWith("s") ? text.substring(0, text.length() - 1) : text);
    }

    private static Map<String, Integer> numberWords() {
        Map<String, Integer> words = new HashMap<>();
        String[] small = {
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen"
        };
        for (int i = 0; i < small.length; i++) {
            words.put(small[i], i + 2);
        }
        words.put("one", 1);
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            words.put(tens[i], (i + 2) * 10);
        }
        return words;
    }
}
