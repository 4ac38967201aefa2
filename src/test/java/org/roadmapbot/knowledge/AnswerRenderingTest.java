package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/**
 * Renders every entry (its whole text, its short answer, its answer to its own title) and every
 * attribute answer of every course, and checks the wording a member would see: no doubled phrase,
 * no "..", no unit said twice, no "(not stated)" beside a value, no template seams.
 */
class AnswerRenderingTest {

    private static KnowledgeBase kb;
    private static AnswerService answers;

    /** The same run of 2-6 words twice in a row: "Present each project with: Present each project with". */
    private static final Pattern DOUBLED = Pattern.compile("(?i)\\b(\\w+(?:[^\\w\\n]+\\w+){1,5})[^\\w\\n]+\\1\\b");
    /** A unit right after itself, bracketed or not: "per year (per year)", "$49/mo. $49/month". */
    private static final Pattern UNIT_TWICE =
            Pattern.compile("(?i)\\b(per year|per month|hours|hrs)\\W{1,3}\\(?\\1\\b");

    private static final List<String> SEAMS = List.of(
            "..",
            "(not stated)",
            "It covers For",
            "null",
            "Present each project with: Present",
            " ,",
            "()",
            "{{",
            "??");

    @BeforeAll
    static void load() {
        kb = KnowledgeLoader.loadBundled();
        answers = new AnswerService(kb);
    }

    @Test
    void everyEntryReadsCleanlyInFullAndInShort() {
        List<String> problems = new ArrayList<>();
        for (Entry e : Entries.of(kb)) {
            check(e.id() + " (whole)", e.answer(), problems);
            Answer own = answers.answer(e.title());
            check(e.id() + " (asked by title: " + e.title() + ")", own.text(), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAttributeAnswerOfEveryCourseReadsCleanly() {
        List<String> templates = List.of(
                "how much is %s",
                "%s yearly price",
                "%s month to month price",
                "how many hours is %s",
                "who teaches on %s",
                "does %s give a certificate",
                "is %s free",
                "does %s have student discounts",
                "how big is the %s student discount in percent",
                "what languages does %s teach",
                "how many projects does %s require",
                "who teaches typescript on %s",
                "who teaches nestjs on %s");
        List<String> problems = new ArrayList<>();
        int stated = 0;
        int unstated = 0;
        for (Course c : kb.courses()) {
            for (String t : templates) {
                String q = String.format(t, c.provider());
                Answer a = answers.answer(q);
                check(q, a.text(), problems);
                if (a.found()) {
                    stated++;
                } else if (a.text().startsWith("The guide doesn't say")) {
                    unstated++;
                    assertThat(a.sources()).as(q).isEmpty();
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(stated).isGreaterThan(20);
        assertThat(unstated).isGreaterThan(10);
    }

    @Test
    void shortAnswersStayShort() {
        for (Entry e : Entries.of(kb)) {
            Answer own = answers.answer(e.title());
            if (own.found() && own.entries().size() == 1 && own.entries().get(0).kind() != Entry.Kind.LIST) {
                assertThat(own.text().length()).as(e.id()).isLessThanOrEqualTo(900);
            }
        }
    }

    private static void check(String where, String text, List<String> problems) {
        for (String seam : SEAMS) {
            if (text.contains(seam)) {
                problems.add(where + ": contains \"" + seam + "\": " + text);
            }
        }
        Matcher doubled = DOUBLED.matcher(text);
        if (doubled.find()) {
            problems.add(where + ": says \"" + doubled.group(1) + "\" twice: " + text);
        }
        Matcher unit = UNIT_TWICE.matcher(text);
        if (unit.find()) {
            problems.add(where + ": repeats the unit \"" + unit.group(1) + "\": " + text);
        }
    }
}
