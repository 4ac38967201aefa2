package org.roadmapbot.smalltalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every small-talk kind's examples are that kind, its counterexamples are no small talk at all. */
class SmallTalkTest {

    static final SmallTalk SMALL_TALK = SmallTalk.load();

    static Stream<Arguments> examples() {
        return SMALL_TALK.kinds().stream().flatMap(k -> k.examples().stream().map(e -> Arguments.of(k.id(), e)));
    }

    static Stream<Arguments> counterexamples() {
        return SMALL_TALK.kinds().stream()
                .flatMap(k -> k.counterexamples().stream().map(e -> Arguments.of(k.id(), e)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void anExampleIsItsKind(String kind, String example) {
        assertThat(SMALL_TALK.classify(example).map(SmallTalk.Kind::id)).contains(kind);
    }

    @ParameterizedTest(name = "{0}: {1} (a question)")
    @MethodSource("counterexamples")
    void aCounterexampleIsNoSmallTalk(String kind, String counterexample) {
        assertThat(SMALL_TALK.classify(counterexample)).isEmpty();
    }

    @Test
    void everyKindHasCounterexamplesAndAReplyThatPointsOnward() {
        assertThat(SMALL_TALK.kinds())
                .allSatisfy(k -> assertThat(k.counterexamples()).isNotEmpty());
        assertThat(SMALL_TALK.kinds().stream().map(SmallTalk.Kind::id))
                .containsExactly("capabilities", "greeting", "thanks", "farewell", "acknowledgement");
    }

    @Test
    void fillerAloneEmptyTextAndPunctuationAreNoSmallTalk() {
        assertThat(SMALL_TALK.classify("")).isEmpty();
        assertThat(SMALL_TALK.classify("?!")).isEmpty();
        assertThat(SMALL_TALK.classify("so just everyone")).isEmpty();
    }

    @Test
    void theFirstKindAMessageUsesGivesTheReply() {
        assertThat(SMALL_TALK.classify("hi! thanks, what can you do?").map(SmallTalk.Kind::id))
                .contains("capabilities");
        assertThat(SMALL_TALK.classify("ok thanks bye").map(SmallTalk.Kind::id)).contains("thanks");
    }

    @Test
    void wordsAreReadWithoutCaseAccentsPunctuationOrRepeatedLetters() {
        assertThat(SmallTalk.words("Hellooo, WHAT’s up?? 👋 Café")).containsExactly("hello", "whats", "up", "cafe");
    }

    /**
     * No question of any answer test set is taken for small talk: each is either answered from the guide
     * or declined by the answers, not by a greeting.
     */
    @Test
    void noQuestionOfTheAnswerTestSetsIsSmallTalk() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> caught = new ArrayList<>();
        int questions = 0;
        for (String set : List.of(
                "sample-questions",
                "member-dev",
                "member-dev4",
                "heldout-a",
                "heldout-b",
                "heldout-c",
                "heldout-d",
                "heldout-e",
                "nearmiss-f",
                "heldout-g",
                "nearmiss-h",
                "heldout-i",
                "nearmiss-j",
                "heldout-k",
                "offtopic-dev",
                "offtopic-heldout",
                "paraphrase-dev",
                "paraphrase-holdout")) {
            try (InputStream in = SmallTalkTest.class.getResourceAsStream("/knowledge/" + set + ".jsonl")) {
                assertThat(in).as(set).isNotNull();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode q = mapper.readTree(line);
                    questions++;
                    if (SMALL_TALK.classify(q.get("q").asText()).isPresent()) {
                        caught.add(set + ": " + q.get("q").asText());
                    }
                }
            }
        }
        assertThat(questions).isGreaterThan(2000);
        assertThat(caught).isEmpty();
    }
}
