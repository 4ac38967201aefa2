package org.roadmapbot.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index, its spelling and its composition with a second index (a server's own documents). */
class SpellerAndIndexTest {

    private static Analyzer analyzer;
    private static KnowledgeIndex index;
    private static Speller speller;

    @BeforeAll
    static void build() {
        analyzer = KnowledgeAnalyzer.create();
        index = KnowledgeIndex.build(
                analyzer,
                List.of(
                        new KnowledgeIndex.Doc(
                                "how-long", "How long does it take", "", "Most learners are job ready in 6-10 months."),
                        new KnowledgeIndex.Doc(
                                "python", "Python", "", "Python is versatile, with strong demand in data and AI."),
                        new KnowledgeIndex.Doc(
                                "rest", "REST APIs", "", "Build REST APIs from scratch: routing and middleware.")),
                List.of("what", "which", "should", "who", "coder", "covers"));
        speller = new Speller(index, EnglishWords.load(), java.util.Set.of("what", "which", "should", "who"));
    }

    @Test
    void typosAreCorrectedFromTheIndexOwnWords() {
        assertThat(speller.correct("how lnog does it take")).isEqualTo("how long does it take");
        assertThat(speller.correct("pyhton or node")).isEqualTo("python or node");
    }

    @Test
    void textSpeakThatLeavesLettersOutIsReadAsTheWordMeant() {
        // "shud" is two edits from "should": meant, since only letters were left out, first and last kept.
        assertThat(speller.correct("where shud i build rest apis")).isEqualTo("where should i build rest apis");
        // "whos" is one edit from "whom", but it is "who's" without its apostrophe.
        assertThat(speller.correct("whos teaching python")).isEqualTo("who's teaching python");
        assertThat(Speller.droppedLetters("lvls", "levels")).isTrue();
        // Letters out of order, or a first letter lost, are not text-speak.
        assertThat(Speller.droppedLetters("shdo", "should")).isFalse();
        assertThat(Speller.droppedLetters("hud", "should")).isFalse();
    }

    @Test
    void aPluralOfAKnownWordOrAWordWithoutItsAccentIsNotATypo() {
        // "coders" is one edit from "covers" too, but it is "coder" + s.
        assertThat(speller.correct("how many coders")).isEqualTo("how many coders");
        // "café" typed "cafe" is English, not a typo of "care".
        assertThat(EnglishWords.load().contains("cafe")).isTrue();
        assertThat(speller.correct("shifts at a cafe")).isEqualTo("shifts at a cafe");
    }

    @Test
    void aRealWordOrANameTheIndexLacksIsNeverCorrected() {
        // "rust" is one edit from "rest", but it is an English word: a subject of its own.
        assertThat(speller.correct("does it cover rust")).isEqualTo("does it cover rust");
        assertThat(speller.correct("kubernetes")).isEqualTo("kubernetes");
    }

    @Test
    void synonymsAndStemsMeetTheData() {
        List<KnowledgeIndex.Hit> hits = index.search(
                "how long to become job ready",
                KnowledgeAnalyzer.slots(analyzer, "how long to become job ready"),
                Map.of("title", 1.0, "asked", 1.0, "text", 1.0),
                3);
        assertThat(hits.get(0).id()).isEqualTo("how-long");
        assertThat(KnowledgeAnalyzer.terms(analyzer, "Node.js"))
                .isEqualTo(KnowledgeAnalyzer.terms(analyzer, "node js"));
        assertThat(KnowledgeAnalyzer.terms(analyzer, "salaries")).containsAll(KnowledgeAnalyzer.terms(analyzer, "pay"));
    }

    @Test
    void aSecondIndexIsSearchedTogetherWithTheFirst() {
        KnowledgeIndex server = KnowledgeIndex.build(
                analyzer,
                List.of(new KnowledgeIndex.Doc(
                        "faq-office-hours", "Office hours", "when are office hours", "Mentors answer on Fridays.")),
                List.of());
        KnowledgeIndex both = index.with(server);
        String q = "when are the mentors' office hours";
        assertThat(both.search(q, KnowledgeAnalyzer.slots(analyzer, q), Map.of(), 3)
                        .get(0)
                        .id())
                .isEqualTo("faq-office-hours");
        String p = "is python in demand";
        assertThat(both.search(p, KnowledgeAnalyzer.slots(analyzer, p), Map.of(), 3)
                        .get(0)
                        .id())
                .isEqualTo("python");
        assertThat(index.search(q, KnowledgeAnalyzer.slots(analyzer, q), Map.of(), 3))
                .noneMatch(h -> h.id().equals("faq-office-hours"));
    }
}
