package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;
import org.roadmapbot.phrasing.InMemoryQuota;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.phrasing.PhrasingConfig;
import org.roadmapbot.phrasing.PromptTemplates;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.testing.TestBot;

/** A nudge reworded by the LLM phraser keeps its fields and buttons; a rewording that changes facts is dropped. */
class NudgePhrasingTest {

    @TempDir
    Path dir;

    /** A model that rewrites the plain message it is given (the text between the message tags). */
    private static ChatModel model(UnaryOperator<String> rewrite) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                String prompt = request.messages().get(request.messages().size() - 1).toString();
                int start = prompt.indexOf("<message>\n") + "<message>\n".length();
                String plain = prompt.substring(start, prompt.indexOf("\n</message>", start));
                return ChatResponse.builder().aiMessage(AiMessage.from(rewrite.apply(plain))).build();
            }
        };
    }

    private static LlmPhraser phraser(ChatModel model) {
        PhrasingConfig config = new PhrasingConfig(true, "http://127.0.0.1:9/v1", "fake", Optional.empty(), Duration.ofSeconds(5),
                20, Duration.ofSeconds(10), 1600);
        return new LlmPhraser(model, config, PromptTemplates.loadBundled(), new InMemoryQuota(20, Duration.ofSeconds(10)),
                java.time.Clock.systemUTC());
    }

    @Test
    void aPhrasedNudgeKeepsItsButtonsAndAFactChangingOneFallsBackToPlain() {
        try (TestBot bot = new TestBot(dir)) {
            bot.run("100", "7", ProgressCommand.NAME, "start", "track", "python", "pace", "full-time");
            Reply plain = new NudgeComposer(bot.progress, Optional.empty()).compose("100", "7");

            try (LlmPhraser friendly = phraser(model(text -> "Hey there! " + text))) {
                Reply phrased = new NudgeComposer(bot.progress, Optional.of(friendly)).compose("100", "7");
                assertThat(phrased.content()).startsWith("Hey there! ").endsWith(LlmPhraser.AI_MARK);
                assertThat(phrased.buttons()).isEqualTo(plain.buttons());
                assertThat(phrased.fields()).isEqualTo(plain.fields());
            }
            try (LlmPhraser wrong = phraser(model(text -> text.replace("Phase 1 of 4", "Phase 3 of 4")))) {
                Reply guarded = new NudgeComposer(bot.progress, Optional.of(wrong)).compose("100", "7");
                assertThat(guarded).isEqualTo(plain);
            }
        }
    }
}
