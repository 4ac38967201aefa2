package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerServiceTest {

    private static AnswerService answers;

    @BeforeAll
    static void load() {
        answers = new AnswerService(KnowledgeLoader.loadBundled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"how much is boot.dev a month", "bootdev pricing??", "what does boot dev cost per year"})
    void priceParaphrasesFindBootDev(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.sources()).contains("boot-dev-backend");
        assertThat(answer.text()).contains("$49").contains("$349");
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's in the third phase", "what do i study in months 5 and 6", "phase three topics"})
    void phaseReferencesInWordsAndMonths(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.sources()).first().isEqualTo("phase-3");
        assertThat(answer.text()).contains("Production Backend Skills");
    }

    @Test
    void typosStillFindTheEntry() {
        Answer answer = answers.answer("whats the median salery for software devs");
        assertThat(answer.text()).contains("133,080");
    }

    @Test
    void answerNamesItsSourceEntry() {
        Answer answer = answers.answer("who teaches TypeScript on Scrimba?");
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("Rachel Johnson").contains("Source: ").contains("(entry `" + answer.sources().get(0) + "`)");
    }

    @Test
    void questionComparingTwoCoursesAnswersBoth() {
        Answer answer = answers.answer("which is cheaper, scrimba or boot.dev?");
        assertThat(answer.sources()).contains("scrimba-backend-path", "boot-dev-backend");
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's the weather like in Paris?", "tell me a joke", "write me a poem about cats",
            "how do I reverse a linked list in java", "who won the world cup", "what is the capital of Japan",
            "how much do iOS developers earn", "is Udemy's Node course good?", "", "???", "@everyone"})
    void outOfScopeQuestionsGetAnHonestNoAnswer(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.found()).isFalse();
        assertThat(answer.sources()).isEmpty();
        assertThat(answer.text()).contains("I don't have anything about that").contains("/help");
    }

    /** An attribute the data states for no such thing: related facts must not pose as the answer. */
    @ParameterizedTest
    @ValueSource(strings = {"how much do site reliability folks at devops earn", "what's the pay for a data engineer",
            "how many hours is the freecodecamp certification", "how much does docker cost"})
    void attributeOfANamedThingTheDataLacksIsNotAnswered(String question) {
        assertThat(answers.answer(question).found()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"who teaches typescript on scrimba", "how much does scrimba cost"})
    void attributeTheDataStatesIsStillAnswered(String question) {
        assertThat(answers.answer(question).sources()).contains("scrimba-backend-path");
    }

    @Test
    void requestsToProduceSomethingAreNotQuestions() {
        assertThat(answers.answer("write a poem about redis caching").found()).isFalse();
    }

    @Test
    void aLongStoryDoesNotHideItsQuestion() {
        Answer answer = answers.answer("so I've been stocking shelves in a supermarket for years, my shifts are long and "
                + "honestly I'm exhausted, and I was wondering whether I need a computer science degree to get hired?");
        assertThat(answer.sources()).contains("faq-degree");
    }
}
