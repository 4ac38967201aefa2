package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

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
        assertThat(answer.sources()).containsExactly("boot-dev-backend");
        assertThat(answer.text()).contains("$49").contains("$349");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Long story: I spent last winter on Codecademy and a bit of Svelte. Which frameworks does the guide "
                        + "suggest for Python in phase 2?",
                "ok so I finished a Udemy bootcamp on Flutter!! anyway, what frameworks should I learn for the Python "
                        + "track in phase 2? thanks"
            })
    void namesOfOtherThingsInTheStoryDoNotDeclineTheQuestionAfterIt(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.sources()).as(answer.text()).isNotEmpty();
        assertThat(answer.text()).containsAnyOf("Flask", "FastAPI", "Django");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I did a little PHP at school. How do I deploy a Laravel app with Forge?",
                "Quick one before I start. What about Laravel, where does it fit in phase 2?"
            })
    void namesOfOtherThingsInTheAskingSentenceStillDecline(String question) {
        assertThat(answers.answer(question).sources()).isEmpty();
    }

    @Test
    void aCourseAskedForWhereTheGuideNamesNoneIsUnstated() {
        // The guide covers Django and Spring Boot as stacks but names no course for them.
        Answer django = answers.answer("is there a course for Django in the guide?");
        assertThat(django.sources()).isEmpty();
        assertThat(django.text()).startsWith("The guide doesn't say which course to take for Python + Django");
        assertThat(answers.answer("which course teaches Spring Boot?").sources())
                .isEmpty();
        // Counterexamples: a course asked for and answered with courses.
        assertThat(answers.answer("what is the best node course").sources()).contains("scrimba-backend-path");
        assertThat(answers.answer("is boot.dev a gamified course?").sources()).containsExactly("boot-dev-backend");
    }

    @Test
    void aStoryAroundTheQuestionInLowerCaseSentencesIsNotAsked() {
        // The question's sentence starts in lower case after a full stop, and the story goes on after it.
        assertThat(answers.answer(
                                "ugh, my API works on my machine but everything is hardcoded lol. which phase deals "
                                        + "with env configs and secrets? started learning this weekend after watching a fireship vid")
                        .text())
                .contains("Phase 3");
        // Counterexample: a name the guide never uses in the asking sentence itself still declines.
        assertThat(answers.answer(
                                "started learning this weekend. which phase deals with kubernetes? asking for a friend")
                        .sources())
                .isEmpty();
    }

    @Test
    void aTypoOfAWordOnlyTheRulesReadIsCorrected() {
        // "length" is in no entry but the hours rule reads it (its examples): "lenght" is corrected to it.
        assertThat(answers.answer("express js course lenght on scrimba?").text())
                .contains("4 hrs");
        // Counterexample: a contraction without its apostrophe is not taken for half of one ("havent" is no "haven").
        assertThat(answers.answer("i havent started anything yet, whats my first step")
                        .text())
                .contains("Phase 1");
    }

    @Test
    void aPaidCourseAskedWhetherItIsFreeIsNo() {
        Answer bootDev = answers.answer("is boot.dev free?");
        assertThat(bootDev.sources()).containsExactly("boot-dev-backend");
        assertThat(bootDev.text()).startsWith("No, ").contains("$49/month");
        // Counterexample: a free course is free.
        assertThat(answers.answer("is the odin project free?").text()).startsWith("Yes");
    }

    @Test
    void aChoiceBetweenThingsTheGuideDoesNotNameIsDeclined() {
        assertThat(answers.answer("best logging lib for structured logs in node, pino or winston")
                        .sources())
                .isEmpty();
        assertThat(answers.answer("gin or echo for go?").sources()).isEmpty();
        // Counterexamples: choices between things the guide names, or between a course's plans.
        assertThat(answers.answer("should I learn node or python?").sources()).contains("faq-node-or-python");
        assertThat(answers.answer("Is boot.dev cheaper if I pay monthly or yearly?")
                        .text())
                .contains("349");
    }

    @Test
    void aNeedStatedInAStoryIsAskedAsTheGuidesConcept() {
        // The member's situation ("I lose focus fast", "ugh") is no subject of the guide's; the need a rule knows is.
        assertThat(answers.answer("honestly I lose focus fast, I want lessons that feel like a game")
                        .sources())
                .containsExactly("boot-dev-backend");
        assertThat(answers.answer("ugh, my stripe keys are hardcoded in the app, what do I study?")
                        .sources())
                .contains("secrets-management");
        assertThat(answers.answer("my team keeps pushing raw SQL strings around and typos break things")
                        .sources())
                .contains("orm-prisma-drizzle");
        // Counterexample: a story with no need a rule knows stays declined.
        assertThat(answers.answer("honestly I lose focus fast, any tips for my garden?")
                        .sources())
                .isEmpty();
    }

    @Test
    void anAttributeAskedOfSomethingTheGuideDoesNotNameGoesToTheSearch() {
        // "opening" is an attribute of the guide's roles (job openings), but a chess opening is something else.
        assertThat(answers.answer("what's the best chess opening to learn?").sources())
                .isEmpty();
        // Counterexamples: the guide's own subjects keep their figures.
        assertThat(answers.answer("what share of developers use Python?").sources())
                .containsExactly("survey-python");
        assertThat(answers.answer("how many job openings are there for software developers?")
                        .sources())
                .containsExactly("openings-software-developers");
    }

    @Test
    void aSubjectTheGuideCoversElsewhereIsNotAnsweredFromAnEntryThatNeverMentionsIt() {
        // The FAQ gives how long backend takes, not Flask; the guide covers Flask in another entry.
        Answer flask = answers.answer("how long does it take to learn Flask?");
        assertThat(flask.sources()).isEmpty();
        assertThat(flask.text())
                .startsWith("The guide doesn't say anything about \u201cFlask\u201d in the FAQ \u201cHow long")
                .doesNotContain("?\u201d.");
        // Counterexamples: the FAQ's own subject, and a choice between two things the answer takes one side of.
        assertThat(answers.answer("how long does it take to learn backend?").sources())
                .containsExactly("faq-how-long");
        assertThat(answers.answer("prisma or sqlalchemy for a python api?").sources())
                .containsExactly("orm-sqlalchemy");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "best drum kit for beginners",
                "what is the best pizza in town",
                "how long should I cook pasta",
                "good hiking boots for beginners",
                "how do I start a podcast",
            })
    void aQuestionThatSharesOnlyEverydayWordsWithTheGuideIsDeclined(String question) {
        // "best", "long" and "start" are words of the guide, but everyday ones; "drum", "pasta" are not the guide's.
        // "how do I start …" is a personal question only when nothing in it names something else.
        assertThat(answers.answer(question).sources()).isEmpty();
    }

    @Test
    void aCertificateThatRequiresProjectsNamesThem() {
        assertThat(answers.answer("Does the freeCodeCamp cert include a URL shortener project?")
                        .text())
                .contains("requires five projects: Timestamp Microservice")
                .contains("URL Shortener")
                .doesNotContain("..");
        // A certificate that requires no projects is said as the guide says it.
        assertThat(answers.answer("does scrimba give a certificate").text())
                .contains("Completion certificates")
                .doesNotContain("requires");
    }

    @Test
    void theQualifiedPartOfAPriceComesFirst() {
        assertThat(answers.answer("boot.dev yearly price").text())
                .startsWith("boot.dev (Backend Learning Path): $349/year");
        assertThat(answers.answer("scrimba annual price").text())
                .startsWith("Scrimba (Backend Developer Path): Pro costs $24.50/mo on the annual plan");
        // Counterexample: no qualifier, the guide's own order.
        assertThat(answers.answer("how much is boot.dev a month").text())
                .startsWith("boot.dev (Backend Learning Path): $49/month");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what's in the third phase",
                "what do i study in months 5 and 6",
                "phase three topics",
                "how long is phase 3"
            })
    void phaseReferencesInWordsAndMonths(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.sources()).first().isEqualTo("phase-3");
        assertThat(answer.text()).contains("Production Backend Skills").contains("months 5-6");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "whats the median salery for software devs",
                "wats the yeraly price of boot.dev",
                "how lnog does phase one take"
            })
    void typosStillFindTheEntry(String question) {
        assertThat(answers.answer(question).found()).isTrue();
        assertThat(answers.answer("whats the median salery for software devs").text())
                .contains("133,080");
        assertThat(answers.answer("wats the yeraly price of boot.dev").text()).contains("$349");
    }

    @Test
    void aFactQuestionGetsTheFactInAFewLinesNamingItsSourceOnce() {
        Answer answer = answers.answer("scrimba hours");
        assertThat(answer.text()).startsWith("Scrimba's Backend Developer Path is 30.1 hours long.");
        // The reply's footer names the source; the text doesn't repeat it.
        assertThat(answer.text()).doesNotContain("Source:");
        Reply reply = AskCommand.toReply(answer);
        assertThat(reply.footer()).startsWith("Source: ").contains("scrimba-backend-path");
        assertThat(reply.content()).doesNotContain("Source:");
        assertThat(answer.text().length()).isLessThan(400);
        assertThat(answer.sources()).containsExactly("scrimba-backend-path");
        Answer teacher = answers.answer("who teaches TypeScript on Scrimba?");
        assertThat(teacher.text()).contains("Rachel Johnson").doesNotContain("Gregor Thomson");
    }

    @Test
    void anAnswerOfTheWrongTypeIsDeclined() {
        // A count of lessons, a founder, credits: the named course's facts hold none, however well they match.
        Answer lessons = answers.answer("how many lessons does the odin project nodejs path have");
        assertThat(lessons.sources()).isEmpty();
        assertThat(lessons.text()).startsWith("The guide doesn't say how many lessons");
        assertThat(answers.answer("who is the founder of boot.dev").sources()).isEmpty();
        assertThat(answers.answer("is fullstack open part 3 worth any ECTS credits")
                        .sources())
                .isEmpty();
        assertThat(answers.answer("how much does render cost to deploy on").sources())
                .isEmpty();
        // The type present: a count of hours, a price, a duration the facts give.
        assertThat(answers.answer("how many hours is the learn node.js course").text())
                .contains("3.5");
        assertThat(answers.answer("how much is boot.dev per month").text()).contains("$49");
        assertThat(answers.answer("how long does phase 3 take").text()).contains("months 5-6");
    }

    @Test
    void aFollowUpWithNothingOfItsOwnAfterAnUnansweredPartIsNotAnswered() {
        assertThat(answers.answer("can I use boot.dev on my phone? is there an app")
                        .sources())
                .isEmpty();
        // A part pointing back at the thing named ("it") is still answered.
        assertThat(answers.answer("can I use boot.dev on my phone, and how much is it?")
                        .text())
                .contains("$49");
    }

    @Test
    void aPhaseOrMonthPastTheRoadmapIsNotAnsweredByAnotherPhase() {
        Answer fifth = answers.answer("what do I learn in phase 6");
        assertThat(fifth.sources()).isEmpty();
        assertThat(fifth.text()).contains("4 phases");
        assertThat(answers.answer("what should I study in month 11").sources()).isEmpty();
        assertThat(answers.answer("what do I learn in phase 4").sources()).contains("phase-4");
    }

    @Test
    void aSuperlativeAboutSomethingElseIsNotAnsweredWithCourses() {
        assertThat(answers.answer("what is the cheapest yoga mat").sources()).isEmpty();
        assertThat(answers.answer("which is the cheapest option?").sources()).isNotEmpty();
    }

    @Test
    void whatTheGuideDoesNotSayIsSaidPlainlyWithNoSources() {
        Answer certificate = answers.answer("does the odin project give a certificate");
        assertThat(certificate.text()).startsWith("The guide doesn't say whether The Odin Project");
        assertThat(certificate.sources()).isEmpty();
        Answer nest = answers.answer("Who teaches the NestJS part of Scrimba's path?");
        assertThat(nest.sources()).isEmpty();
        assertThat(nest.text()).startsWith("The guide doesn't say").contains("Tom Chant");
        assertThat(answers.answer("what percent of developers use TypeScript?").sources())
                .isEmpty();
        assertThat(answers.answer("what's the median salary of a DevOps engineer?")
                        .sources())
                .isEmpty();
    }

    @Test
    void superlativesAndFiltersOverCoursesAreComputed() {
        assertThat(answers.answer("what is the cheapest course").text())
                .contains("cost nothing")
                // The price's own sentences follow as sentences, not after a colon ("cheapest: Two free courses").
                .contains("Scrimba is the cheapest. Two free courses")
                .contains("$24.50/mo");
        assertThat(answers.answer("which is the most expensive course?").sources())
                .containsExactly("boot-dev-backend");
        assertThat(answers.answer("which course teaches Go?").sources()).containsExactly("boot-dev-backend");
        assertThat(answers.answer("which courses are free?").sources())
                .containsExactlyInAnyOrder("freecodecamp-backend-apis", "odin-project-nodejs", "fullstack-open-part3");
        assertThat(answers.answer("what's the longest scrimba course").text()).contains("30.1");
    }

    @Test
    void questionComparingTwoCoursesAnswersBoth() {
        Answer answer = answers.answer("how does scrimba's price compare to boot.dev's?");
        assertThat(answer.sources()).contains("scrimba-backend-path", "boot-dev-backend");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what's the weather like in Paris?",
                "tell me a joke",
                "write me a poem about cats",
                "who won the world cup",
                "what is the capital of Japan",
                "how much do iOS developers earn",
                "is Udemy's Node course good?",
                "at what point should I learn Kubernetes?",
                "",
                "???",
                "@everyone"
            })
    void outOfScopeQuestionsGetAnHonestNoAnswer(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.found()).isFalse();
        assertThat(answer.sources()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is my progress?", "what should I study next?", "how far am I?", "where do I start?"})
    void personalQuestionsBeforeStartingPointToPhaseOne(String question) {
        Answer answer = answers.answer(question);
        assertThat(answer.sources()).containsExactly("phase-1");
        assertThat(answer.text()).contains("Phase 1").contains("/progress start");
        assertThat(answers.personalIntent(question)).isPresent();
    }

    @Test
    void requestsToProduceSomethingAreNotQuestions() {
        assertThat(answers.answer("write a poem about redis caching").found()).isFalse();
    }

    @Test
    void aMultiPartQuestionGetsEachPartBriefly() {
        Answer answer = answers.answer("Who teaches Learn Node.js, how long is it, and is it free?");
        assertThat(answer.text()).contains("Tom Chant").contains("3.5").contains("free");
    }

    @Test
    void theWholeEntryIsOneButtonAway() {
        CommandRouter router = new CommandRouter(List.of(new AskCommand(answers)));
        Reply reply = router.dispatch(new CommandRequest(
                "g", "m", "Ann", false, AskCommand.NAME, null, Map.of(AskCommand.QUESTION, "scrimba hours")));
        assertThat(reply.buttons()).hasSize(1);
        Reply.Button more = reply.buttons().get(0);
        assertThat(more.label()).startsWith("More about");
        Reply whole = router.button(
                new CommandRequest("g", "m", "Ann", false, AskCommand.NAME, null, Map.of()), more.customId());
        assertThat(whole.content())
                .contains("Tom Chant")
                .contains("Rachel Johnson")
                .contains("30.1");
        assertThat(whole.sources()).containsExactly("scrimba-backend-path");
        assertThat(whole.content()).doesNotContain("Source:");
        assertThat(whole.footer()).contains("scrimba-backend-path");
        assertThat(router.button(
                                new CommandRequest("g", "m", "Ann", false, AskCommand.NAME, null, Map.of()),
                                "ask:more:nope")
                        .error())
                .isTrue();
    }
}
