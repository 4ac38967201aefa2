package org.roadmapbot.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer type of knowledge/answer-types.json against each of its examples and counterexamples (the cue),
 * and each of its instances and non-instances (facts that do or don't give what its first example asks), one by one.
 */
class AnswerTypesTest {

    private static final AnswerTypes TYPES = AnswerTypes.load(KnowledgeAnalyzer.create());

    private static AnswerTypes.Type type(String id) {
        return TYPES.all().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static AnswerTypes.Asked askedBy(String id, String question) {
        return TYPES.asked(question).stream()
                .filter(a -> a.type().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not asked by \"" + question + "\""));
    }

    static Stream<Arguments> examples() {
        return TYPES.all().stream().flatMap(t -> t.examples().stream().map(e -> Arguments.of(t.id(), e)));
    }

    static Stream<Arguments> counterexamples() {
        return TYPES.all().stream().flatMap(t -> t.counterexamples().stream().map(e -> Arguments.of(t.id(), e)));
    }

    static Stream<Arguments> instances() {
        return TYPES.all().stream().flatMap(t -> t.instances().stream().map(e -> Arguments.of(t.id(), e)));
    }

    static Stream<Arguments> nonInstances() {
        return TYPES.all().stream().flatMap(t -> t.nonInstances().stream().map(e -> Arguments.of(t.id(), e)));
    }

    @ParameterizedTest(name = "{0} is asked by \"{1}\"")
    @MethodSource("examples")
    void typeIsAskedByItsExample(String id, String example) {
        assertThat(TYPES.asked(example))
                .as("types asked by \"%s\"", example)
                .anyMatch(a -> a.type().id().equals(id));
    }

    @ParameterizedTest(name = "{0} is not asked by \"{1}\"")
    @MethodSource("counterexamples")
    void typeIsNotAskedByItsCounterexample(String id, String counterexample) {
        assertThat(TYPES.asked(counterexample)).noneMatch(a -> a.type().id().equals(id));
    }

    @ParameterizedTest(name = "{0} is given by \"{1}\"")
    @MethodSource("instances")
    void anInstanceGivesWhatTheFirstExampleAsks(String id, String fact) {
        assertThat(TYPES.present(askedBy(id, type(id).examples().get(0)), List.of(fact)))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} is not given by \"{1}\"")
    @MethodSource("nonInstances")
    void aNonInstanceDoesNotGiveIt(String id, String fact) {
        assertThat(TYPES.present(askedBy(id, type(id).examples().get(0)), List.of(fact)))
                .isFalse();
    }

    @Test
    void everyTypeExplainsItselfAndSaysWhatIsMissing() {
        for (AnswerTypes.Type t : TYPES.all()) {
            assertThat(t.why()).as(t.id()).isNotBlank();
            assertThat(t.says()).as(t.id()).contains("{about}");
            assertThat(t.instances()).as(t.id() + " instances").isNotEmpty();
            assertThat(t.nonInstances()).as(t.id() + " non-instances").isNotEmpty();
        }
        assertThat(TYPES.all().stream().map(AnswerTypes.Type::id).distinct().count())
                .isEqualTo(TYPES.all().size());
    }

    @Test
    void aCountNeedsItsOwnUnitNotAnyNumber() {
        AnswerTypes.Asked lessons = askedBy("count", "how many lessons are in the odin path");
        assertThat(lessons.word()).startsWith("lessons");
        assertThat(TYPES.present(lessons, List.of("Learn Node.js, 3.5 hrs, taught by Tom Chant.")))
                .isFalse();
        AnswerTypes.Asked hours = askedBy("count", "how many hours is learn node");
        assertThat(TYPES.present(hours, List.of("Learn Node.js, 3.5 hrs, taught by Tom Chant.")))
                .isTrue();
        assertThat(TYPES.missing("how many lessons are in the odin path", List.of("It is free.")))
                .map(a -> a.says("The Odin Project"))
                .contains("how many lessons there are for The Odin Project");
    }

    @Test
    void aTypeWithoutExamplesOrWithABrokenPatternDoesNotLoad() {
        assertThatThrownBy(() -> new AnswerTypes.Type(
                        "bare", "why", "x", "pattern", "y", "{about}", List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no examples");
        assertThatThrownBy(() -> new AnswerTypes.Type(
                        "broken", "why", "(", "pattern", "y", "{about}", List.of("("), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken pattern");
    }
}
