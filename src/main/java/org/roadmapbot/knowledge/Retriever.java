package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.RoadmapFile;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.core.EditDistance;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;

/**
 * Keyword retrieval tuned for paraphrase: BM25 over each entry's title, question hints and
 * facts, with synonym expansion, typo tolerance and phase/month references resolved. It
 * also says how much of the question an entry covers, so questions outside the data get an
 * honest "I don't know" instead of the nearest guess.
 */
public final class Retriever {

    private static final double K1 = 1.2;
    private static final double B = 0.4;
    private static final double TITLE_WEIGHT = 2.5;
    private static final double ASKED_AS_WEIGHT = 2.0;
    private static final double SYNONYM_WEIGHT = 0.5;
    private static final double PHASE_WEIGHT = 3.0;
    /** Question verbs ("what is taught", "topics covered") say little about which entry is meant. */
    private static final double WEAK_WEIGHT = 0.3;
    /** Head nouns of questions; an unknown word just before one names a subject outside the data. */
    private static final Set<String> SUBJECT_NOUNS = Set.of("develop", "dev", "engin", "cours", "framework",
            "bootcamp", "salari", "job", "role", "languag", "certif", "path", "class", "program", "stack", "platform",
            "tutori", "librari", "databas", "db", "api", "project", "server");
    private static final Set<String> WEAK_TERMS = Set.of("learn", "teach", "taught", "cover", "studi", "topic",
            "includ", "contain", "skill", "concept");

    /** Words naming the bot's whole subject; in a question they are context, not what is asked. */
    private static final Set<String> CONTEXT_TERMS = Set.of("roadmap");
    private static final double WHOLE_ROADMAP_WEIGHT = 2.0;
    private static final Pattern WHOLE_ROADMAP = Pattern.compile(
            "\\b(whole|entire|full|overall|complete|total)\\s+(backend\\s+)?(roadmap|plan|curriculum)\\b|^\\W*(the\\s+)?roadmap\\W*$");
    private static final Pattern SUMMARY_REQUEST = Pattern.compile(
            "\\b(tl\\W?dr|summary|summari[sz]e|sum (it|this|that|everything)? ?up|gist|recap|in a nutshell|short version"
                    + "|key points|main points|takeaways?|bottom line)\\b");
    private static final Pattern PHRASE_BREAK = Pattern.compile("[,;:!?()\\[\\]]|\\.(\\s|$)|\\s-\\s");
    private static final Pattern PHASE_REF = Pattern.compile("\\bphase\\s*#?(\\d+)|\\b(\\d+)\\s*phase\\b|\\bstage\\s*#?(\\d+)|\\b(\\d+)\\s*stage\\b");
    private static final Pattern MONTH_REF = Pattern.compile("\\bmonths?\\s*#?(\\d+)|\\b(\\d+)\\s*months?\\b");
    private static final Pattern SOURCE_INTENT = Pattern.compile(
            "\\b(sources?|cite[sd]?|citations?|come from|comes from|came from|from where|where\\W*d?\\W*.*\\bfrom|according to"
                    + "|references?|backed by|based on|who says|who said|self-reported|independent|reliable|accessed)\\b");
    /** Sources answer "where does X come from"; key takeaways repeat other entries in brief. */
    private static final double SOURCE_PRIOR = 0.5;
    private static final double TAKEAWAY_PRIOR = 0.85;
    /** "What does a backend developer do?" uses only words every entry has: the overview answers it. */
    private static final double OVERVIEW_PRIOR = 1.3;
    private static final Pattern COMPARISON = Pattern.compile(
            "\\b(vs|versus|or|compared?|comparison|comparing|difference|differ|gap|than|between)\\b");
    /** "What is Go good for?", "use cases of Django": the stacks table states each stack's common use. */
    private static final Pattern USE_INTENT = Pattern.compile(
            "\\b(good|great|useful|best|ideal|suited|used|use) (for|to)\\b(?!.*\\b(beginners?|me|newbies?|learning|learn)\\b)"
                    + "|\\buse[\\s-]?cases?\\b|\\b(what|which) (kinds?|sorts?|types?) of (apps?|applications?|projects?|things|work|systems?)\\b");
    private static final double USE_PRIOR = 1.3;
    private static final Pattern POSSESSED = Pattern.compile(
            "\\b(?!(?:what|that|it|there|here|who|he|she|let|where|how|when|why)'s)[a-z0-9.]+'s\\s+([a-z][a-z-]*(\\s+[a-z][a-z-]*)?)");
    private static final Pattern BARE_GO = Pattern.compile("^\\W*go\\b(?!\\W+(to|away|ahead|back|on|for|with|home|out)\\b)");
    private static final Pattern LAST_PHASE = Pattern.compile("\\b(last|final)\\s+(phase|stage)\\b");

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final List<Entry> entries;
    private final List<Map<String, Double>> termWeights = new ArrayList<>();
    private final List<Set<String>> nameTerms = new ArrayList<>();
    private final double[] lengths;
    private final double averageLength;
    private final Map<String, Double> idf = new HashMap<>();
    private final double unknownIdf;
    private final Map<String, Set<String>> synonyms;
    private final List<Phase> phases;

    Retriever(KnowledgeBase kb, List<Entry> entries) {
        this.entries = entries;
        this.phases = kb.phases();
        this.synonyms = loadSynonyms();
        this.lengths = new double[entries.size()];
        Map<String, Integer> df = new HashMap<>();
        double total = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Map<String, Double> weights = new HashMap<>();
            addTerms(weights, e.title() + " " + e.keywords(), TITLE_WEIGHT);
            nameTerms.add(new HashSet<>(analyzer.analyze(e.keywords())));
            addTerms(weights, String.join(" . ", e.askedAs()), ASKED_AS_WEIGHT);
            addTerms(weights, e.answer(), 1.0);
            addTerms(weights, e.body(), 1.0);
            termWeights.add(weights);
            lengths[i] = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            total += lengths[i];
            weights.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        averageLength = entries.isEmpty() ? 1 : total / entries.size();
        int n = entries.size();
        df.forEach((term, count) -> idf.put(term, Math.log(1 + (n - count + 0.5) / (count + 0.5))));
        unknownIdf = Math.log(1 + (n + 0.5) / 0.5);
    }

    private void addTerms(Map<String, Double> weights, String text, double weight) {
        for (String term : analyzer.analyze(text)) {
            weights.merge(term, weight, Double::sum);
        }
    }

    /**
     * The entries that best answer the question, best first. Entries are ranked by BM25 score
     * times how much of the question they cover, so an entry that answers all of it beats one
     * that repeats a single word often.
     */
    /** Whether the question compares things ("X or Y", "vs", "cheaper than"): answer with each side. */
    public static boolean isComparison(String question) {
        return COMPARISON.matcher(TextAnalyzer.normalize(question)).find();
    }

    public List<Hit> search(String question, int limit) {
        Query query = parse(question);
        if (query.terms.isEmpty()) {
            return List.of();
        }
        boolean sourceIntent = SOURCE_INTENT.matcher(query.normalized).find();
        boolean useIntent = USE_INTENT.matcher(query.normalized).find();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Double> weights = termWeights.get(i);
            double norm = K1 * (1 - B + B * lengths[i] / averageLength);
            double score = 0;
            double covered = 0;
            long matched = 0;
            boolean named = false;
            for (int q = 0; q < query.terms.size(); q++) {
                QueryTerm qt = query.terms.get(q);
                double best = 0;
                for (Map.Entry<String, Double> alt : qt.alternatives.entrySet()) {
                    Double tf = weights.get(alt.getKey());
                    if (tf != null) {
                        double s = idf.get(alt.getKey()) * tf * (K1 + 1) / (tf + norm) * alt.getValue();
                        best = Math.max(best, s);
                    }
                }
                if (best > 0) {
                    named |= nameTerms.get(i).contains(qt.alternatives.keySet().iterator().next());
                    score += best * qt.weight;
                    covered += qt.importance;
                    matched |= 1L << q;
                }
            }
            if (score <= 0) {
                continue;
            }
            Entry.Kind kind = entries.get(i).kind();
            if (kind == Entry.Kind.SOURCE && !sourceIntent) {
                score *= SOURCE_PRIOR;
            } else if (kind == Entry.Kind.TAKEAWAY || entries.get(i).id().equals("takeaways")) {
                score *= TAKEAWAY_PRIOR;
            } else if (kind == Entry.Kind.OVERVIEW) {
                score *= OVERVIEW_PRIOR;
            } else if (kind == Entry.Kind.STACK && useIntent) {
                score *= USE_PRIOR;
            }
            double coverage = covered / query.totalImportance();
            hits.add(new Hit(entries.get(i), score, coverage, score * coverage, matched, named, query.unknownTerms, query.foreignSubject));
        }
        hits.sort(Comparator.comparingDouble(Hit::rank).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    private Query parse(String question) {
        String normalized = TextAnalyzer.normalize(question);
        Map<String, QueryTerm> terms = new LinkedHashMap<>();
        for (int phase : phaseReferences(normalized)) {
            String token = "phase" + phase;
            terms.put(token, new QueryTerm(Map.of(token, 1.0), PHASE_WEIGHT, idfOf(token)));
        }
        String withoutRefs = PHASE_REF.matcher(normalized).replaceAll(" ");
        int unknown = 0;
        List<String> analysed = analyzer.terms(withoutRefs);
        if (terms.isEmpty() && analysed.stream().allMatch(WEAK_TERMS::contains) && SUMMARY_REQUEST.matcher(normalized).find()) {
            // "tl;dr of the guide?" names no subject: the guide's own summary is its key takeaways.
            analysed = analyzer.analyze("takeaways");
        }
        if (analysed.isEmpty() && BARE_GO.matcher(withoutRefs).find()) {
            // "go use case", "go?": leading a message that asks nothing else, "go" is the language.
            analysed = analyzer.terms(BARE_GO.matcher(withoutRefs).replaceAll("golang"));
        }
        // A modifier and its noun sit in one phrase: "kind of weird, I have a full-time job" is no "weird job".
        boolean foreignSubject = false;
        for (String phrase : PHRASE_BREAK.split(withoutRefs)) {
            foreignSubject |= hasForeignSubject(wordTerms(phrase));
        }
        for (String raw : analysed) {
            if (terms.containsKey(raw) || terms.size() >= 60) {
                continue;
            }
            // A word the data lacks but knows a synonym of ("charge" for cost) is no typo ("change").
            String term = idf.containsKey(raw) || synonyms.getOrDefault(raw, Set.of()).stream().anyMatch(idf::containsKey)
                    ? raw : correctTypo(raw);
            Map<String, Double> alternatives = new LinkedHashMap<>();
            alternatives.put(term, 1.0);
            for (String synonym : synonyms.getOrDefault(term, Set.of())) {
                alternatives.putIfAbsent(synonym, SYNONYM_WEIGHT);
            }
            boolean known = alternatives.keySet().stream().anyMatch(idf::containsKey);
            if (!known) {
                unknown++;
            }
            double importance = known
                    ? alternatives.keySet().stream().filter(idf::containsKey).mapToDouble(idf::get).max().orElseThrow()
                    : unknownIdf;
            // Every question is about the roadmap: "does the roadmap cover X" asks about X. Only "the
            // whole roadmap" makes the roadmap itself the subject.
            boolean weak = WEAK_TERMS.contains(term) || (CONTEXT_TERMS.contains(term) && !WHOLE_ROADMAP.matcher(normalized).find());
            double weight = weak ? WEAK_WEIGHT : CONTEXT_TERMS.contains(term) ? WHOLE_ROADMAP_WEIGHT : 1.0;
            terms.put(raw, new QueryTerm(alternatives, weight, weak ? importance * WEAK_WEIGHT : importance));
        }
        // "what's 2+2": bare numbers with no phase or month named ask nothing about the roadmap.
        if (!terms.isEmpty() && terms.keySet().stream().allMatch(t -> t.length() == 1 && Character.isDigit(t.charAt(0)))) {
            terms.clear();
        }
        foreignSubject |= possessesUnknown(withoutRefs);
        return new Query(normalized, List.copyOf(terms.values()), unknown, foreignSubject);
    }

    /**
     * "iOS developers", "Udemy's Node course", "Rust web framework": a word the data never uses
     * right before the thing asked about means the question is about something else.
     */
    /**
     * The phrase's words as terms, a stop word as null: "React at my job" keeps "React" apart
     * from "job", where "iOS developers" and "Udemy's Node course" stay adjacent.
     */
    private List<String> wordTerms(String phrase) {
        List<String> words = new ArrayList<>();
        for (String word : phrase.split("\\s+")) {
            List<String> t = analyzer.terms(word);
            if (t.isEmpty()) {
                words.add(null);
            } else {
                words.addAll(t);
            }
        }
        return words;
    }

    /**
     * "Gregor Thomson's Twitter", "Scrimba's refund policy": an attribute of a known thing in a
     * word the data never uses is something the data does not state.
     */
    private boolean possessesUnknown(String normalized) {
        Matcher m = POSSESSED.matcher(normalized);
        while (m.find()) {
            if (analyzer.terms(m.group(1)).stream().anyMatch(this::isUnknown)) {
                return true;
            }
        }
        return false;
    }

    /** A word the data never uses: not in the index, no synonym in it, no typo of it, no number. */
    private boolean isUnknown(String term) {
        return !idf.containsKey(term) && synonyms.getOrDefault(term, Set.of()).stream().noneMatch(idf::containsKey)
                && correctTypo(term).equals(term) && term.chars().noneMatch(Character::isDigit);
    }

    private boolean hasForeignSubject(List<String> analysed) {
        for (int i = 0; i < analysed.size(); i++) {
            String term = analysed.get(i);
            if (term == null) {
                continue;
            }
            // A known word, one with a known synonym ("permissions"), a typo or a number names no foreign subject.
            if (!isUnknown(term)) {
                continue;
            }
            for (int j = i + 1; j <= i + 2 && j < analysed.size() && analysed.get(j) != null; j++) {
                if (SUBJECT_NOUNS.contains(analysed.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private double idfOf(String term) {
        return idf.getOrDefault(term, unknownIdf);
    }

    /** "phase 2", "second stage", "month 5", "the last phase" → phase numbers. */
    private Set<Integer> phaseReferences(String normalized) {
        Set<Integer> found = new HashSet<>();
        Matcher m = PHASE_REF.matcher(normalized);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(Integer.parseInt(m.group(g)));
                }
            }
        }
        if (LAST_PHASE.matcher(normalized).find() && !phases.isEmpty()) {
            found.add(phases.get(phases.size() - 1).number());
        }
        if (found.isEmpty()) {
            Matcher month = MONTH_REF.matcher(normalized);
            while (month.find()) {
                int value = Integer.parseInt(month.group(1) != null ? month.group(1) : month.group(2));
                boolean ordinalMonth = month.group(1) != null;
                for (Phase p : phases) {
                    if (ordinalMonth && value >= p.monthStart() && value <= p.monthEnd()) {
                        found.add(p.number());
                    }
                }
            }
        }
        return found;
    }

    /** Maps a misspelt term to a known one at edit distance 1 (2 for long words). */
    private String correctTypo(String term) {
        if (term.length() < 5 || term.chars().anyMatch(Character::isDigit)) {
            return term;
        }
        // Five letters leave little room: one edit, and the first two letters as typed ("dockr", "degre").
        boolean shortTerm = term.length() == 5;
        int allowed = term.length() >= 8 ? 2 : 1;
        String best = term;
        int bestDistance = allowed + 1;
        for (String known : idf.keySet()) {
            if (Math.abs(known.length() - term.length()) > allowed) {
                continue;
            }
            int d = EditDistance.distance(term, known, allowed);
            if (known.charAt(0) != term.charAt(0) || (shortTerm && (known.length() < 4 || known.charAt(1) != term.charAt(1)))) {
                continue; // typos rarely hit the first letter; "found" is not "round"
            }
            if (d < bestDistance || (d == bestDistance && best != term && known.compareTo(best) < 0)) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= allowed ? best : term;
    }

    private Map<String, Set<String>> loadSynonyms() {
        Map<String, Set<String>> map = new HashMap<>();
        try (InputStream in = Retriever.class.getResourceAsStream("/knowledge/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/synonyms.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                // "a, b, c" = all mean the same; "a => b, c" = a also means b and c (one way).
                boolean oneWay = trimmed.contains("=>");
                String[] sides = trimmed.split("=>");
                List<String> left = termsOf(sides[0]);
                List<String> right = oneWay ? termsOf(sides[1]) : left;
                for (String from : left) {
                    for (String to : right) {
                        if (!from.equals(to)) {
                            map.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    private List<String> termsOf(String commaSeparated) {
        List<String> result = new ArrayList<>();
        for (String word : commaSeparated.split(",")) {
            result.addAll(analyzer.analyze(word.strip()));
        }
        return result;
    }

    /**
     * A scored entry: {@code coverage} is the share (0..1) of the question's weight it matched,
     * {@code matchedTerms} a bit per question term it matched, {@code named} whether the question
 * names it (a course's provider, a project's level), {@code unknownTerms} how many
     * of the question's words appear nowhere in the data, {@code foreignSubject} whether such a word
 * qualifies what is asked about ("iOS developers": the question is about something else).
     */
    public record Hit(Entry entry, double score, double coverage, double rank, long matchedTerms, boolean named,
                      int unknownTerms, boolean foreignSubject) {
    }

    private record QueryTerm(Map<String, Double> alternatives, double weight, double importance) {
    }

    /** The analysed question, for diagnostics: each term with the alternatives it matches. */
    public String explain(String question) {
        Query query = parse(question);
        StringBuilder out = new StringBuilder();
        for (QueryTerm t : query.terms) {
            out.append(t.alternatives.keySet()).append(String.format(java.util.Locale.ROOT, "(%.1f) ", t.importance));
        }
        return out.toString();
    }

    private record Query(String normalized, List<QueryTerm> terms, int unknownTerms, boolean foreignSubject) {
        double totalImportance() {
            return terms.stream().mapToDouble(QueryTerm::importance).sum();
        }
    }
}
