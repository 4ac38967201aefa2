package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.data.KnowledgeBase;

/**
 * The guard against its corpus (guard-cases.txt): every faithful rewording of a real entry is
 * accepted, every adversarial output is rejected by the check meant to catch it, and so is every
 * faithful rewording after each of {@link GuardCases#ATTACKS}. Prints the rates for the README.
 */
class FactGuardCasesTest {

    private static final KnowledgeBase KB = GuardCases.knowledge();

    @Test
    void faithfulRewordingsPassAndAdversarialOutputsDoNot() {
        List<GuardCases.Case> cases = GuardCases.load();
        List<String> wrong = new ArrayList<>();
        int faithful = 0;
        int accepted = 0;
        int adversarial = 0;
        int rejected = 0;
        int attacked = 0;
        int attacksRejected = 0;
        for (GuardCases.Case c : cases) {
            FactGuard guard = new FactGuard(
                    GuardCases.facts(KB, c.entryIds()), List.of(), c.question(), FactGuardTest.VOCABULARY);
            Optional<FactGuard.Violation> verdict = guard.check(c.output());
            if (c.accept()) {
                faithful++;
                if (verdict.isEmpty()) {
                    accepted++;
                } else {
                    wrong.add("faithful output rejected: " + c + ": "
                            + verdict.get().detail());
                }
                for (GuardCases.Attack attack : GuardCases.ATTACKS) {
                    attacked++;
                    Optional<FactGuard.Violation> attackVerdict =
                            guard.check(attack.apply().apply(c.output()));
                    if (attackVerdict.map(FactGuard.Violation::reason).equals(Optional.of(attack.reason()))) {
                        attacksRejected++;
                    } else {
                        wrong.add("attack '" + attack.name() + "' on " + c + " gave " + attackVerdict);
                    }
                }
            } else {
                adversarial++;
                if (verdict.map(FactGuard.Violation::reason).equals(c.reason())) {
                    rejected++;
                } else {
                    wrong.add("adversarial output " + c + " expected "
                            + c.reason().orElseThrow() + ", got " + verdict);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "guard corpus: faithful accepted %d/%d (%.1f %%), adversarial rejected %d/%d, "
                        + "attacked faithful outputs rejected %d/%d%n",
                accepted,
                faithful,
                100.0 * accepted / faithful,
                rejected,
                adversarial,
                attacksRejected,
                attacked);

        assertThat(faithful).isGreaterThanOrEqualTo(30);
        assertThat(adversarial).isGreaterThanOrEqualTo(30);
        // Zero adversarial outputs may pass; the floor for faithful ones is 90 %.
        assertThat(rejected).as(String.join("\n", wrong)).isEqualTo(adversarial);
        assertThat(attacksRejected).as(String.join("\n", wrong)).isEqualTo(attacked);
        assertThat(100.0 * accepted / faithful).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(90.0);
    }

    /**
     * Rewordings written after the tuning, in the style small models write (openers, bullets, bold,
     * emoji). As first measured: 19 of 21; the two misses led to two fixes (a guide name inside a
     * longer one, a name followed by its own brackets) and are kept here.
     */
    @Test
    void rewordingsWrittenAfterTheTuningPassAndStillFallToEveryAttack() {
        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        List<GuardCases.Case> cases = GuardCases.holdout();
        for (GuardCases.Case c : cases) {
            FactGuard guard = new FactGuard(
                    GuardCases.facts(KB, c.entryIds()), List.of(), c.question(), FactGuardTest.VOCABULARY);
            Optional<FactGuard.Violation> verdict = guard.check(c.output());
            if (verdict.isEmpty()) {
                accepted++;
            } else {
                wrong.add(
                        "faithful output rejected: " + c + ": " + verdict.get().detail());
            }
            for (GuardCases.Attack attack : GuardCases.ATTACKS) {
                if (guard.check(attack.apply().apply(c.output())).isEmpty()) {
                    wrong.add("attack '" + attack.name() + "' on " + c + " passed");
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "guard holdout: faithful accepted %d/%d (%.1f %%)%n",
                accepted,
                cases.size(),
                100.0 * accepted / cases.size());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20).allMatch(GuardCases.Case::accept);
        assertThat(wrong.stream().filter(w -> w.startsWith("attack")))
                .as(String.join("\n", wrong))
                .isEmpty();
        assertThat(100.0 * accepted / cases.size()).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(90.0);
    }
}
