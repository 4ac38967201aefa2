package org.roadmapbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;

/**
 * Curated answers are found as the bundled ones are, by paraphrases: answers a study server might teach
 * its bot, each asked in five wordings that no example question has word for word. A paraphrase counts
 * when the reply carries the curated answer's text and cites it. {@code curated-answers.json} (12 answers,
 * 60 paraphrases) is the issue's set; {@code curated-answers-fresh.json} (8 answers, 40 paraphrases) was
 * written afterwards, once the rule for curated answers was set, and never tuned on: its floor guards
 * against regressions at the level measured (README "Teach the bot").
 *
 * <p>The other side: the roadmap's own questions asked in a server with these answers keep the roadmap's
 * answers, and one server's answers never reach another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CuratedParaphraseTest {

    record Case(List<String> questions, String answer, List<String> paraphrases) {}

    static final String ISSUE_SET = "/faq/curated-answers.json";
    static final String FRESH_SET = "/faq/curated-answers-fresh.json";
    static final String SERVER = "900000000000000001";
    static final String FRESH_SERVER = "900000000000000003";
    static final String OTHER = "900000000000000002";

    @TempDir
    static Path dir;

    Application app;

    @BeforeAll
    void teach() throws Exception {
        app = Application.start(new AppConfig(dir, Optional.empty()));
        teach(SERVER, cases(ISSUE_SET));
        teach(FRESH_SERVER, cases(FRESH_SET));
    }

    private void teach(String server, List<Case> cases) {
        for (Case c : cases) {
            Reply added = run(
                    server,
                    true,
                    "faq",
                    "add",
                    Map.of("question", String.join(" | ", c.questions()), "answer", c.answer()));
            assertThat(added.error()).as(added.content()).isFalse();
            assertThat(added.content()).startsWith("Added answer **#");
        }
    }

    static List<Case> cases(String set) throws IOException {
        try (InputStream in = CuratedParaphraseTest.class.getResourceAsStream(set)) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Case>>() {});
        }
    }

    @AfterAll
    void close() {
        app.close();
    }

    Reply run(String guild, boolean moderator, String command, String sub, Map<String, Object> options) {
        return app.router().dispatch(new CommandRequest(guild, "42", "Mod", moderator, command, sub, options));
    }

    @ParameterizedTest
    @CsvSource({ISSUE_SET + ", " + SERVER + ", 0.95", FRESH_SET + ", " + FRESH_SERVER + ", 0.70"})
    void paraphrasesFindTheirCuratedAnswerCitedAsTheServersFaq(String set, String server, double floor)
            throws IOException {
        List<Case> cases = cases(set);
        int found = 0;
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String id = CuratedAnswer.ID_PREFIX + (i + 1);
            for (String p : cases.get(i).paraphrases()) {
                total++;
                Reply r = run(server, false, "ask", null, Map.of("question", p));
                if (r.sources().contains(id)
                        && r.content().contains(cases.get(i).answer())
                        && r.footer() != null
                        && r.footer().contains("this server's FAQ, answer #" + (i + 1))) {
                    found++;
                } else {
                    misses.add(p + " -> " + r.sources());
                }
                // Never another server's answer: the same question elsewhere has no curated source at all.
                assertThat(run(OTHER, false, "ask", null, Map.of("question", p)).sources())
                        .noneMatch(CuratedAnswer::isCurated);
            }
        }
        System.out.printf(
                "%s: %d of %d paraphrases found (%.1f %%)%n%s%n",
                set, found, total, 100.0 * found / total, String.join("\n", misses));
        assertThat((double) found / total)
                .as("found %d of %d; missed:%n%s", found, total, String.join("\n", misses))
                .isGreaterThanOrEqualTo(floor);
    }

    /**
     * The roadmap's own question sets asked in the server with the dozen answers: the same sources as in a
     * server without any (at most one question in a hundred may differ: README "Teach the bot").
     */
    @Test
    void roadmapQuestionsInTheTeachingServerKeepTheRoadmapsAnswers() throws Exception {
        List<String> changed = new ArrayList<>();
        int asked = 0;
        for (String set : List.of(
                "/knowledge/sample-questions.jsonl",
                "/knowledge/paraphrase-holdout.jsonl",
                "/knowledge/paraphrase-fresh.jsonl",
                "/knowledge/member-dev.jsonl")) {
            try (InputStream in = getClass().getResourceAsStream(set)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String q = new ObjectMapper().readTree(line).path("q").asText();
                    asked++;
                    Reply inServer = run(SERVER, false, "ask", null, Map.of("question", q));
                    Reply elsewhere = run(OTHER, false, "ask", null, Map.of("question", q));
                    if (!inServer.sources().equals(elsewhere.sources())) {
                        changed.add(q + " -> " + inServer.sources() + " instead of " + elsewhere.sources());
                    }
                    if (set.contains("sample-questions")) {
                        assertThat(inServer.sources()).as(q).isEqualTo(elsewhere.sources());
                    }
                }
            }
        }
        System.out.println("roadmap questions asked in the teaching server: " + asked + ", answered differently: "
                + changed.size() + "\n" + String.join("\n", changed));
        assertThat(changed).hasSizeLessThanOrEqualTo(asked / 100);
    }
}
