package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

class RoadmapAndProjectsCommandTest {

    private static CommandRouter router;

    @BeforeAll
    static void setUp() {
        KnowledgeBase kb = KnowledgeLoader.loadBundled();
        router = new CommandRouter(
                List.of(new RoadmapCommand(kb), new ProjectsCommand(kb), new AskCommand(new AnswerService(kb))));
    }

    private static Reply run(String command, Map<String, Object> options) {
        return router.dispatch(new CommandRequest("g", "m", "Ann", false, command, null, options));
    }

    @Test
    void roadmapOverviewListsFourPhases() {
        Reply reply = run("roadmap", Map.of());
        assertThat(reply.fields())
                .extracting(Reply.Field::name)
                .filteredOn(n -> n.startsWith("Phase"))
                .hasSize(4);
        assertThat(reply.content()).contains("eight months");
    }

    @Test
    void roadmapPhaseShowsTopicsWithIdsAndBothTracks() {
        Reply reply = run("roadmap", Map.of("phase", 2L));
        assertThat(reply.title()).isEqualTo("Phase 2: Server-Side Basics");
        assertThat(reply.fields()).extracting(Reply.Field::name).contains("Topics", "Goal", "Milestone");
        assertThat(reply.fields().get(0).value()).contains("`sql-fundamentals`");
        assertThat(reply.sources()).containsExactly("phase-2");
    }

    @Test
    void unknownPhaseIsAClearError() {
        Reply reply = run("roadmap", Map.of("phase", 9L));
        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("`phase` must be at most 4");
    }

    @Test
    void projectsByLevel() {
        Reply all = run("projects", Map.of());
        assertThat(all.sources()).hasSize(4);
        Reply capstone = run("projects", Map.of("level", "capstone"));
        assertThat(capstone.sources()).hasSize(1);
        assertThat(capstone.content()).contains("Multi-tenant");
        assertThat(run("projects", Map.of("level", "expert")).error()).isTrue();
    }

    @Test
    void overlongQuestionIsRefusedPolitely() {
        Reply reply = run("ask", Map.of("question", "why ".repeat(1250)));
        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("too long").contains("500");
    }

    @Test
    void askReplyCarriesSourcesAndFooter() {
        Reply reply = run("ask", Map.of("question", "Do I need a degree?"));
        assertThat(reply.sources()).contains("faq-degree");
        assertThat(reply.footer()).contains("faq-degree");
        assertThat(reply.ephemeral()).isFalse();
    }
}
