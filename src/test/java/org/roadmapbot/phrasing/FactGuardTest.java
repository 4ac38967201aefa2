package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.KnowledgeBase;

class FactGuardTest {

    private static final KnowledgeBase KB = GuardCases.knowledge();
    static final GuardVocabulary VOCABULARY =
            GuardVocabulary.of(KB, PromptTemplates.loadBundled().instructionsText());

    private static final String SALARY = "**What salary can a backend developer expect?**\n"
            + "Software developers earn a median of $133,080 per year in the US (May 2024), with 15% job growth "
            + "projected through 2034. Web developers and digital designers earn a median of $98,090 per year.";
    private static final String SCRIMBA = "Pro costs $24.50/mo on the annual plan ($294/year). Named instructors: "
            + "Tom Chant teaches Node.js and Express, and the free course is Learn Node.js (3.5 hrs).";

    private static FactGuard guard(String facts) {
        return new FactGuard(List.of(new Fact("test", facts)), List.of(), "", VOCABULARY);
    }

    @Test
    void keepsTheNumbersPricesAndNamesOfTheFacts() {
        assertThat(guard(SALARY).keepList()).containsExactly("$133,080", "2024", "15%", "2034", "$98,090", "US");
        assertThat(guard("Most learners need 6-10 months.").keepList()).containsExactly("6-10");
        assertThat(guard(SCRIMBA).keepList())
                .contains("$24.50", "$294", "3.5", "Node.js", "Express", "Chant")
                .doesNotContain("Pro", "Named", "Tom"); // sentence starts are not names
    }

    @Test
    void acceptsAFaithfulRewording() {
        assertThat(
                        guard(SALARY)
                                .check(
                                        "Good news! In the US, software developers earned a median of $133,080 a year "
                                                + "(May 2024), and 15% more jobs are expected by 2034. Web developers and designers: $98,090."))
                .isEmpty();
        // A price written without commas, or in words of the currency, is the same number.
        assertThat(guard("It costs $1,250 in total.").check("You pay $1250.")).isEmpty();
        assertThat(guard(SALARY).check(SALARY.replace("$133,080", "133,080 dollars")))
                .isEmpty();
        // Numbered lists are layout, not new numbers.
        assertThat(guard("Learn Node.js in 4 hrs.").check("1. Learn Node.js\n2. It takes 4 hrs."))
                .isEmpty();
    }

    @Test
    void rejectsChangedDroppedOrInventedNumbers() {
        FactGuard guard = guard(SALARY);
        String good = "In the US: $133,080 (May 2024), 15% growth to 2034, web developers $98,090.";
        assertThat(guard.check(good)).isEmpty();
        assertThat(reason(guard.check(good.replace("$133,080", "$133,000")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("$98,090", "about a hundred thousand"))))
                .contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good + " Seniors earn $180,000."))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("$133,080", "133,080%")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("US", "UK")))).contains(LlmPhraser.Reason.NEW_NAME);
        FactGuard range = guard("Most learners need 6-10 months.");
        assertThat(range.check("It takes 6 to 10 months.")).isEmpty();
        assertThat(range.check("It takes six to ten months.")).isEmpty();
        assertThat(range.check("It takes between 6 and 10 months.")).isEmpty();
        assertThat(reason(range.check("It takes 6-12 months."))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(range.check("It takes 6 months."))).contains(LlmPhraser.Reason.CHANGED_FACTS);
    }

    @Test
    void aNumberMustKeepItsPeriodAndPace() {
        FactGuard price = guard("Pricing is $49/month, or $349/year ($29/month equivalent).");
        assertThat(price.check("It's $49 a month or $349 annually, about $29 monthly."))
                .isEmpty();
        assertThat(reason(price.check("It's $349 a month or $49 a year, about $29 monthly.")))
                .contains(LlmPhraser.Reason.CHANGED_FACTS);
        FactGuard pace = guard("Most learners need 6-10 months full-time, or 10-15 months part-time.");
        assertThat(pace.check("Part-time it's 10-15 months; full-time, 6-10.")).isEmpty();
        assertThat(reason(pace.check("Part-time it's 6-10 months; full-time, 10-15.")))
                .contains(LlmPhraser.Reason.CHANGED_FACTS);
    }

    @Test
    void rejectsLinksMentionsAndInstructionEchoes() {
        FactGuard guard = guard("Learn Node.js in 4 hrs.");
        String good = "Learn Node.js in 4 hrs.";
        for (String bad : new String[] {
            "@everyone " + good,
            good + " @here",
            good + " <@123456>",
            good + " <@&42>",
            good + " <#99>",
            good + " see https://evil.example",
            good + " at scrimba.com",
            good + " [here](http://x.io)"
        }) {
            assertThat(reason(guard.check(bad))).as(bad).contains(LlmPhraser.Reason.LINK_OR_MENTION);
        }
        assertThat(reason(guard.check(good + " <facts> were given"))).contains(LlmPhraser.Reason.LEAK);
        assertThat(reason(guard.check(
                        good + " My rules: keep every number, price, range and name exactly as the facts write it.")))
                .contains(LlmPhraser.Reason.LEAK);
        // A link that is in the data may stay.
        assertThat(guard("Docs: https://nodejs.org/en/docs").check("See https://nodejs.org/en/docs"))
                .isEmpty();
    }

    @Test
    void namesFromTheQuestionMayBeRepeatedButNoOtherNewOnes() {
        List<Fact> facts = List.of(new Fact("boot-dev", "boot.dev costs $49/month."));
        FactGuard asked = new FactGuard(facts, List.of(), "is boot.dev cheaper than Codecademy?", VOCABULARY);
        assertThat(asked.check("The guide doesn't cover Codecademy; boot.dev costs $49 a month."))
                .isEmpty();
        assertThat(reason(guard("boot.dev costs $49/month.").check("Unlike Codecademy, boot.dev costs $49 a month.")))
                .contains(LlmPhraser.Reason.NEW_NAME);
    }

    @Test
    void disguisedCharactersAndBrandLikeNamesAreRefused() {
        FactGuard guard = guard("Learn Node.js in 4 hrs. It is free.");
        assertThat(guard.check("Learn Node.js in 4 hrs — it’s free… 🚀")).isEmpty();
        assertThat(reason(guard.check("Learn Node.js in 4 hrs. It is \uD835\uDDD9ree.")))
                .contains(LlmPhraser.Reason.HIDDEN_CHARACTERS);
        assertThat(reason(guard.check("Learn Node.js in 4 hrs. It is free\u00AD.")))
                .contains(LlmPhraser.Reason.HIDDEN_CHARACTERS);
        assertThat(reason(guard.check("Learn Node.js in 4 hrs. It is free, like Web3.")))
                .contains(LlmPhraser.Reason.NEW_NAME);
        assertThat(reason(guard.check("Learn Node.js in 4 hrs. It is free on x.ai.")))
                .contains(LlmPhraser.Reason.LINK_OR_MENTION);
    }

    @Test
    void nudgeFactsMayBeUsedButNeedNotBeKept() {
        FactGuard guard = new FactGuard(
                List.of(new Fact("nudge", "You finished 5 of 12 topics.")),
                List.of(new Fact("phase-2", "Phase 2 takes 3-4 months.")),
                "",
                VOCABULARY);
        assertThat(guard.check("Great: 5 of 12 topics done!")).isEmpty();
        assertThat(guard.check("Great: 5 of 12 topics done! Phase 2 takes 3-4 months."))
                .isEmpty();
        assertThat(reason(guard.check("Great: 5 of 12 topics done in 7 days!")))
                .contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check("Great: 12 of 5 topics done!"))).contains(LlmPhraser.Reason.CHANGED_FACTS);
    }

    @Test
    void everyEntryOfTheRealDataPassesItsOwnGuard() {
        // The identity rewording must never be rejected, or phrasing would silently never happen.
        for (Entry entry : Entries.of(KB)) {
            Fact fact = Fact.ofEntry(entry.id(), entry.answer());
            FactGuard guard = new FactGuard(List.of(fact), List.of(), entry.title(), VOCABULARY);
            assertThat(guard.check(fact.text())).as(entry.id()).isEmpty();
        }
    }

    @Test
    void theCitationLineIsNoFactToReword() {
        Fact fact = Fact.ofEntry(
                "salary-web-developers",
                "Web developers earn $98,090 per year.\nSource: U.S. Bureau of Labor Statistics.");
        assertThat(fact.text()).isEqualTo("Web developers earn $98,090 per year.");
    }

    private static Optional<LlmPhraser.Reason> reason(Optional<FactGuard.Violation> violation) {
        return violation.map(FactGuard.Violation::reason);
    }
}
