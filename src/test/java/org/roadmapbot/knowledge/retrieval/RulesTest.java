package org.roadmapbot.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of knowledge/rules.json against each of its examples and counterexamples, one by one. */
class RulesTest {

    private static final Rules RULES = Rules.load();

    static Stream<Arguments> examples() {
        return RULES.all().stream().flatMap(r -> r.examples().stream().map(e -> Arguments.of(r.id(), e)));
    }

    static Stream<Arguments> counterexamples() {
        return RULES.all().stream().flatMap(r -> r.counterexamples().stream().map(e -> Arguments.of(r.id(), e)));
    }

    private static Rule rule(String id) {
        return RULES.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} matches \"{1}\"")
    @MethodSource("examples")
    void ruleMatchesItsExample(String id, String example) {
        assertThat(rule(id).matches(example))
                .as("rule %s on \"%s\"", id, example)
                .isTrue();
    }

    @ParameterizedTest(name = "{0} leaves \"{1}\" alone")
    @MethodSource("counterexamples")
    void ruleLeavesItsCounterexampleAlone(String id, String counterexample) {
        assertThat(rule(id).matches(counterexample))
                .as("rule %s on \"%s\"", id, counterexample)
                .isFalse();
    }

    @Test
    void everyRuleExplainsItselfAndHasACounterexampleOrAnIntent() {
        for (Rule r : RULES.all()) {
            assertThat(r.why()).as(r.id()).isNotBlank();
            assertThat(r.examples()).as(r.id()).isNotEmpty();
        }
        assertThat(RULES.all().stream().map(Rule::id).distinct().count())
                .isEqualTo(RULES.all().size());
    }

    @Test
    void aRuleWithoutExamplesDoesNotLoad() {
        assertThatThrownBy(() -> new Rule("bare", "no reason", "x", "decline", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no examples");
        assertThatThrownBy(() -> new Rule("broken", "why", "(", "decline", List.of("("), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken pattern");
    }

    @Test
    void phasesAreReadFromNumbersOrdinalsAndMonths() {
        assertThat(RULES.phases("what's in the third phase")).containsExactly(new Rules.PhaseReference("phase", 3));
        assertThat(RULES.phases("I'm in month 5")).containsExactly(new Rules.PhaseReference("month", 5));
        assertThat(RULES.phases("the final stage")).containsExactly(new Rules.PhaseReference("last", 0));
        assertThat(RULES.phases("how many phases are there")).isEmpty();
    }

    @Test
    void rewritesNameGoTheLanguageAndTopTheOdinProject() {
        assertThat(RULES.rewrite("which course teaches Go?")).contains("golang");
        assertThat(RULES.rewrite("should I go to college")).doesNotContain("golang");
        assertThat(RULES.rewrite("is TOP free")).isEqualTo("is odin free");
    }

    @Test
    void aMultiPartQuestionSplitsWhereTheSecondQuestionStarts() {
        assertThat(RULES.parts("how much is boot.dev and what does it teach?"))
                .containsExactly("how much is boot.dev", "what does it teach?");
        assertThat(RULES.parts("node and express")).containsExactly("node and express");
    }

    @Test
    void whatFollowsAQuestionAndAsksNothingIsNoPart() {
        String story = "curious: what's the US median pay for software devs? want to show my partner lol";
        assertThat(RULES.parts(story)).containsExactly(story);
        // Counterexamples: each of these asks again.
        assertThat(RULES.parts("who teaches node? how long is it"))
                .containsExactly("who teaches node", "how long is it");
        assertThat(RULES.parts("scrimba price? hours?")).containsExactly("scrimba price", "hours?");
    }
}
