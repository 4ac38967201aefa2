package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

class CoursesCommandTest {

    private static CommandRouter router;
    private static KnowledgeBase kb;

    @BeforeAll
    static void setUp() {
        kb = KnowledgeLoader.loadBundled();
        router = new CommandRouter(List.of(new CoursesCommand(kb)));
    }

    private static Reply courses(Object... pairs) {
        Map<String, Object> options = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put((String) pairs[i], pairs[i + 1]);
        }
        return router.dispatch(new CommandRequest("g", "m", "Ann", false, "courses", null, options));
    }

    @Test
    void freeMeansExactlyTheFreeCourses() {
        Reply reply = courses("max_price", 0.0);
        assertThat(reply.sources())
                .containsExactly("freecodecamp-backend-apis", "odin-project-nodejs", "fullstack-open-part3");
        assertThat(reply.content()).contains("**free**");
    }

    @Test
    void goFindsOnlyBootDev() {
        assertThat(courses("language", "Go").sources()).containsExactly("boot-dev-backend");
        assertThat(courses("language", "golang").sources()).containsExactly("boot-dev-backend");
    }

    @Test
    void interactiveFindsScrimba() {
        assertThat(courses("format", "interactive").sources()).containsExactly("scrimba-backend-path");
    }

    @Test
    void languageSpellingsMatchTheStack() {
        assertThat(courses("language", "node").sources()).hasSize(4);
        assertThat(courses("language", "Node.js").sources()).hasSize(4);
        assertThat(courses("language", "mongodb").sources())
                .containsExactly("freecodecamp-backend-apis", "odin-project-nodejs", "fullstack-open-part3");
    }

    @Test
    void priceCapIncludesCoursesAtTheCap() {
        assertThat(courses("max_price", 24.5).sources())
                .contains("scrimba-backend-path")
                .doesNotContain("boot-dev-backend");
        assertThat(courses("max_price", 49.0).sources()).hasSize(5);
    }

    @Test
    void combinedFiltersWithNoMatchSayWhatExists() {
        Reply reply = courses("language", "Go", "max_price", 0.0);
        assertThat(reply.sources()).isEmpty();
        assertThat(reply.error()).isFalse();
        assertThat(reply.content())
                .contains("No course in the guide matches")
                .contains("Languages and stacks:")
                .contains("Go");
    }

    @Test
    void negativePriceIsAClearError() {
        Reply reply = courses("max_price", -5.0);
        assertThat(reply.error()).isTrue();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("max_price").contains("at least 0");
    }

    @Test
    void filterTextIsEscapedInTheReply() {
        Reply reply = courses("language", "@everyone **x**");
        assertThat(reply.content()).doesNotContain("@everyone").doesNotContain("**x**");
    }

    @Test
    void autocompleteOffersLanguagesAndFormats() {
        CommandRequest request = new CommandRequest("g", "m", "Ann", false, "courses", null, Map.of());
        assertThat(router.autocomplete(request, "language", "py"))
                .extracting(c -> c.value())
                .containsExactly("Python");
        assertThat(router.autocomplete(request, "format", "inter"))
                .extracting(c -> c.value())
                .contains("interactive");
    }
}
