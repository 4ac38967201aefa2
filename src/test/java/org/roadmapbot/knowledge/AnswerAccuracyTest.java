package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/**
 * The answer contract of shared/tools/score-answers, in process, each question set against its own
 * floor (sets are never pooled). Tuning sets (the policy is fitted on them): member-dev, member-dev4,
 * paraphrase-dev, -dev2, -dev3. Regression sets never tuned on: paraphrase-holdout and -fresh, and
 * heldout-a and -b (member-style sets written from the source text only by people who saw neither the
 * data nor the rules; the lead measured every change of round 2 on them and nobody tuned on them);
 * heldout-c and -d (the same way, two more writers, written after round 2 and scored only before and
 * after round 3) and offtopic-heldout (questions about everything but the guide, which must all be
 * declined). Round 4 tunes on heldout-a and -c too, and on offtopic-dev (79 everyday questions to decline,
 * its own set and floor); its validation sets are heldout-b, -d, offtopic-heldout and the paraphrase
 * holdout and fresh sets. heldout-e (200, a fifth writer) and nearmiss-f (120 questions to decline: 80 near
 * misses naming something the guide names, 40 everyday ones) were written during round 4 from the source
 * text only and scored once before and once after it; round 5 tunes on them too (its validation sets stay heldout-b, -d,
 * offtopic-heldout and the paraphrase holdout and fresh sets). heldout-g (200, a seventh writer) and nearmiss-h
 * (120: 80 near misses, 40 answerable questions about the same kinds of things) were written during round 5 from
 * the source text only, kept from the answer engineer and scored once before and once after it; round 6 tunes on them too.
 * heldout-i (200, a ninth writer), nearmiss-j (120: 80 near misses, 40 answerable) and heldout-k (200, an eleventh
 * writer) were written during round 6 the same way and scored after it; round 7 tunes on them too. The floors sit a little under the figures the README
 * gives; the sample set must stay whole.
 */
class AnswerAccuracyTest {

    static final List<String> SETS = List.of(
            "/knowledge/sample-questions.jsonl",
            "/knowledge/member-dev.jsonl",
            "/knowledge/member-dev4.jsonl",
            "/knowledge/paraphrase-dev.jsonl",
            "/knowledge/paraphrase-dev2.jsonl",
            "/knowledge/paraphrase-dev3.jsonl",
            "/knowledge/paraphrase-holdout.jsonl",
            "/knowledge/paraphrase-fresh.jsonl",
            "/knowledge/heldout-a.jsonl",
            "/knowledge/heldout-b.jsonl",
            "/knowledge/heldout-c.jsonl",
            "/knowledge/heldout-d.jsonl",
            "/knowledge/offtopic-heldout.jsonl",
            "/knowledge/offtopic-dev.jsonl",
            "/knowledge/heldout-e.jsonl",
            "/knowledge/nearmiss-f.jsonl",
            "/knowledge/heldout-g.jsonl",
            "/knowledge/nearmiss-h.jsonl",
            "/knowledge/heldout-i.jsonl",
            "/knowledge/nearmiss-j.jsonl",
            "/knowledge/heldout-k.jsonl");

    private static AnswerService answers;

    @BeforeAll
    static void load() {
        answers = new AnswerService(KnowledgeLoader.loadBundled());
    }

    @ParameterizedTest(name = "{0} at least {1}")
    @CsvSource({
        "/knowledge/sample-questions.jsonl, 1.00",
        "/knowledge/member-dev.jsonl, 0.92",
        "/knowledge/member-dev4.jsonl, 0.90",
        "/knowledge/paraphrase-dev.jsonl, 0.89",
        "/knowledge/paraphrase-dev2.jsonl, 0.90",
        "/knowledge/paraphrase-dev3.jsonl, 0.90",
        "/knowledge/paraphrase-holdout.jsonl, 0.84",
        "/knowledge/paraphrase-fresh.jsonl, 0.94",
        "/knowledge/heldout-a.jsonl, 0.88",
        "/knowledge/heldout-b.jsonl, 0.90",
        "/knowledge/heldout-c.jsonl, 0.90",
        "/knowledge/heldout-d.jsonl, 0.87",
        "/knowledge/offtopic-heldout.jsonl, 0.93",
        "/knowledge/offtopic-dev.jsonl, 0.95",
        "/knowledge/heldout-e.jsonl, 0.94",
        "/knowledge/nearmiss-f.jsonl, 0.84",
        "/knowledge/heldout-g.jsonl, 0.93",
        "/knowledge/nearmiss-h.jsonl, 0.88",
        "/knowledge/heldout-i.jsonl, 0.90",
        "/knowledge/nearmiss-j.jsonl, 0.87",
        "/knowledge/heldout-k.jsonl, 0.90"
    })
    void eachSetIsAnsweredAtLeastToItsFloor(String set, double floor) throws IOException {
        List<AnswerQuality.Case> cases = AnswerQuality.load(set);
        List<AnswerQuality.Miss> misses = AnswerQuality.misses(answers, cases);
        double accuracy = 1.0 - (double) misses.size() / cases.size();
        assertThat(accuracy)
                .as(
                        "accuracy of %s; misses: %s",
                        set, misses.stream().map(m -> m.testCase().question()).toList())
                .isGreaterThanOrEqualTo(floor);
    }

    /** Fact first: the answers members get are short (the goal: median ≤ 400, p90 ≤ 900 characters). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/knowledge/member-dev.jsonl", "/knowledge/member-dev4.jsonl", "/knowledge/paraphrase-fresh.jsonl"})
    void answersAreShort(String set) throws IOException {
        List<Integer> lengths = new ArrayList<>();
        for (AnswerQuality.Case c : AnswerQuality.load(set)) {
            if (!c.none()) {
                lengths.add(answers.answer(c.question()).text().length());
            }
        }
        lengths.sort(null);
        assertThat(lengths.get(lengths.size() / 2)).as("median length").isLessThanOrEqualTo(400);
        assertThat(lengths.get((int) (0.9 * lengths.size()))).as("p90 length").isLessThanOrEqualTo(900);
    }
}
