package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer contract of shared/tools/score-answers, checked in process on the sample set and
 * on our own paraphrase sets (written without looking at the retrieval code).
 */
class AnswerAccuracyTest {

    private static AnswerService answers;

    @BeforeAll
    static void load() {
        answers = new AnswerService(KnowledgeLoader.loadBundled());
    }

    @Test
    void everySampleQuestionIsAnswered() throws IOException {
        List<AnswerQuality.Miss> misses = AnswerQuality.misses(answers, AnswerQuality.load("/knowledge/sample-questions.jsonl"));
        assertThat(misses).extracting(m -> m.testCase().question()).isEmpty();
    }

    /**
     * Two paraphrase sets written independently of the retrieval code (370 questions, 70 of
     * them out of scope). The floor guards against regressions; the README gives the figures.
     */
    @Test
    void paraphrasesAreAnsweredAtLeastNineTimesInTen() throws IOException {
        List<AnswerQuality.Case> cases = new java.util.ArrayList<>(AnswerQuality.load("/knowledge/paraphrase-dev.jsonl"));
        cases.addAll(AnswerQuality.load("/knowledge/paraphrase-holdout.jsonl"));
        assertAccuracyAtLeast(cases, 0.9);
    }

    /**
     * A fourth set (202 questions, 41 out of scope) in other voices: personas (career changer,
     * student, parent), text-speak and typos, questions by number ("month 3", "the $349 plan"),
     * comparisons, "which phase covers X" for every topic, multi-part questions and near misses.
     * Written from the source text before the "answers2" round and tuned on in it: 87.1 % before,
     * 97.0 % after. The floor sits a little below the measured figure.
     */
    @Test
    void secondDevSetInOtherVoicesIsAnswered() throws IOException {
        assertAccuracyAtLeast(AnswerQuality.load("/knowledge/paraphrase-dev2.jsonl"), 0.95);
    }

    /**
     * A fifth set (216 questions, 39 out of scope) in styles the others lack: bare keyword queries
     * ("boot.dev price", "fso cost"), non-native English, indirect questions ("I'd like to know
     * whether..."), a number from the source asked about ("what's the $349?"), "explain X", "is X in
     * the roadmap", yes/no questions, every course's format, instructors and hours, the FAQ twice
     * over, and near misses ("boot.dev's student discount"). Written from the source text before
     * the "answers3" round and tuned on in it: 93.1 % before, 97.2 % after.
     */
    @Test
    void thirdDevSetInTerseAndIndirectVoicesIsAnswered() throws IOException {
        assertAccuracyAtLeast(AnswerQuality.load("/knowledge/paraphrase-dev3.jsonl"), 0.95);
    }

    /**
     * A third set (150 questions, 30 out of scope) written from the source text alone before the
     * retrieval work of the "answers" branch, and never tuned on: measured 84.0 % before that work,
     * 93.3 % after. The floor sits a little below the measured figure.
     */
    @Test
    void freshParaphrasesNeverTunedOnAreAnswered() throws IOException {
        assertAccuracyAtLeast(AnswerQuality.load("/knowledge/paraphrase-fresh.jsonl"), 0.9);
    }

    private static void assertAccuracyAtLeast(List<AnswerQuality.Case> cases, double floor) {
        List<AnswerQuality.Miss> misses = AnswerQuality.misses(answers, cases);
        double accuracy = 1.0 - (double) misses.size() / cases.size();
        assertThat(accuracy).as("accuracy; misses: %s", misses.stream().map(m -> m.testCase().question()).toList())
                .isGreaterThanOrEqualTo(floor);
    }
}
