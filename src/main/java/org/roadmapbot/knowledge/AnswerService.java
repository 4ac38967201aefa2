package org.roadmapbot.knowledge;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.retrieval.AnswerPolicy;
import org.roadmapbot.knowledge.retrieval.AnswerTypes;
import org.roadmapbot.knowledge.retrieval.EnglishWords;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer.Slot;
import org.roadmapbot.knowledge.retrieval.KnowledgeIndex;
import org.roadmapbot.knowledge.retrieval.Rules;
import org.roadmapbot.knowledge.retrieval.Speller;

/**
 * Answers a question from the data alone. In order: spelling is corrected against the index's own
 * words; the rules say what kind of question it is (a request to produce something, a personal
 * question, an attribute, a comparison, several parts); a structured question is answered from the
 * data's fields ({@link AttributeAnswers}); anything else is searched in the Lucene index, and the
 * fitted {@link AnswerPolicy} decides whether the best entry answers it. Answers are short and
 * fact-first ({@link AnswerComposer}); with no answer the bot says so and never guesses.
 */
public final class AnswerService {

    private static final int MAX_ENTRIES = 3;
    /** A pronoun pointing back at a thing named before ("which part of it", "how much are they"). */
    private static final java.util.regex.Pattern REFERS_BACK =
            java.util.regex.Pattern.compile("(?i)\\b(?:it|its|they|them|their|theirs)\\b");
    /** How a topic's fact naming the courses that teach it starts (Entries). */
    private static final String RESOURCES = "Resources: ";

    private static final int SEARCH_DEPTH = 12;
    /** Shorter unknown words ("wen", "ned") are as likely text-speak as names of other things. */
    private static final int FOREIGN_MIN_LENGTH = 4;

    private final KnowledgeBase kb;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Analyzer analyzer;
    private final KnowledgeIndex index;
    private final Speller speller;
    private final EnglishWords english;
    private final Rules rules;
    private final AnswerPolicy policy;
    private final AnswerComposer composer;
    private final AttributeAnswers attributes;
    /** What kind of answer a question asks for, and whether the facts hold one ({@code answer-types.json}). */
    private final AnswerTypes answerTypes;

    private final Set<String> otherSubjects;
    /** Analysed terms of the words that frame a question and never are what it asks ({@code frame-words.txt}). */
    private final Set<String> frameTerms;
    /**
     * The ids of a server's own answers ({@link #withEntries}); empty for the bundled guide. They are written in
     * that server's everyday words ("where do job postings go"), which are their subject: every word they match
     * counts as their own, where the guide's own words are those that aren't everyday English.
     */
    private final Set<String> serverEntries;

    public AnswerService(KnowledgeBase kb) {
        this(kb, AnswerPolicy.load());
    }

    /** With another policy: the fitting command tries field boosts and weights this way. */
    public AnswerService(KnowledgeBase kb, AnswerPolicy policy) {
        this.kb = kb;
        this.policy = policy;
        // All of this is on the way to the first answer: the word list and the analyzer (the synonym graph,
        // and Lucene's analysis classes loaded the first time) are made on threads of their own while this one
        // reads the entries and rewrites them with the rules.
        CompletableFuture<EnglishWords> words = inBackground("english-words", EnglishWords::load);
        CompletableFuture<Analyzer> analyzing = inBackground("knowledge-analyzer", KnowledgeAnalyzer::create);
        List<Entry> entries = Entries.of(kb);
        entries.forEach(e -> byId.put(e.id(), e));
        this.rules = Rules.load();
        // The data is written as questions are: "Go" the language becomes "golang" on both sides.
        List<KnowledgeIndex.Doc> docs = entries.stream().map(e -> doc(e, rules)).toList();
        List<String> vocabulary = vocabulary();
        // The words the rules read ("length", "recommended"): a typo of one is corrected too.
        vocabulary.addAll(rules.exampleWords());
        this.analyzer = analyzing.join();
        this.index = KnowledgeIndex.build(analyzer, docs, vocabulary);
        this.otherSubjects = words("/knowledge/other-subjects.txt");
        this.frameTerms = KnowledgeAnalyzer.terms(analyzer, String.join(" ", words("/knowledge/frame-words.txt")));
        this.english = words.join();
        this.speller = new Speller(index, english, stopWords(), otherSubjects);
        this.composer = new AnswerComposer(index);
        this.attributes = new AttributeAnswers(kb, byId, analyzer, rules);
        // A unit typed wrong ("monts") is no unit to look for: only words a reader knows are checked.
        this.answerTypes = AnswerTypes.load(
                analyzer,
                w -> english.contains(w)
                        || KnowledgeAnalyzer.terms(analyzer, w).stream().anyMatch(index::knows));
        this.serverEntries = Set.of();
    }

    /**
     * Issue 18's hook: this pipeline over the bundled entries and {@code extra} ones (a server's curated
     * answers) searched as one index ({@link KnowledgeIndex#with}), with the same analyzer, spelling,
     * rules and fitted policy, so an extra entry is found by paraphrases as a bundled one is. The bundled
     * service is unchanged; the view shares everything that does not depend on the index.
     */
    public AnswerService withEntries(List<Entry> extra) {
        return new AnswerService(this, extra);
    }

    private AnswerService(AnswerService bundled, List<Entry> extra) {
        this.kb = bundled.kb;
        this.policy = bundled.policy;
        this.analyzer = bundled.analyzer;
        this.rules = bundled.rules;
        this.english = bundled.english;
        this.otherSubjects = bundled.otherSubjects;
        this.frameTerms = bundled.frameTerms;
        // Structured answers come from the bundled data's fields alone.
        this.attributes = bundled.attributes;
        this.answerTypes = bundled.answerTypes;
        byId.putAll(bundled.byId);
        extra.forEach(e -> byId.put(e.id(), e));
        this.serverEntries = extra.stream().map(Entry::id).collect(Collectors.toUnmodifiableSet());
        this.index = bundled.index.with(KnowledgeIndex.build(
                analyzer, extra.stream().map(e -> doc(e, rules)).toList(), List.of()));
        this.speller = new Speller(index, english, stopWords(), otherSubjects);
        this.composer = new AnswerComposer(index);
    }

    /**
     * The value on a thread of its own (the common pool may have a single thread on a small machine, which
     * would run two start-up tasks one after the other); a failure is thrown again by {@code join}.
     */
    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(task.get());
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static KnowledgeIndex.Doc doc(Entry e, Rules rules) {
        return new KnowledgeIndex.Doc(
                e.id(),
                rules.rewrite(e.title() + " \n " + e.keywords()),
                rules.rewrite(String.join(" \n ", e.askedAs())),
                rules.rewrite(String.join(" \n ", e.facts()) + " \n " + e.body()));
    }

    private static Set<String> stopWords() {
        return words("/" + KnowledgeAnalyzer.STOP_WORDS);
    }

    /** The words of a one-word-a-line resource ('#' starts a comment line). */
    private static Set<String> words(String resource) {
        try (var in = AnswerService.class.getResourceAsStream(resource)) {
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return words;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Words spelling may suggest though no entry uses them: stop words and the synonyms' words. */
    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        for (String resource : List.of("/" + KnowledgeAnalyzer.STOP_WORDS, "/" + KnowledgeAnalyzer.SYNONYMS)) {
            try (var in = AnswerService.class.getResourceAsStream(resource)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (!line.startsWith("#")) {
                        words.addAll(List.of(line.toLowerCase(Locale.ROOT).split("[^a-z]+")));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        words.removeIf(String::isBlank);
        return words;
    }

    /**
     * A question as understood: corrected, rewritten, its slots and what the rules found in it; its
     * focus is the slots of its asking clause (all its slots when it has no story around the question).
     */
    record Question(
            String asked,
            String corrected,
            String text,
            List<Slot> slots,
            Set<String> effects,
            AnswerPolicy.Features unknowns,
            List<Slot> focus) {
        boolean has(String effect) {
            return effects.contains(effect);
        }
    }

    public Answer answer(String question) {
        String corrected = speller.correct(question);
        Question whole = understand(question, corrected);
        Set<String> effects = whole.effects();
        if (effects.contains("decline")) {
            return noAnswer(question);
        }
        if ((effects.contains("intent:start") || effects.contains("intent:next") || effects.contains("intent:standing"))
                && aboutTheGuide(whole)) {
            return beforeStarting(question);
        }
        Optional<Answer> beyond = beyondTheRoadmap(question, corrected);
        if (beyond.isPresent()) {
            return beyond.get();
        }
        List<String> parts = rules.parts(corrected);
        if (parts.size() > 1) {
            return answerParts(question, parts);
        }
        Answer answer = answerOne(whole);
        if (whole.has("yesno")) {
            Optional<Answer> decided = yesOrNo(whole, corrected, answer);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        // A message the whole of which the guide doesn't answer, or (when it tells a story around its question)
        // answers only with "doesn't say" about the story's words, may still ask about the guide in its asking
        // clause; unless it names other things in the sentence that asks.
        Optional<String> clause = answer.found() ? Optional.empty() : rules.askingClause(corrected);
        Optional<String> asking = clause.flatMap(c -> askingSentence(corrected, c));
        if (!answer.found()
                && !choosesAmongOtherThings(whole)
                && (!answer.text().startsWith(AttributeAnswers.UNSTATED) || asking.isPresent())
                && (whole.unknowns().foreign() == 0
                        || asking.filter(a -> understand(question, a).unknowns().foreign() == 0)
                                .isPresent())) {
            // A chatty message dilutes its question with its story: try the asking clause alone, with
            // the names the story gives ("so about boot.dev, is it cheaper yearly?").
            if (clause.isPresent()) {
                String names = attributes.namesIn(corrected);
                String asked =
                        names.isEmpty() || !attributes.namesIn(clause.get()).isEmpty()
                                ? clause.get()
                                : clause.get() + " (" + names + ")";
                Answer focused = answerOne(question, asked);
                if (focused.found() || focused.text().startsWith(AttributeAnswers.UNSTATED)) {
                    return focused;
                }
            }
            Optional<Answer> need = answerNeed(question, corrected);
            if (need.isPresent()) {
                return need.get();
            }
        }
        return answer;
    }

    /** A full stop, "!", "?" or "…" before a space: the end of a sentence, whatever case the next one starts in. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?…])\\s+");

    /**
     * The sentence holding a message's asking clause, when the message has a story around it (other sentences):
     * "I did CS50 last month. Which framework should I pick up in phase 2?" → its second sentence. Names of other
     * things in the story don't make the question about them; in this sentence they do ("apollo or yoga, which one
     * should I use?").
     */
    private static Optional<String> askingSentence(String corrected, String clause) {
        int at = corrected.indexOf(clause);
        if (at < 0) {
            return Optional.empty();
        }
        // The JDK's sentence breaker: "boot.dev" or "Node.js" end no sentence.
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(corrected);
        int start = sentences.preceding(at + 1);
        int end = sentences.following(at);
        // Members start sentences in lower case ("… that's tight. what range does the guide give?"), where the
        // breaker sees none: a full stop, "!", "?" or "…" before a space ends one too.
        java.util.regex.Matcher stop = SENTENCE_END.matcher(corrected);
        while (stop.find()) {
            if (stop.end() <= at) {
                start = Math.max(start, stop.end());
            } else if (stop.start() >= at + clause.length() - 1) {
                end = Math.min(end, stop.start());
                break;
            }
        }
        String sentence = corrected.substring(start, end);
        return sentence.strip().length() < corrected.strip().length() ? Optional.of(sentence) : Optional.empty();
    }

    /**
     * A need stated in a member's words ("I get bored super easily, I need learning that feels like a game"): the
     * rest of the message is their situation, whose words are no subject of the guide's, so the need is asked alone
     * as the guide's concept (gamified), with the names the message gives ("… on boot.dev").
     */
    private Optional<Answer> answerNeed(String question, String corrected) {
        Set<String> needs = rules.arguments("concept", corrected);
        if (needs.isEmpty()) {
            return Optional.empty();
        }
        String names = attributes.namesIn(corrected);
        String asked = String.join(" ", needs) + (names.isEmpty() ? "" : " (" + names + ")");
        Answer a = answerOne(question, asked);
        return a.found() ? Optional.of(a) : Optional.empty();
    }

    /**
     * A phase or a month past the roadmap's last ("phase 5 topics", "what's in months 9-10"): the guide says
     * nothing of it, and no other phase answers instead.
     */
    private Optional<Answer> beyondTheRoadmap(String question, String corrected) {
        int phases = kb.phases().size();
        int months = kb.phases().get(phases - 1).monthEnd();
        for (Rules.PhaseReference ref : rules.phases(corrected)) {
            boolean past = switch (ref.kind()) {
                case "phase" -> ref.number() > phases;
                case "month" -> ref.number() > months;
                default -> false;
            };
            if (past) {
                String name = ref.kind().equals("phase") ? "Phase " + ref.number() : "month " + ref.number();
                return Optional.of(new Answer(
                        question,
                        AttributeAnswers.UNSTATED + "anything about " + name + ": the roadmap has " + phases
                                + " phases over about " + months + " months. See `/roadmap`.",
                        List.of()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a question has no word naming something the guide doesn't cover: "how do I start?" is a personal
     * question, "how do I start a podcast" or "how do I start journaling" is about something else.
     */
    private static boolean aboutTheGuide(Question q) {
        return q.unknowns().foreign() == 0 && q.unknowns().strange() == 0;
    }

    /**
     * A yes/no question the facts decide: "Yes — " before an answer whose facts state all it asks
     * about ("does Scrimba cover NestJS?"); asked whether a subject is in a phase, "No — " and where it
     * is when the guide puts it in another phase ("is Docker in phase 2?" → Phase 4).
     */
    private Optional<Answer> yesOrNo(Question q, String corrected, Answer answer) {
        boolean namesPhase = q.has("phase") || q.has("month") || q.has("phase:last");
        if (namesPhase) {
            Set<String> named = new LinkedHashSet<>();
            for (Phase p : kb.phases()) {
                if (q.text().contains(" phase" + p.number())) {
                    named.add(p.id());
                }
            }
            Question subject = understand(q.asked(), rules.withoutPhases(corrected));
            Candidate c = candidate(subject);
            if (c.support() == null
                    || !policy.supports(c.support())
                    || c.support().stated() < 1) {
                return Optional.empty();
            }
            Entry first = c.answer().entries().get(0);
            String phase = first.kind() == Entry.Kind.TOPIC ? first.parent() : null;
            if (phase == null) {
                return Optional.empty();
            }
            return Optional.of(new Answer(
                    q.asked(),
                    (named.contains(phase) ? "Yes — " : "No — ") + c.answer().text(),
                    c.answer().entries()));
        }
        if (!answer.found() || answer.text().startsWith("Yes") || answer.text().startsWith("No")) {
            return Optional.empty();
        }
        Candidate c = candidate(q);
        if (c.support() != null
                && c.support().stated() >= 1
                && c.support().aspects() > 0
                && c.support().structured() == 0) {
            return Optional.of(new Answer(q.asked(), "Yes — " + answer.text(), answer.entries()));
        }
        return Optional.empty();
    }

    /** Each part of a multi-part question answered briefly; the parts the data has no answer for say so. */
    private Answer answerParts(String question, List<String> parts) {
        List<String> texts = new ArrayList<>();
        Set<Entry> entries = new LinkedHashSet<>();
        String names = attributes.namesIn(String.join(" ", parts));
        String phases = phases(String.join(" ", parts)).strip();
        boolean declined = false;
        for (String part : parts) {
            if (declined
                    && attributes.namesIn(part).isEmpty()
                    && rules.phases(part).isEmpty()
                    && rules.arguments("attribute", part).isEmpty()
                    && !REFERS_BACK.matcher(part).find()) {
                // "Can I use Scrimba on my phone? is there an app": a part with no subject or attribute of its own,
                // nor a word pointing back at a thing named before ("which part of it"), after one the guide
                // doesn't answer goes on about that, and no entry of the guide answers it.
                continue;
            }
            // "Who teaches TypeScript on Scrimba, and who covers Supabase?": a later part means the same course;
            // "which platforms and which CI tool does phase 4 mention?": an earlier part means the same phase.
            String asked = attributes.namesIn(part).isEmpty() && !names.isEmpty() ? part + " (" + names + ")" : part;
            asked = rules.phases(part).isEmpty() && !phases.isEmpty() ? asked + " (" + phases + ")" : asked;
            Answer a = answerOne(asked, asked);
            String text = a.text();
            if ((a.found() || text.startsWith(AttributeAnswers.UNSTATED)) && !texts.contains(text)) {
                texts.add(text);
                entries.addAll(a.entries());
            }
            declined |= text.startsWith(AttributeAnswers.UNSTATED);
        }
        if (entries.isEmpty()) {
            Answer whole = answerOne(question, String.join(" ", parts));
            return new Answer(question, whole.text(), whole.entries());
        }
        List<Entry> used = List.copyOf(entries);
        return new Answer(question, String.join("\n\n", texts), used);
    }

    private Answer answerOne(String question, String corrected) {
        return answerOne(understand(question, corrected));
    }

    private Answer answerOne(Question q) {
        Candidate c = candidate(q);
        if (c.support() == null) {
            return c.answer();
        }
        Optional<AnswerTypes.Asked> missing = missingType(q, c.answer());
        if (missing.isPresent()) {
            return typeUnstated(q, c.answer(), missing.get());
        }
        if (asksOfAnotherSubject(q, c.answer())) {
            return unstated(q, c.answer());
        }
        return policy.supports(c.support()) ? c.answer() : unstated(q, c.answer());
    }

    /** A name the guide gives one or two of its entries ("Django", "Railway", "capstone"), not a word many share. */
    private static final int SUBJECT_MAX_ENTRIES = 2;
    /**
     * … and one few entries have at all ("stack", "git" are in many): its weight as a share of the highest. Chosen
     * on the tuning sets from 0.4, 0.5, 0.6, 0.7 (2,043, 2,049, 2,046, 2,044 right of 2,271).
     */
    private static final double SUBJECT_MIN_WEIGHT = 0.5;

    /**
     * Whether the asking clause names a subject the guide covers in other entries ("how long does it take to learn
     * Django", "how much does Railway cost", "which ORM if I go with Go") that no entry of the answer has anywhere:
     * the answer states its facts of something else, however well they match the rest of the question. Not two
     * things asked together or as a choice ("Prisma or SQLAlchemy for Python"), where the answer may be about one.
     */
    private boolean asksOfAnotherSubject(Question q, Answer a) {
        if (q.has("compare") || a.entries().stream().anyMatch(e -> serverEntries.contains(e.id()))) {
            return false;
        }
        String clause = rules.askingClause(q.corrected()).orElse(q.corrected());
        if (OR.matcher(clause).find()) {
            return false;
        }
        for (Slot s : aspect(q, a)) {
            String raw = raw(s);
            if (raw.length() < 3
                    || !raw.chars().allMatch(Character::isLetter)
                    || !guideWord(s)
                    || !rules.effects(raw).isEmpty()
                    || a.entries().stream().anyMatch(e -> index.covers(e.id(), s))) {
                continue;
            }
            long naming =
                    byId.keySet().stream().filter(id -> index.names(id, s)).count();
            if (naming >= 1
                    && naming <= SUBJECT_MAX_ENTRIES
                    && index.weight(s) >= SUBJECT_MIN_WEIGHT * index.maxIdf()) {
                return true;
            }
        }
        return false;
    }

    /** Two things asked together or as a choice ("git n the command line", "frontend and backend", "Prisma or SQLAlchemy"). */
    private static final java.util.regex.Pattern OR =
            java.util.regex.Pattern.compile("(?i)\\b(?:or|and|n|vs)\\b|[/&+]");

    /**
     * The type of answer the asking clause asks for (a founder, a date, a count of lessons, a duration…) that
     * none of the facts of the answer's entries, nor the answer itself, holds an instance of.
     */
    private Optional<AnswerTypes.Asked> missingType(Question q, Answer a) {
        if (a.entries().stream().anyMatch(e -> serverEntries.contains(e.id()))) {
            // A server's answer is short and in its own words ("English only" answers "can I post in French").
            return Optional.empty();
        }
        String clause = rules.askingClause(q.corrected()).orElse(q.corrected());
        // A topic's "Resources:" line gives the courses' prices, not the topic's ("how much does Render cost").
        List<String> facts = new ArrayList<>(List.of(a.text().split("\n")));
        a.entries().forEach(e -> facts.addAll(e.facts()));
        facts.removeIf(f -> f.startsWith(RESOURCES));
        return answerTypes.missing(clause, facts);
    }

    /** "The guide doesn't say how many lessons for The Odin Project NodeJS Path." with no sources. */
    private Answer typeUnstated(Question q, Answer would, AnswerTypes.Asked missing) {
        String about = would.entries().stream().map(Entry::title).distinct().collect(Collectors.joining(" or "));
        return new Answer(
                q.asked(),
                AttributeAnswers.UNSTATED + missing.says(about)
                        + ". Ask about something else it covers, or see `/courses`, `/roadmap` and `/projects`.",
                List.of());
    }

    /**
     * An answer before the support check and what the check sees of it; or, with no support, an
     * answer that is final (nothing found, or what the guide doesn't say).
     */
    record Candidate(Answer answer, AnswerPolicy.Support support) {}

    private Candidate candidate(Question q) {
        String question = q.asked();
        AttributeAnswers.Asked asked = new AttributeAnswers.Asked(
                question,
                q.text(),
                terms(q.slots()),
                arguments(q, "attribute"),
                arguments(q, "qualifier"),
                arguments(q, "superlative"));
        if (q.unknowns().foreign() > 0 || choosesAmongOtherThings(q)) {
            // A name the guide never uses ("Kubernetes", "Udemy", "Rust") makes it a question about something else.
            return new Candidate(noAnswer(question), null);
        }
        // A superlative or an attribute naming no course is asked of the courses or the roles when the question is
        // about learning; a word the guide never uses says it is asked of something else ("the cheapest place to buy
        // winter boots", "best chess opening"), and the search and its policy decide it as any other question.
        Optional<Answer> structured = attributes.asksOfUnnamedThings(asked) && namesSomethingElse(q)
                ? Optional.empty()
                : attributes.answer(asked);
        if (structured.isPresent()) {
            Answer a = structured.get();
            return new Candidate(a, a.found() ? support(q, a, true) : null);
        }
        List<KnowledgeIndex.Hit> hits =
                onNamedPhase(q, index.search(q.text(), q.slots(), policy.fieldBoosts(), SEARCH_DEPTH));
        if (hits.isEmpty() || !policy.answers(features(q, hits))) {
            return new Candidate(noAnswer(question), null);
        }
        List<Entry> chosen = choose(hits, q);
        Answer a = composer.compose(question, chosen, q.slots(), q.has("attribute:source"));
        return new Candidate(a, support(q, a, false));
    }

    /**
     * Whether the asking clause asks to choose between things one of which the guide's vocabulary doesn't have
     * ("pino or winston", "redis vs memcached", "windows or mac"): the guide can't choose between them, however well
     * the rest of the question matches. An option is such a name when it is no everyday English word ("only",
     * "independent" are not things chosen) and none of its words is the index's.
     */
    private boolean choosesAmongOtherThings(Question q) {
        List<String> options = rules.options(q.corrected());
        for (int i = 0; i + 1 < options.size(); i += 2) {
            List<String> pair = List.of(
                    options.get(i).toLowerCase(Locale.ROOT), options.get(i + 1).toLowerCase(Locale.ROOT));
            // A choice with a word a rule reads ("monthly or yearly": the plans of a course) is the guide's to answer.
            if (pair.stream().anyMatch(o -> !rules.effects(o).isEmpty())) {
                continue;
            }
            for (String raw : pair) {
                Set<String> terms = KnowledgeAnalyzer.terms(analyzer, raw);
                if (raw.length() >= 3
                        && !english.everyday(raw)
                        && !terms.isEmpty()
                        && terms.stream().noneMatch(index::knows)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the asking clause has a word the guide never uses that is English but not everyday ("flight" is
     * everyday, "yoga", "gym", "Tokyo" are not) and no rule reads ("priciest" is a superlative): the thing it
     * compares or filters is something else than the guide's courses.
     */
    private boolean namesSomethingElse(Question q) {
        for (Slot slot : q.focus()) {
            String raw = raw(slot);
            if (slot.terms().stream().noneMatch(index::knows)
                    && raw.length() >= FOREIGN_MIN_LENGTH
                    && raw.chars().allMatch(Character::isLetter)
                    && english.contains(raw)
                    && !english.everyday(raw)
                    && rules.effects(raw).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** What the support check sees: the question's aspect against the answer's own words. */
    private AnswerPolicy.Support support(Question q, Answer a, boolean structured) {
        boolean server = a.entries().stream().anyMatch(e -> serverEntries.contains(e.id()));
        List<Slot> aspect = aspect(q, a);
        Set<String> shown = KnowledgeAnalyzer.terms(analyzer, a.text());
        double total = 0;
        double stated = 0;
        double unstatedKnown = 0;
        int unstatedUnknown = 0;
        int unstatedShort = 0;
        int unstatedStrange = 0;
        for (Slot s : aspect) {
            double w = index.weight(s);
            total += w;
            if (states(a, shown, s)) {
                stated += w;
            } else if (s.terms().stream().anyMatch(index::knows)) {
                unstatedKnown = Math.max(unstatedKnown, w / index.maxIdf());
            } else if (s.raw() != null
                    && s.raw().length() >= 5
                    && english.contains(s.raw().toLowerCase(Locale.ROOT))
                    && !s.raw().toLowerCase(Locale.ROOT).endsWith("ly")) {
                // An English word, not an adverb ("mostly", "simply" say how, not what).
                unstatedUnknown++;
                if (!english.everyday(s.raw().toLowerCase(Locale.ROOT)) && !server) {
                    unstatedStrange++;
                }
            } else {
                unstatedShort++;
            }
        }
        boolean named = q.focus().stream().anyMatch(s -> a.entries().stream().anyMatch(e -> index.names(e.id(), s)));
        boolean guide = q.focus().stream()
                .anyMatch(s -> a.entries().stream()
                        .anyMatch(e -> index.covers(e.id(), s) && (guideWord(s) || serverEntries.contains(e.id()))));
        return new AnswerPolicy.Support(
                total == 0 ? 1 : stated / total,
                unstatedKnown,
                unstatedUnknown,
                unstatedShort,
                aspect.size(),
                structured ? 1 : 0,
                named ? 1 : 0,
                q.has("compare") ? 1 : 0,
                unstatedStrange,
                guide ? 1 : 0,
                kindMissing(q, a) ? 1 : 0);
    }

    /** The kinds of entry a "kind:" rule names. */
    private static final Map<String, Set<Entry.Kind>> KINDS =
            Map.of("course", Set.of(Entry.Kind.COURSE, Entry.Kind.FREE_COURSE));

    /**
     * Whether the question asks for a kind of thing that no entry of the answer is, belongs to, or lists (the
     * guide's list of courses is an answer about courses; its list of stacks is not).
     */
    private boolean kindMissing(Question q, Answer a) {
        return missingKind(q, a).isPresent();
    }

    /** The kind of thing the question asks for that no entry of the answer is, belongs to, or lists. */
    private Optional<String> missingKind(Question q, Answer a) {
        // Asked in the asking clause: "I just finished a little html/css course. … which one makes sense?" asks for
        // none.
        String asking = rules.askingClause(q.text()).orElse(q.text());
        for (String kind : rules.arguments("kind", asking)) {
            Set<Entry.Kind> kinds = KINDS.getOrDefault(kind, Set.of());
            Predicate<Entry> isKind = e -> e != null && kinds.contains(e.kind());
            boolean has = a.entries().stream()
                    .anyMatch(e -> isKind.test(e)
                            || e.parent() != null && isKind.test(byId.get(e.parent()))
                            || byId.values().stream().anyMatch(c -> isKind.test(c) && e.id().equals(c.parent())));
            if (!has) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The words of the question's focus that name none of the answer's entries and don't merely frame the question. */
    private List<Slot> aspect(Question q, Answer a) {
        return composer.aspect(a.entries(), q.focus()).stream()
                .filter(s -> s.terms().stream().noneMatch(frameTerms::contains))
                .toList();
    }

    /** Whether the answer states a word of the aspect: in the facts it shows, or as its entries are asked about. */
    private boolean states(Answer a, Set<String> shown, Slot s) {
        return s.terms().stream().anyMatch(shown::contains)
                || a.entries().stream().anyMatch(e -> index.hints(e.id(), s));
    }

    /** "The guide doesn't say …" about what was asked of the entries the answer would have come from. */
    private Answer unstated(Question q, Answer would) {
        String about = would.entries().stream().map(Entry::title).distinct().collect(Collectors.joining(" or "));
        Optional<String> kind = missingKind(q, would);
        if (kind.isPresent()) {
            // "Which Spring Boot course…": what the guide lacks is the kind of thing asked for, not a word.
            return new Answer(
                    q.asked(),
                    AttributeAnswers.UNSTATED + "which " + kind.get() + " to take for " + about + "; see `/courses` for"
                            + " the ones it recommends.",
                    List.of());
        }
        Set<String> shown = KnowledgeAnalyzer.terms(analyzer, would.text());
        List<String> missing = aspect(q, would).stream()
                .filter(s -> !states(would, shown, s))
                .map(Slot::raw)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        // An FAQ entry's title is a question: quoted, it ends the sentence ("… in the FAQ “How long does it take…?”").
        String of = about.endsWith("?") ? "in the FAQ \u201c" + about + "\u201d" : "for " + about + ".";
        String text = AttributeAnswers.UNSTATED
                + (missing.isEmpty()
                        ? "that about " + about + (about.endsWith("?") ? "" : ".")
                        : "anything about \u201c" + String.join(" ", missing) + "\u201d " + of)
                + " Ask about something else it covers, or see `/courses`, `/roadmap` and `/projects`.";
        return new Answer(q.asked(), text, List.of());
    }

    /**
     * A question naming a phase ("how long is phase 3") is about that phase or its topics: the hits
     * that belong to a named phase go first, in their order.
     */
    private List<KnowledgeIndex.Hit> onNamedPhase(Question q, List<KnowledgeIndex.Hit> hits) {
        Set<String> named = new LinkedHashSet<>();
        for (Phase p : kb.phases()) {
            if (q.text().contains(" phase" + p.number())) {
                named.add(p.id());
            }
        }
        if (named.isEmpty()) {
            return hits;
        }
        // "phase 4 hosting options", "phase 1 http topics": the phase's topic the other words name is the answer;
        // words naming several of its topics ("testing in phase 3") ask for the phase's list of them.
        List<KnowledgeIndex.Hit> topics = hits.stream()
                .filter(h -> named.contains(byId.get(h.id()).parent()) && namesTopic(q, byId.get(h.id())))
                .toList();
        List<KnowledgeIndex.Hit> first = new ArrayList<>();
        List<KnowledgeIndex.Hit> rest = new ArrayList<>();
        if (topics.size() == 1) {
            first.add(topics.get(0));
        }
        for (KnowledgeIndex.Hit h : hits) {
            Entry e = byId.get(h.id());
            if (!first.contains(h)) {
                (named.contains(e.id()) || named.contains(e.parent()) ? first : rest).add(h);
            }
        }
        first.addAll(rest);
        return first;
    }

    /**
     * Whether a word of the question, other than how it refers to the phase (its number, month, the word
     * "phase"), names this topic of the phase: "phase 4 hosting options" asks for Deploying applications even
     * though "Deployment" is in Phase 4's own name too.
     */
    private boolean namesTopic(Question q, Entry topic) {
        return q.slots().stream()
                .filter(s -> s.terms().stream().noneMatch(AnswerService::refersToPhase))
                .anyMatch(s -> index.names(topic.id(), s));
    }

    private static boolean refersToPhase(String term) {
        return term.startsWith("phase")
                || term.startsWith("month")
                || term.chars().allMatch(Character::isDigit);
    }

    private static Set<String> arguments(Question q, String kind) {
        return q.effects().stream()
                .filter(e -> e.startsWith(kind + ":"))
                .map(e -> e.substring(kind.length() + 1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> terms(List<Slot> slots) {
        Set<String> all = new LinkedHashSet<>();
        slots.forEach(s -> all.addAll(s.terms()));
        return all;
    }

    Question understand(String asked, String corrected) {
        String text = rules.concepts(rules.rewrite(corrected));
        text = text + phases(text);
        List<Slot> slots = KnowledgeAnalyzer.slots(analyzer, text);
        List<Slot> focus = rules.askingClause(corrected)
                .map(c -> {
                    String clause = rules.concepts(rules.rewrite(c));
                    return KnowledgeAnalyzer.slots(analyzer, clause + phases(clause));
                })
                .orElse(slots);
        return new Question(asked, corrected, text, slots, rules.effects(text), unknowns(slots), focus);
    }

    /** " phase3" for each phase the text names (by number, ordinal, a month it holds, or as the last). */
    private String phases(String text) {
        StringBuilder phases = new StringBuilder();
        for (Rules.PhaseReference ref : rules.phases(text)) {
            for (Phase p : kb.phases()) {
                boolean named = switch (ref.kind()) {
                    case "last" -> p.number() == kb.phases().size();
                    case "month" -> ref.number() >= p.monthStart() && ref.number() <= p.monthEnd();
                    default -> ref.number() == p.number();
                };
                if (named) {
                    phases.append(" phase").append(p.number());
                }
            }
        }
        return phases.toString();
    }

    /** The words of the question the data never uses: ordinary words (often chat) and names of other things. */
    private AnswerPolicy.Features unknowns(List<Slot> slots) {
        int unknown = 0;
        int foreign = 0;
        int strange = 0;
        for (Slot slot : slots) {
            if (slot.terms().stream().noneMatch(index::knows)) {
                String raw = raw(slot);
                boolean word = raw.chars().allMatch(Character::isLetter);
                if (otherSubjects.contains(raw)
                        || word
                                && raw.length() >= FOREIGN_MIN_LENGTH
                                && !english.contains(raw)
                                && !english.nearWord(raw)) {
                    foreign++;
                } else {
                    unknown++;
                    if (word && raw.length() >= FOREIGN_MIN_LENGTH && english.contains(raw) && !english.everyday(raw)) {
                        strange++;
                    }
                }
            }
        }
        return new AnswerPolicy.Features(
                0,
                0,
                0,
                0,
                0,
                unknown,
                slots.isEmpty() ? 0 : (double) (unknown + foreign) / slots.size(),
                foreign,
                0,
                0,
                strange);
    }

    /** A slot's word as typed, in lower case and without a possessive ("" for none). */
    private static String raw(Slot slot) {
        return slot.raw() == null ? "" : slot.raw().toLowerCase(Locale.ROOT).replaceFirst("['’]s$", "");
    }

    /**
     * Whether a word of the question is the guide's own rather than everyday English: a name of several words
     * ("spring boot", "stack overflow"), a number the data states, or a single word that is not among the
     * commonest English words ("scrimba", "salary", "docker" against "best", "long", "games").
     */
    private boolean guideWord(Slot slot) {
        String raw = raw(slot);
        return !raw.isEmpty() && (!raw.chars().allMatch(Character::isLetter) || !english.everyday(raw));
    }

    AnswerPolicy.Features features(Question q, List<KnowledgeIndex.Hit> hits) {
        KnowledgeIndex.Hit best = hits.get(0);
        double second = hits.size() > 1 ? hits.get(1).score() : 0;
        double known = 0;
        double covered = 0;
        double missed = 0;
        double specific = 0;
        double guide = 0;
        for (Slot slot : q.slots()) {
            if (slot.terms().stream().noneMatch(index::knows)) {
                continue;
            }
            double w = index.weight(slot);
            known += w;
            if (index.covers(best.id(), slot)) {
                covered += w;
                specific = Math.max(specific, w);
                if (guideWord(slot) || serverEntries.contains(best.id())) {
                    guide = Math.max(guide, w);
                }
            } else {
                missed = Math.max(missed, w);
            }
        }
        return new AnswerPolicy.Features(
                known == 0 ? 0 : covered / known,
                best.coverage(),
                best.score(),
                specific / index.maxIdf(),
                missed / index.maxIdf(),
                q.unknowns().unknown(),
                q.unknowns().unknownShare(),
                q.unknowns().foreign(),
                best.score() == 0 ? 0 : (best.score() - second) / best.score(),
                guide / index.maxIdf(),
                // A server's answer is short and in that server's own words: a word it lacks is no sign of another
                // subject.
                serverEntries.contains(best.id()) ? 0 : q.unknowns().strange());
    }

    /**
     * The best entry, and others the question asks for as well: in a comparison the best entry of
     * each other side; else entries of the same kind scoring level with the best (three free
     * courses). When several children of one parent tie, the parent answers instead.
     */
    private List<Entry> choose(List<KnowledgeIndex.Hit> hits, Question q) {
        Entry best = byId.get(hits.get(0).id());
        double top = hits.get(0).score();
        List<Entry> chosen = new ArrayList<>();
        chosen.add(best);
        int siblings = 0;
        for (KnowledgeIndex.Hit hit : hits.subList(1, hits.size())) {
            Entry e = byId.get(hit.id());
            if (best.parent() != null && best.parent().equals(e.parent()) && hit.score() >= top * policy.tieRatio()) {
                siblings++;
            }
        }
        boolean namesPhase = q.has("phase") || q.has("month") || q.has("phase:last");
        if (siblings >= 2 && byId.containsKey(best.parent()) && !q.has("compare") && !namesPhase) {
            return List.of(byId.get(best.parent()));
        }
        for (KnowledgeIndex.Hit hit : hits.subList(1, hits.size())) {
            if (chosen.size() >= MAX_ENTRIES) {
                break;
            }
            Entry e = byId.get(hit.id());
            boolean related = chosen.stream().anyMatch(c -> e.id().equals(c.parent()) || c.id().equals(e.parent()));
            // A question naming a phase is about that phase: other phases don't join it.
            boolean joins = q.has("compare")
                    ? hit.score() >= top * policy.tieRatio() * 0.75
                    : e.kind() == best.kind()
                            && hit.score() >= top * policy.tieRatio()
                            && !(namesPhase && e.kind() == Entry.Kind.PHASE);
            if (joins && !related) {
                chosen.add(e);
            }
        }
        return chosen;
    }

    /** Before a member has started (and in one-shot `ask`), personal questions point to Phase 1. */
    private Answer beforeStarting(String question) {
        Phase first = kb.phases().get(0);
        Entry entry = byId.get(first.id());
        String text = "You haven't started the roadmap yet, so begin with " + entry.lead() + ". "
                + entry.facts().stream()
                        .filter(f -> f.startsWith("Topics:"))
                        .findFirst()
                        .orElse("")
                + "\nUse `/progress start` to pick your track and pace; then I can tell you what's next and how far you are.";
        return new Answer(question, text, List.of(entry));
    }

    /**
     * The intent of a personal question ("start", "next", "standing"), or empty; "how do I start a podcast"
     * has none (a word of it names something the guide doesn't cover).
     */
    public Optional<String> personalIntent(String question) {
        Optional<String> intent = rules.arguments("intent", question).stream().findFirst();
        return intent.isPresent() && aboutTheGuide(understand(question, speller.correct(question)))
                ? intent
                : Optional.empty();
    }

    /** An entry by id, for the "More about" button. */
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * For the fitting command: when the answer policy decides this question (one part, no rule or
     * structured answer before it), what it sees and the answer it would give if it answered.
     */
    public Optional<Decision> decision(String question) {
        Optional<Question> one = onePart(question);
        if (one.isEmpty()) {
            return Optional.empty();
        }
        Question q = one.get();
        AttributeAnswers.Asked asked = new AttributeAnswers.Asked(
                question,
                q.text(),
                terms(q.slots()),
                arguments(q, "attribute"),
                arguments(q, "qualifier"),
                arguments(q, "superlative"));
        if (q.unknowns().foreign() > 0 || attributes.answer(asked).isPresent()) {
            return Optional.empty();
        }
        List<KnowledgeIndex.Hit> hits =
                onNamedPhase(q, index.search(q.text(), q.slots(), policy.fieldBoosts(), SEARCH_DEPTH));
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> chosen = choose(hits, q);
        return Optional.of(new Decision(
                features(q, hits), composer.compose(question, chosen, q.slots(), q.has("attribute:source"))));
    }

    /** The question understood, when no rule decides it first (a request, a personal question) and it has one part. */
    private Optional<Question> onePart(String question) {
        String corrected = speller.correct(question);
        Set<String> effects = rules.effects(corrected);
        if (effects.contains("decline")
                || effects.stream().anyMatch(e -> e.startsWith("intent:"))
                || rules.parts(corrected).size() > 1) {
            return Optional.empty();
        }
        return Optional.of(understand(question, corrected));
    }

    /** What the policy sees of a question, and the answer it gives if the policy lets it. */
    public record Decision(AnswerPolicy.Features features, Answer ifAnswered) {}

    /**
     * For the fitting command: when a one-part question gets an answer that the support check
     * judges, what the check sees and that answer.
     */
    public Optional<Supported> supportDecision(String question) {
        Optional<Question> one = onePart(question);
        if (one.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = candidate(one.get());
        // An answer the type check declines is decided before the support check sees it.
        return c.support() == null || missingType(one.get(), c.answer()).isPresent()
                ? Optional.empty()
                : Optional.of(new Supported(c.support(), c.answer()));
    }

    /** What the support check sees of an answer, and the answer it gives if the check lets it. */
    public record Supported(AnswerPolicy.Support support, Answer ifSupported) {}

    /** For diagnostics and the fitting command: the search hits and the features the policy sees. */
    public Diagnosis diagnose(String question) {
        String corrected = speller.correct(question);
        Question q = understand(question, corrected);
        List<KnowledgeIndex.Hit> hits = index.search(q.text(), q.slots(), policy.fieldBoosts(), SEARCH_DEPTH);
        return new Diagnosis(
                corrected,
                q.slots().stream().map(s -> s.terms().toString()).collect(Collectors.joining(" ")),
                q.effects(),
                hits,
                hits.isEmpty() ? null : features(q, hits));
    }

    public record Diagnosis(
            String corrected,
            String slots,
            Set<String> effects,
            List<KnowledgeIndex.Hit> hits,
            AnswerPolicy.Features features) {}

    private static Answer noAnswer(String question) {
        return new Answer(question, noAnswer(), List.of());
    }

    static String noAnswer() {
        return "I don't have anything about that in my roadmap data, so I won't guess. "
                + "I can answer questions about the 4-phase backend roadmap and its topics, the five recommended courses "
                + "(prices, stacks, formats), portfolio projects, common backend stacks, salaries and job outlook, "
                + "and the FAQ (how long it takes, Node.js or Python, degrees). Try `/roadmap`, `/courses`, `/projects` or `/help`.";
    }

    /** "Source: <heading> (entry `id`)", one per distinct entry. */
    public static String citation(List<Entry> entries) {
        return AnswerComposer.citation(entries);
    }
}
