package org.roadmapbot.knowledge.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Whether the best document answers the question, and which others join it: a logistic model over
 * a few features of the search, with the field boosts, the decision threshold and the tie ratio.
 * Every number is fitted on the tuning questions by {@code FitAnswerPolicy} (test sources) and read
 * from {@code knowledge/answer-policy.json}; none is set by hand.
 *
 * @param fieldBoosts BM25 boost per field (title, asked, text)
 * @param weights     logistic weights per feature name ({@link Features#names()}), plus "bias"
 * @param threshold   answer when the probability is at least this
 * @param tieRatio    another document of the same kind joins the answer at this share of the best score
 * @param fittedOn    the question sets the numbers were fitted on (documentation)
 * @param crossValidatedAccuracy the fit's accuracy on held-out folds (documentation)
 * @param support     logistic weights per feature name ({@link Support#names()}), plus "bias": whether the
 *                    facts an answer shows state what the question asks; empty, every answer is supported
 * @param supportCrossValidatedAccuracy the support fit's accuracy on held-out folds (documentation)
 */
public record AnswerPolicy(
        Map<String, Double> fieldBoosts,
        Map<String, Double> weights,
        double threshold,
        double tieRatio,
        List<String> fittedOn,
        double crossValidatedAccuracy,
        Map<String, Double> support,
        double supportCrossValidatedAccuracy) {

    public AnswerPolicy {
        support = support == null ? Map.of() : support;
    }

    /** A policy without a support check (every composed answer is taken to state what was asked). */
    public AnswerPolicy(
            Map<String, Double> fieldBoosts,
            Map<String, Double> weights,
            double threshold,
            double tieRatio,
            List<String> fittedOn,
            double crossValidatedAccuracy) {
        this(fieldBoosts, weights, threshold, tieRatio, fittedOn, crossValidatedAccuracy, Map.of(), 0);
    }

    /** The same policy with these support weights. */
    public AnswerPolicy withSupport(Map<String, Double> supportWeights, double crossValidated) {
        return new AnswerPolicy(
                fieldBoosts,
                weights,
                threshold,
                tieRatio,
                fittedOn,
                crossValidatedAccuracy,
                supportWeights,
                crossValidated);
    }

    public static final String RESOURCE = "/knowledge/answer-policy.json";

    public static AnswerPolicy load() {
        try (InputStream in = AnswerPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, AnswerPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the policy sees of a search.
     *
     * @param coverage share (0..1) of the weight of the question's known words that the best document has
     * @param reach    share (0..1) of the weight of all the question's words that the best document has (a word
     *                 no document has weighs the most)
     * @param score    the best document's BM25 score
     * @param specific the weight of the most specific word the best document matches, as a share of the highest
     *                 weight a word can have ("the best pizza" matches only "best", which every course has)
     * @param missed   the weight of the most specific known word the best document lacks, as a share of the
     *                 highest weight a word can have ("ORM for Go": the ORM entry lacks "Go")
     * @param unknown  words no document has that are ordinary English (or one typo from it): often chat
     * @param unknownShare the share of the question's words that no document has
     * @param foreign  words that are neither in the index nor English, nor a typo of either ("kubernetes")
     * @param margin   how far the best score is ahead of the second, as a share of the best
     * @param guide    the weight of the most specific word the best document matches that is the guide's own
     *                 rather than everyday English ("scrimba", "salary", "docker", not "best", "long", "games"),
     *                 as a share of the highest weight; 0 when it matches only everyday words
     * @param strange  words no document has that are English but not everyday ("pizza", "guitar", "founded"):
     *                 what the question is about, when nothing else of it is the guide's
     */
    public record Features(
            double coverage,
            double reach,
            double score,
            double specific,
            double missed,
            double unknown,
            double unknownShare,
            double foreign,
            double margin,
            double guide,
            double strange) {

        /**
         * The model's inputs: the features, and two interactions a linear model cannot form by itself, "a word
         * the guide doesn't use, and only everyday words matched" ("best guitar for a beginner").
         */
        public static List<String> names() {
            return List.of(
                    "coverage",
                    "reach",
                    "score",
                    "specific",
                    "missed",
                    "unknown",
                    "unknownShare",
                    "foreign",
                    "margin",
                    "guide",
                    "strange",
                    "unknownEverydayMatch",
                    "strangeEverydayMatch");
        }

        public double[] values() {
            return new double[] {
                coverage,
                reach,
                Math.log1p(score),
                specific,
                missed,
                Math.min(unknown, 4),
                unknownShare,
                Math.min(foreign, 2),
                margin,
                guide,
                Math.min(strange, 2),
                unknown > 0 && guide == 0 ? 1 : 0,
                strange > 0 && guide == 0 ? 1 : 0
            };
        }
    }

    /**
     * What the support check sees of a composed answer: the question's aspect (its words, in the asking
     * clause of a chatty message, that name none of the answer's entries) against the facts shown.
     *
     * @param stated     share (0..1) of the aspect's weight that the shown facts state (1 with no aspect)
     * @param unstatedKnown the weight of the most specific aspect word the shown facts lack though the data uses
     *                   it elsewhere, as a share of the highest weight ("certificate" asked of a course without one)
     * @param unstatedUnknown English aspect words of five letters or more that no document has ("refund", "founded")
     * @param unstatedShort other aspect words no document has: shorter ones, misspellings, text-speak ("thru",
     *                   "recomend", "gimme"); as often noise as a name ("ceo")
     * @param aspects    how many aspect words the question has
     * @param structured 1 when the answer was computed from the data's fields, 0 when retrieved
     * @param named      1 when the question names an entry of the answer ("who founded Scrimba" names Scrimba's)
     * @param compared   1 when the question compares (its sides name entries, not aspects)
     * @param unstatedStrange the unstated aspect words no document has that are English but not everyday
     *                   ("founded", "refunds", "laptop"; not "love", "supposed", "happens")
     * @param guide      1 when a word of the question's focus that the answer's entries have is the guide's own
     *                   rather than everyday English ("scrimba", "salary"; not "cheapest", "long", "start")
     * @param kindMissing 1 when the asking clause asks for a kind of thing (a course) and no entry of the answer is
     *                   one or belongs to one ("which Spring Boot course…" answered with the Spring Boot stack): not
     *                   weighed but decisive ({@link #supports}), since the tuning sets have no right answer so
     *                   (a fitted weight on a feature this rare stays small under any regularisation)
     */
    public record Support(
            double stated,
            double unstatedKnown,
            double unstatedUnknown,
            double unstatedShort,
            double aspects,
            double structured,
            double named,
            double compared,
            double unstatedStrange,
            double guide,
            double kindMissing) {

        public static List<String> names() {
            return List.of(
                    "stated",
                    "unstatedKnown",
                    "unstatedUnknown",
                    "unstatedShort",
                    "aspects",
                    "structured",
                    "named",
                    "namedNothingStated",
                    "compared",
                    "unstatedStrange",
                    "guide",
                    "strangeNoGuide");
        }

        public double[] values() {
            return new double[] {
                stated,
                unstatedKnown,
                Math.min(unstatedUnknown, 3),
                Math.min(unstatedShort, 3),
                Math.min(aspects, 6),
                structured,
                named,
                named * (stated == 0 && aspects > 0 ? 1 : 0),
                compared,
                Math.min(unstatedStrange, 2),
                guide,
                unstatedStrange > 0 && guide == 0 ? 1 : 0
            };
        }
    }

    public double probability(Features f) {
        return logistic(weights, Features.names(), f.values());
    }

    public boolean answers(Features f) {
        return probability(f) >= threshold;
    }

    public double supportProbability(Support s) {
        return logistic(support, Support.names(), s.values());
    }

    /**
     * Whether the answer's facts state what the question asks: never when it asks for a kind of thing the answer
     * has none of; else by the fitted weights (always, without them).
     */
    public boolean supports(Support s) {
        return s.kindMissing() == 0 && (support.isEmpty() || supportProbability(s) >= threshold);
    }

    private static double logistic(Map<String, Double> weights, List<String> names, double[] values) {
        double z = weights.getOrDefault("bias", 0.0);
        for (int i = 0; i < values.length; i++) {
            z += weights.getOrDefault(names.get(i), 0.0) * values[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
