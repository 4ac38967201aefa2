package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;
import org.roadmapbot.phrasing.GuardCases;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.phrasing.PhrasingConfig;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.testing.TestBot;

/**
 * Nudges reworded by the LLM phraser go through the same guard as answers: a faithful rewording
 * keeps the fields and buttons and is marked; every attack the answers are tested against, and
 * nudge-specific changes of phase, counts and pace, fall back to the plain nudge.
 */
class NudgePhrasingTest {

    @TempDir
    Path dir;

    private TestBot bot;

    @BeforeEach
    void member() {
        bot = new TestBot(dir);
        bot.run("100", "7", ProgressCommand.NAME, "start", "track", "python", "pace", "full-time");
        bot.run("100", "7", ProgressCommand.NAME, "done", "topic", "git-basics");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        bot.close();
    }

    /** A model that rewrites the plain message it is given (the text between the message tags). */
    private static ChatModel model(UnaryOperator<String> rewrite) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                String prompt =
                        request.messages().get(request.messages().size() - 1).toString();
                int start = prompt.indexOf("<message>\n") + "<message>\n".length();
                String plain = prompt.substring(start, prompt.indexOf("\n</message>", start));
                return ChatResponse.builder()
                        .aiMessage(AiMessage.from(rewrite.apply(plain)))
                        .build();
            }
        };
    }

    private LlmPhraser phraser(ChatModel model) {
        PhrasingConfig config = new PhrasingConfig(
                true,
                "http://127.0.0.1:9/v1",
                "fake",
                Optional.empty(),
                Duration.ofSeconds(5),
                1000,
                Duration.ofSeconds(10),
                1600);
        return LlmPhraser.start(
                        config, bot.progress.knowledge(), model, Clock.systemUTC(), org.roadmapbot.core.BotMetrics.NONE)
                .orElseThrow();
    }

    private Reply compose(UnaryOperator<String> rewrite) {
        try (LlmPhraser phraser = phraser(model(rewrite))) {
            return new NudgeComposer(bot.progress, Optional.of(phraser)).compose("100", "7");
        }
    }

    @Test
    void faithfulRewordingsArePhrasedAndKeepTheButtons() {
        Reply plain = new NudgeComposer(bot.progress, Optional.empty()).compose("100", "7");
        assertThat(plain.content()).contains("1 of ", "full-time");
        List<UnaryOperator<String>> faithful = List.of(
                text -> "Hey there! " + text,
                text -> text.replace("topics done in this phase", "topics finished in this phase")
                                .replace("Next up:", "Coming up next:")
                        + " You've got this!",
                text -> "Happy studying! " + text.replace("Keep the rhythm going!", "Keep it up!"));
        for (UnaryOperator<String> rewrite : faithful) {
            Reply phrased = compose(rewrite);
            assertThat(phrased.content())
                    .as(rewrite.apply(plain.content()))
                    .isEqualTo(rewrite.apply(plain.content()) + "\n" + LlmPhraser.AI_MARK);
            assertThat(phrased.buttons()).isEqualTo(plain.buttons());
            assertThat(phrased.fields()).isEqualTo(plain.fields());
        }
    }

    @Test
    void everyAttackOnANudgeFallsBackToThePlainNudge() {
        Reply plain = new NudgeComposer(bot.progress, Optional.empty()).compose("100", "7");
        for (GuardCases.Attack attack : GuardCases.ATTACKS) {
            assertThat(compose(attack.apply())).as(attack.name()).isEqualTo(plain);
        }
        List<UnaryOperator<String>> wrong = List.of(
                text -> text.replace("Phase 1 of 4", "Phase 3 of 4"),
                text -> text.replaceFirst("1 of (\\d+)", "$1 of 1"),
                text -> text.replace("full-time", "part-time"),
                text -> text + " Most people finish this phase in 3 weeks.",
                text -> text + " Honestly, the Python track is the best.");
        for (UnaryOperator<String> rewrite : wrong) {
            assertThat(compose(rewrite)).as(rewrite.apply(plain.content())).isEqualTo(plain);
        }
    }
}
