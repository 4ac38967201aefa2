package org.roadmapbot.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;

class QuestionGroupsTest {

    private final QuestionGroups groups = new QuestionGroups(KnowledgeAnalyzer.create());

    @Test
    void questionsAskedAlikeFormOneGroupNamedByItsMostAskedWording() {
        List<InsightsStore.Kept> kept = kept(
                "When is the study call?",
                "when is the study call",
                "What time is the study call?",
                "study call time?",
                "How do I get the mentor role?",
                "how can i become a mentor",
                "Is there a book club?",
                "When is the study call?");
        List<QuestionGroups.Group> found = groups.group(kept);

        QuestionGroups.Group call = found.get(0);
        assertThat(call.count()).isEqualTo(5);
        assertThat(call.question()).isEqualToIgnoringCase("When is the study call?");
        assertThat(call.wordings()).hasSize(3);
        assertThat(found).extracting(QuestionGroups.Group::count).containsExactly(5, 2, 1);
        assertThat(found.get(1).wordings())
                .allMatch(w -> w.toLowerCase(java.util.Locale.ROOT).contains("mentor"));
        assertThat(found.get(2).question()).isEqualTo("Is there a book club?");
        // Every question is in exactly one group.
        assertThat(found.stream().flatMap(g -> g.ids().stream()))
                .containsExactlyInAnyOrderElementsOf(
                        kept.stream().map(InsightsStore.Kept::id).toList());
    }

    @Test
    void unrelatedQuestionsStayApart() {
        List<QuestionGroups.Group> found = groups.group(kept(
                "How do I reset my password?",
                "Where is the book club?",
                "What time is the study call?",
                "Can I post job offers?",
                "What time does the game night start?"));
        assertThat(found).hasSize(5).allMatch(g -> g.count() == 1);
        assertThat(groups.group(List.of())).isEmpty();
    }

    private static List<InsightsStore.Kept> kept(String... questions) {
        List<InsightsStore.Kept> kept = new ArrayList<>();
        for (int i = 0; i < questions.length; i++) {
            kept.add(new InsightsStore.Kept(
                    i + 1, questions[i], InsightsStore.UNANSWERED, Instant.EPOCH.plusSeconds(questions.length - i)));
        }
        return kept;
    }
}
