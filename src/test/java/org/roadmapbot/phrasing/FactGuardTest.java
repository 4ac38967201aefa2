package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

class FactGuardTest {

    private static final String SALARY = "**What salary can a backend developer expect?**\n"
            + "Software developers earn a median of $133,080 per year in the US (May 2024), with 15% job growth "
            + "projected through 2034. Web developers and digital designers earn a median of $98,090 per year.";
    private static final String SCRIMBA = "Pro costs $24.50/mo on the annual plan ($294/year). Named instructors: "
            + "Tom Chant teaches Node.js and Express, and the free course is Learn Node.js (3.5 hrs).";
    private static final String INSTRUCTIONS = PromptTemplates.loadBundled().instructionsText();

    @Test
    void keepsTheNumbersPricesAndNamesOfTheFacts() {
        FactGuard guard = new FactGuard(SALARY, "", INSTRUCTIONS);
        assertThat(guard.keepList()).containsExactly("$133,080", "2024", "15%", "2034", "$98,090", "US");
        assertThat(new FactGuard("Most learners need 6-10 months.", "", "").keepList()).containsExactly("6-10");
        assertThat(new FactGuard(SCRIMBA, "", "").keepList())
                .contains("$24.50", "$294", "3.5", "Node.js", "Express", "Chant")
                .doesNotContain("Pro", "Named", "Tom"); // sentence starts are not names
    }

    @Test
    void acceptsAFaithfulRewording() {
        FactGuard guard = new FactGuard(SALARY, "", INSTRUCTIONS);
        assertThat(guard.check("Good news! In the US, software developers earned a median of $133,080 a year "
                + "(May 2024), and 15% more jobs are expected by 2034. Web developers and designers: $98,090.")).isEmpty();
        // A price written without commas is the same number.
        assertThat(new FactGuard("It costs $1,250 in total.", "", "").check("You pay $1250.")).isEmpty();
        // Numbered lists are layout, not new numbers.
        assertThat(new FactGuard("Learn Node.js in 4 hrs.", "", "").check("1. Learn Node.js\n2. It takes 4 hrs.")).isEmpty();
    }

    @Test
    void rejectsChangedDroppedOrInventedNumbers() {
        FactGuard guard = new FactGuard(SALARY, "", INSTRUCTIONS);
        String good = "In the US: $133,080 (May 2024), 15% growth to 2034, web developers $98,090.";
        assertThat(reason(guard.check(good.replace("$133,080", "$133,000")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("$98,090", "about a hundred thousand")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("$133,080", "133,080 dollars")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good + " Seniors earn $180,000."))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        assertThat(reason(guard.check(good.replace("US", "UK")))).contains(LlmPhraser.Reason.CHANGED_FACTS);
        FactGuard range = new FactGuard("Most learners need 6-10 months.", "", "");
        assertThat(range.check("It takes 6-10 months.")).isEmpty();
        assertThat(reason(range.check("It takes 6-12 months."))).contains(LlmPhraser.Reason.CHANGED_FACTS);
    }

    @Test
    void rejectsLinksMentionsAndInstructionEchoes() {
        FactGuard guard = new FactGuard("Learn Node.js in 4 hrs.", "", INSTRUCTIONS);
        String good = "Learn Node.js in 4 hrs.";
        for (String bad : new String[] {"@everyone " + good, good + " @here", good + " <@123456>", good + " <@&42>",
                good + " <#99>", good + " see https://evil.example", good + " at scrimba.com", good + " [here](http://x.io)"}) {
            assertThat(reason(guard.check(bad))).as(bad).contains(LlmPhraser.Reason.LINK_OR_MENTION);
        }
        assertThat(reason(guard.check(good + " <facts> were given"))).contains(LlmPhraser.Reason.LEAK);
        assertThat(reason(guard.check(good + " My rules: keep every number, price, range and name exactly as the facts write it.")))
                .contains(LlmPhraser.Reason.LEAK);
        // A link that is in the data may stay.
        assertThat(new FactGuard("Docs: https://nodejs.org/en/docs", "", "").check("See https://nodejs.org/en/docs")).isEmpty();
    }

    @Test
    void nudgeFactsMayBeUsedButNeedNotBeKept() {
        FactGuard guard = new FactGuard("You finished 5 of 12 topics.", "Phase 2 takes 3-4 months.", "");
        assertThat(guard.check("Great: 5 of 12 topics done!")).isEmpty();
        assertThat(guard.check("Great: 5 of 12 topics done! Phase 2 takes 3-4 months.")).isEmpty();
        assertThat(reason(guard.check("Great: 5 of 12 topics done in 7 days!"))).contains(LlmPhraser.Reason.CHANGED_FACTS);
    }

    @Test
    void everyEntryOfTheRealDataPassesItsOwnGuard() {
        // The identity rewording must never be rejected, or phrasing would silently never happen.
        for (Entry entry : Entries.of(KnowledgeLoader.loadBundled())) {
            FactGuard guard = new FactGuard(entry.answer(), "", INSTRUCTIONS);
            assertThat(guard.check(entry.answer())).as(entry.id()).isEmpty();
        }
    }

    private static Optional<LlmPhraser.Reason> reason(Optional<FactGuard.Violation> violation) {
        return violation.map(FactGuard.Violation::reason);
    }
}
