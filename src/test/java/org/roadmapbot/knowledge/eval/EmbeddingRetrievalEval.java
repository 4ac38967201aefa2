package org.roadmapbot.knowledge.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.roadmapbot.knowledge.Answer;
import org.roadmapbot.knowledge.AnswerQuality;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.Retriever;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/**
 * Retrieval study for the README, not a test: the keyword AnswerService against the offline
 * MiniLM embedding model alone and against keyword + embedding hybrids, on both paraphrase
 * sets, with the contract of shared/tools/score-answers (AnswerQuality). Every knob (similarity
 * floor, fusion weight) is chosen on the dev set and then applied unchanged to the holdout set.
 * Needs the {@code embedding-eval} Maven profile on the class path.
 *
 * <p>{@code main} with no argument: the full study (accuracy, then latency). {@code main latency}: the
 * latency figures alone. {@code main startup keyword|model|hybrid}: one cold start in this JVM,
 * printing the milliseconds from JVM start to the first answer.
 *
 * <pre>
 * mvn -q -B -Pembedding-eval test-compile
 * mvn -q -B -Pembedding-eval dependency:build-classpath -Dmdep.outputFile=target/eval-cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/eval-cp.txt) org.roadmapbot.knowledge.eval.EmbeddingRetrievalEval
 * </pre>
 */
public final class EmbeddingRetrievalEval {

    private static final String DEV = "/knowledge/paraphrase-dev.jsonl";
    private static final String HOLDOUT = "/knowledge/paraphrase-holdout.jsonl";
    private static final int CANDIDATES = 12;
    private static final int TIMED_PASSES = 5;

    /** What of an entry is embedded. */
    enum Repr {
        /** title + askedAs + the composed answer, one vector per entry. */
        FULL,
        /** title + askedAs, one vector per entry. */
        HINTS,
        /** the title and each askedAs hint as separate vectors; an entry scores its best one. */
        MULTI
    }

    /** One question with everything the methods need, computed once. */
    private record Prepared(AnswerQuality.Case testCase, Answer keyword, List<Retriever.Hit> hits, double[][] sims) {}

    private final AnswerService keyword;
    private final List<Entry> entries;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final EmbeddingModel model;
    /** Per representation: the vectors and, for each vector, the index of its entry. */
    private final float[][][] vectors = new float[Repr.values().length][][];

    private final int[][] owners = new int[Repr.values().length][];

    private EmbeddingRetrievalEval(KnowledgeBase kb, AnswerService keyword, EmbeddingModel model) {
        this.keyword = keyword;
        this.entries = Entries.of(kb);
        for (int i = 0; i < entries.size(); i++) {
            indexOf.put(entries.get(i).id(), i);
        }
        this.model = model;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("startup")) {
            startup(args[1]);
            return;
        }
        KnowledgeBase kb = KnowledgeLoader.loadBundled();
        AnswerService keyword = new AnswerService(kb);

        long t0 = System.nanoTime();
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        long loadNs = System.nanoTime() - t0;
        t0 = System.nanoTime();
        model.embed("warm up");
        long firstEmbedNs = System.nanoTime() - t0;

        EmbeddingRetrievalEval eval = new EmbeddingRetrievalEval(kb, keyword, model);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, Java %s, load average %s; %d entries%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadAverage(),
                eval.entries.size());
        System.out.printf(
                Locale.ROOT,
                "model load (constructor): %.0f ms; first embedding after load: %.0f ms%n",
                loadNs / 1e6,
                firstEmbedNs / 1e6);
        boolean latencyOnly = args.length == 1 && args[0].equals("latency");
        for (Repr r : latencyOnly ? List.of(Repr.MULTI) : List.of(Repr.values())) {
            long start = System.nanoTime();
            eval.index(r);
            System.out.printf(
                    Locale.ROOT,
                    "index %-5s: %4d vectors embedded in %.0f ms%n",
                    r,
                    eval.vectors[r.ordinal()].length,
                    (System.nanoTime() - start) / 1e6);
        }
        List<String> questions = new ArrayList<>();
        for (String set : List.of(DEV, HOLDOUT)) {
            AnswerQuality.load(set).forEach(c -> questions.add(c.question()));
        }
        if (!latencyOnly) {
            eval.report(eval.prepare(AnswerQuality.load(DEV)), eval.prepare(AnswerQuality.load(HOLDOUT)));
        }
        eval.latency(questions);
        System.out.println("load average at the end: " + loadAverage());
    }

    /** The machine is shared: latency figures mean little without it. */
    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.asList(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                    .split(" "))
                            .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ---- the index ---------------------------------------------------------------------------

    private void index(Repr r) {
        List<String> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int entry = 0; entry < entries.size(); entry++) {
            int i = entry;
            Entry e = entries.get(i);
            String hints = String.join("\n", e.askedAs());
            switch (r) {
                case FULL -> add(texts, owner, i, e.title() + "\n" + hints + "\n" + e.answer());
                case HINTS -> add(texts, owner, i, e.title() + (hints.isEmpty() ? "" : "\n" + hints));
                case MULTI -> {
                    add(texts, owner, i, e.title());
                    e.askedAs().forEach(h -> add(texts, owner, i, h));
                }
            }
        }
        List<Embedding> embedded =
                model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        vectors[r.ordinal()] = embedded.stream().map(v -> unit(v.vector())).toArray(float[][]::new);
        owners[r.ordinal()] = owner.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(List<String> texts, List<Integer> owner, int entry, String text) {
        texts.add(text);
        owner.add(entry);
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    /** Cosine similarity of the question to every entry (its best vector). */
    private double[] similarities(Repr r, float[] question) {
        double[] sims = new double[entries.size()];
        Arrays.fill(sims, -1);
        float[][] vs = vectors[r.ordinal()];
        int[] own = owners[r.ordinal()];
        for (int j = 0; j < vs.length; j++) {
            double dot = 0;
            for (int d = 0; d < question.length; d++) {
                dot += vs[j][d] * question[d];
            }
            sims[own[j]] = Math.max(sims[own[j]], dot);
        }
        return sims;
    }

    private List<Prepared> prepare(List<AnswerQuality.Case> cases) {
        List<Prepared> out = new ArrayList<>();
        for (AnswerQuality.Case c : cases) {
            float[] q = unit(model.embed(c.question()).content().vector());
            double[][] sims = new double[Repr.values().length][];
            for (Repr r : Repr.values()) {
                sims[r.ordinal()] = similarities(r, q);
            }
            out.add(new Prepared(c, keyword.answer(c.question()), keyword.hits(c.question(), CANDIDATES), sims));
        }
        return out;
    }

    // ---- the methods -------------------------------------------------------------------------

    /** The answer AnswerService would compose from this one entry. */
    private static Answer single(String question, Entry e) {
        return new Answer(
                question,
                "Here's what the roadmap guide says:\n\n" + e.answer() + "\n\n" + AnswerService.citation(List.of(e)),
                List.of(e));
    }

    private static Answer none(String question) {
        return new Answer(question, "no answer", List.of());
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** (b) The most similar entry when its similarity reaches the floor, else no answer. */
    private Answer embeddingOnly(String question, double[] sims, double floor) {
        int best = argmax(sims);
        return sims[best] >= floor ? single(question, entries.get(best)) : none(question);
    }

    /**
     * (c) The keyword answer decides whether to answer (its "no answer" rules are kept); its
     * candidates are re-ranked with the embedding. When the new best entry is already part of
     * the keyword answer, that answer is kept whole (ties, complements, parents); otherwise the
     * new best entry answers alone.
     */
    private Answer hybrid(Prepared p, Function<Prepared, Entry> reRank) {
        if (!p.keyword().found() || p.hits().isEmpty()) {
            return p.keyword();
        }
        Entry top = reRank.apply(p);
        return p.keyword().entries().contains(top)
                ? p.keyword()
                : single(p.keyword().question(), top);
    }

    /** Reciprocal rank fusion (LangChain4j) of the keyword order and the embedding order of the candidates. */
    private Entry rrf(Prepared p, Repr r, int k) {
        List<Retriever.Hit> hits = p.hits();
        double[] sims = p.sims()[r.ordinal()];
        List<Content> byKeyword =
                hits.stream().map(h -> Content.from(h.entry().id())).toList();
        List<Content> byEmbedding = hits.stream()
                .sorted(Comparator.comparingDouble(
                        (Retriever.Hit h) -> -sims[indexOf.get(h.entry().id())]))
                .map(h -> Content.from(h.entry().id()))
                .toList();
        String id = ReciprocalRankFuser.fuse(List.of(byKeyword, byEmbedding), k)
                .get(0)
                .textSegment()
                .text();
        return hits.stream()
                .map(Retriever.Hit::entry)
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Weighted sum: alpha · keyword rank relative to the best + (1 − alpha) · cosine similarity. */
    private Entry weighted(Prepared p, Repr r, double alpha) {
        double[] sims = p.sims()[r.ordinal()];
        double bestRank = p.hits().get(0).rank();
        Retriever.Hit best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Retriever.Hit h : p.hits()) {
            double s = alpha * h.rank() / bestRank
                    + (1 - alpha) * sims[indexOf.get(h.entry().id())];
            if (s > bestScore) {
                bestScore = s;
                best = h;
            }
        }
        return best.entry();
    }

    /**
     * Not within the brief's rules, shown for completeness: keyword answer, and where the keyword
     * rules say "no answer" (but not for a foreign subject), the embedding's best entry above a floor.
     */
    private Answer rescue(Prepared p, Repr r, double floor) {
        if (p.keyword().found() || (!p.hits().isEmpty() && p.hits().get(0).foreignSubject())) {
            return p.keyword();
        }
        return embeddingOnly(p.testCase().question(), p.sims()[r.ordinal()], floor);
    }

    // ---- scoring -----------------------------------------------------------------------------

    private record Score(int inScope, int inScopeTotal, int none, int noneTotal) {
        int passed() {
            return inScope + none;
        }

        int total() {
            return inScopeTotal + noneTotal;
        }

        double pct() {
            return 100.0 * passed() / total();
        }

        String cell() {
            return String.format(
                    Locale.ROOT,
                    "%.1f %% (%d/%d; in scope %d/%d, no-answer %d/%d)",
                    pct(),
                    passed(),
                    total(),
                    inScope,
                    inScopeTotal,
                    none,
                    noneTotal);
        }
    }

    private static Score score(List<Prepared> set, Function<Prepared, Answer> method) {
        int in = 0, inTotal = 0, none = 0, noneTotal = 0;
        for (Prepared p : set) {
            boolean ok = AnswerQuality.passes(p.testCase(), method.apply(p));
            if (p.testCase().none()) {
                noneTotal++;
                none += ok ? 1 : 0;
            } else {
                inTotal++;
                in += ok ? 1 : 0;
            }
        }
        return new Score(in, inTotal, none, noneTotal);
    }

    /** A method with one knob: the knob is picked on dev (ties: the first), then holdout is scored with it. */
    private record Tuned(String name, String knob, Score dev, Score holdout, String holdoutBest, String changes) {}

    /** Against the keyword answers: how many questions got another answer, and how many of those now pass or fail. */
    private static String changes(List<Prepared> set, Function<Prepared, Answer> method) {
        int changed = 0, fixed = 0, broken = 0;
        for (Prepared p : set) {
            Answer a = method.apply(p);
            if (a.sources().equals(p.keyword().sources())) {
                continue;
            }
            changed++;
            boolean before = AnswerQuality.passes(p.testCase(), p.keyword());
            boolean after = AnswerQuality.passes(p.testCase(), a);
            fixed += !before && after ? 1 : 0;
            broken += before && !after ? 1 : 0;
        }
        return changed + " changed: +" + fixed + " / -" + broken;
    }

    private static Tuned tune(
            String name,
            String knobName,
            double[] knobs,
            List<Prepared> dev,
            List<Prepared> holdout,
            java.util.function.DoubleFunction<Function<Prepared, Answer>> method) {
        double bestKnob = knobs[0];
        Score bestDev = null;
        double oracleKnob = knobs[0];
        Score oracle = null;
        for (double k : knobs) {
            Score d = score(dev, method.apply(k));
            if (bestDev == null || d.passed() > bestDev.passed()) {
                bestDev = d;
                bestKnob = k;
            }
            Score h = score(holdout, method.apply(k));
            if (oracle == null || h.passed() > oracle.passed()) {
                oracle = h;
                oracleKnob = k;
            }
        }
        Function<Prepared, Answer> chosen = method.apply(bestKnob);
        return new Tuned(
                name,
                String.format(Locale.ROOT, "%s = %.2f", knobName, bestKnob),
                bestDev,
                score(holdout, chosen),
                String.format(Locale.ROOT, "%.1f %% at %s = %.2f", oracle.pct(), knobName, oracleKnob),
                "dev " + changes(dev, chosen) + "; holdout " + changes(holdout, chosen));
    }

    private static double[] range(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i * step;
        }
        return out;
    }

    private void report(List<Prepared> dev, List<Prepared> holdout) {
        List<Tuned> rows = new ArrayList<>();
        rows.add(new Tuned(
                "(a) keyword AnswerService (as is)",
                "-",
                score(dev, Prepared::keyword),
                score(holdout, Prepared::keyword),
                "-",
                "-"));
        double[] floors = range(0.20, 0.90, 0.01);
        for (Repr r : Repr.values()) {
            rows.add(tune(
                    "(b) embedding only, " + r,
                    "floor",
                    floors,
                    dev,
                    holdout,
                    f -> p -> embeddingOnly(p.testCase().question(), p.sims()[r.ordinal()], f)));
        }
        for (Repr r : Repr.values()) {
            rows.add(tune(
                    "(c) hybrid RRF, " + r,
                    "k",
                    new double[] {1, 5, 10, 30, 60},
                    dev,
                    holdout,
                    k -> p -> hybrid(p, q -> rrf(q, r, (int) k))));
            rows.add(tune(
                    "(c) hybrid weighted, " + r,
                    "alpha",
                    range(0, 1, 0.05),
                    dev,
                    holdout,
                    a -> p -> hybrid(p, q -> weighted(q, r, a))));
        }
        for (Repr r : Repr.values()) {
            rows.add(tune(
                    "(x) keyword + embedding rescue of \"no answer\", " + r,
                    "floor",
                    floors,
                    dev,
                    holdout,
                    f -> p -> rescue(p, r, f)));
        }
        System.out.println();
        System.out.println(
                "| method | knob (chosen on dev) | dev (220) | holdout (150) | best holdout over the sweep (not a fair figure)"
                        + " | answers changed vs keyword: +fixed / -broken |");
        System.out.println("|---|---|---|---|---|---|");
        for (Tuned t : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s |%n",
                    t.name(),
                    t.knob(),
                    t.dev().cell(),
                    t.holdout().cell(),
                    t.holdoutBest(),
                    t.changes());
        }
        System.out.println();
        System.out.println("Re-ranking ceiling: keyword misses where the keyword rules answer and one of the top "
                + CANDIDATES + " keyword candidates, answering alone, would pass: dev " + ceiling(dev) + ", holdout "
                + ceiling(holdout));
    }

    /** The most any re-ranking of the keyword candidates (with the no-answer rules kept) could fix. */
    private static String ceiling(List<Prepared> set) {
        int misses = 0, reachable = 0;
        for (Prepared p : set) {
            if (AnswerQuality.passes(p.testCase(), p.keyword())) {
                continue;
            }
            misses++;
            if (p.keyword().found()
                    && p.hits().stream()
                            .anyMatch(h -> AnswerQuality.passes(
                                    p.testCase(), single(p.keyword().question(), h.entry())))) {
                reachable++;
            }
        }
        return reachable + " of " + misses + " misses";
    }

    // ---- latency -----------------------------------------------------------------------------

    private void latency(List<String> questions) {
        Repr r = Repr.MULTI;
        Function<String, Answer> kw = keyword::answer;
        Function<String, Answer> emb = q ->
                embeddingOnly(q, similarities(r, unit(model.embed(q).content().vector())), 0.5);
        Function<String, Answer> hyb = q -> {
            Answer a = keyword.answer(q);
            if (!a.found()) {
                return a;
            }
            List<Retriever.Hit> hits = keyword.hits(q, CANDIDATES);
            double[][] sims = new double[Repr.values().length][];
            sims[r.ordinal()] = similarities(r, unit(model.embed(q).content().vector()));
            return hybrid(new Prepared(null, a, hits, sims), p -> rrf(p, r, 60));
        };
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| per-question latency (%d questions x %d passes, after one warm-up pass) | p50 | p99 | max |%n",
                questions.size(),
                TIMED_PASSES);
        System.out.println("|---|---|---|---|");
        time("(a) keyword", kw, questions);
        time("(b) embedding only (embed question + scan " + r + ")", emb, questions);
        time("(c) hybrid (keyword + embed question + RRF)", hyb, questions);
    }

    private static void time(String name, Function<String, Answer> method, List<String> questions) {
        questions.forEach(method::apply);
        long[] nanos = new long[questions.size() * TIMED_PASSES];
        int n = 0;
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            for (String q : questions) {
                long start = System.nanoTime();
                method.apply(q);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "| %s | %.3f ms | %.3f ms | %.3f ms |%n",
                name,
                percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---- cold start --------------------------------------------------------------------------

    /**
     * One cold start: keyword = the bot today; model = keyword + MiniLM load + embedding the first
     * question (the floor for a hybrid whose entry vectors were computed at build time); hybrid =
     * the same with the entry vectors (MULTI) embedded at start-up.
     */
    private static void startup(String mode) {
        String question = "How long does it take to become a backend developer?";
        KnowledgeBase kb = KnowledgeLoader.loadBundled();
        AnswerService keyword = new AnswerService(kb);
        Answer answer;
        switch (mode) {
            case "keyword" -> answer = keyword.answer(question);
            case "model" -> {
                EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                answer = keyword.answer(question);
                model.embed(question);
            }
            case "hybrid" -> {
                EmbeddingRetrievalEval eval =
                        new EmbeddingRetrievalEval(kb, keyword, new AllMiniLmL6V2QuantizedEmbeddingModel());
                eval.index(Repr.MULTI);
                double[][] sims = new double[Repr.values().length][];
                sims[Repr.MULTI.ordinal()] = eval.similarities(
                        Repr.MULTI, unit(eval.model.embed(question).content().vector()));
                Answer a = keyword.answer(question);
                answer = eval.hybrid(
                        new Prepared(null, a, keyword.hits(question, CANDIDATES), sims),
                        p -> eval.rrf(p, Repr.MULTI, 60));
            }
            default -> throw new IllegalArgumentException("startup keyword|model|hybrid, not " + mode);
        }
        long ms = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(
                Locale.ROOT, "startup %s: first answer %d ms after JVM start (found=%s)%n", mode, ms, answer.found());
    }
}
