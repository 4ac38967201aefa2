package org.roadmapbot.askanywhere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.ChannelMessages.Posted;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;
import org.roadmapbot.schedule.MessengerSlot;
import org.roadmapbot.testing.MutableClock;

/**
 * Answers where members ask, in the core: the message menu (private answer, posted once as a reply on
 * request), mentions (answered, pointed to /help, rate-limited, private answers never posted) and a help
 * channel's posts (answered only when sure, chatter and replies left alone).
 */
class AskAnywhereTest {

    static final String G = "920000000000000001";
    static final String CHANNEL = "400000000000000001";
    static final String HELP = "400000000000000009";

    @TempDir
    Path dir;

    Application app;
    final MutableClock clock = new MutableClock(Instant.now());
    final List<String> replies = new ArrayList<>();

    @BeforeEach
    void start() {
        app = Application.start(new AppConfig(dir, Optional.empty()), clock);
        ((MessengerSlot) app.messenger()).set(new Messenger() {
            @Override
            public CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String key) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String key) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> replyTo(String guildId, String channelId, String messageId, Reply message) {
                replies.add(guildId + "/" + channelId + "/" + messageId + ": " + message.content());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean canPost(String guildId, String channelId) {
                return true;
            }
        });
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theMessageMenuAnswersPrivatelyAndPostsTheAnswerOnceAsAReply() {
        Reply mine = menu("1", "Has anyone here used boot.dev? How much does boot.dev cost per month?");
        assertThat(mine.ephemeral()).isTrue();
        assertThat(mine.content()).contains("$49");
        String post = mine.buttons().stream()
                .map(Reply.Button::customId)
                .filter(id -> id.startsWith("2:ask-roadmap-bot:post:"))
                .findFirst()
                .orElseThrow();
        assertThat(press("2", post).content()).as("someone else's answer").contains("can't be posted");
        assertThat(replies).isEmpty();
        assertThat(press("1", post).content()).contains("Posted as a reply to the message in <#" + CHANNEL + ">");
        assertThat(replies)
                .singleElement()
                .asString()
                .startsWith(G + "/" + CHANNEL + "/777: ")
                .contains("$49");
        assertThat(press("1", post).content()).contains("can't be posted any more");
        assertThat(replies).hasSize(1);

        Reply none = menu("1", "what a lovely sunset today");
        assertThat(none.sources()).isEmpty();
        assertThat(none.buttons()).noneMatch(b -> b.customId().startsWith("2:ask-roadmap-bot:"));
        assertThat(app.router()
                        .dispatch(new CommandRequest(
                                G,
                                "1",
                                "Ann",
                                false,
                                "Ask Roadmap Bot",
                                null,
                                Map.of(CommandSpec.MESSAGE_CHANNEL, CHANNEL, CommandSpec.MESSAGE_ID, "778")))
                        .content())
                .contains("no text I can answer");
    }

    @Test
    void aVeryLongMessageIsAskedByItsQuestions() {
        String story = "I have been learning for a while and I really enjoy it. ".repeat(12)
                + "How much does boot.dev cost per month?";
        assertThat(MessageQuestion.of(story, 500)).isEqualTo("How much does boot.dev cost per month?");
        assertThat(MessageQuestion.of("<@200000000000000001> how long is phase 2?", 500))
                .isEqualTo("how long is phase 2?");
        assertThat(MessageQuestion.of("word ".repeat(200), 500)).hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void mentionsAreAnsweredPointedToHelpAndLimitedPerMember() {
        assertThat(mention("1", "<@200000000000000001> how much does boot.dev cost per month?")
                        .orElseThrow()
                        .content())
                .contains("$49");
        assertThat(mention("1", "<@200000000000000001> what's the weather in Paris tomorrow?")
                        .orElseThrow()
                        .content())
                .isEqualTo(MessageAnswers.NO_ANSWER);
        assertThat(mention("1", "<@200000000000000001>").orElseThrow().content())
                .isEqualTo(MessageAnswers.EMPTY);
        assertThat(mention("1", "<@200000000000000001> how long is phase 2?")
                        .orElseThrow()
                        .content())
                .contains("asking quickly")
                .contains("Try again in 60 s");
        assertThat(mention("1", "<@200000000000000001> how long is phase 3?")).isEmpty();
        // Other members are not held back by one member's pace.
        assertThat(mention("2", "<@200000000000000001> how long is phase 3?")
                        .orElseThrow()
                        .sources())
                .isNotEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(mention("1", "<@200000000000000001> how long is phase 3?")
                        .orElseThrow()
                        .sources())
                .isNotEmpty();
    }

    @Test
    void smallTalkInAMentionGetsAFriendlyReplyButAHelpChannelsChatterIsLeftAlone() {
        assertThat(mention("1", "<@200000000000000001> thanks!").orElseThrow().content())
                .startsWith("You're welcome!");
        assertThat(mention("2", "<@200000000000000001> hi, what can you do?")
                        .orElseThrow()
                        .content())
                .contains("study assistant")
                .contains("`/help`");
        app.router().dispatch(new CommandRequest(G, "9", "Mod", true, "faq", "settings", Map.of("help_channel", HELP)));
        assertThat(post("3", HELP, null, false, false, "thanks everyone!")).isEmpty();
    }

    @Test
    void aMemberProgressAnswerIsNeverPostedInTheChannel() {
        app.router()
                .dispatch(new CommandRequest(
                        G, "5", "Eve", false, "progress", "start", Map.of("track", "python", "pace", "full-time")));
        Reply reply =
                mention("5", "<@200000000000000001> what should I study next?").orElseThrow();
        assertThat(reply.content()).isEqualTo(MessageAnswers.PERSONAL);
    }

    @Test
    void aHelpChannelsPostsAreAnsweredOnlyWhenTheBotIsSure() {
        assertThat(post("3", HELP, null, false, false, "How many months does the whole roadmap take?"))
                .isEmpty();
        app.router().dispatch(new CommandRequest(G, "9", "Mod", true, "faq", "settings", Map.of("help_channel", HELP)));
        assertThat(post("3", HELP, null, false, false, "How many months does the whole roadmap take?")
                        .orElseThrow()
                        .sources())
                .isNotEmpty();
        assertThat(post("3", HELP, null, false, false, "anyone up for lunch later?"))
                .isEmpty();
        assertThat(post("3", HELP, null, false, true, "How many months does the whole roadmap take?"))
                .as("a reply in the channel")
                .isEmpty();
        assertThat(post("3", CHANNEL, null, false, false, "How many months does the whole roadmap take?"))
                .as("another channel")
                .isEmpty();
        // A forum: a new post is a thread of the forum, its first message opening it.
        assertThat(post("3", "555", HELP, true, false, "Can someone explain Docker to me?")
                        .orElseThrow()
                        .sources())
                .isNotEmpty();
        assertThat(post("3", "555", HELP, false, false, "Can someone explain Docker to me?"))
                .as("later in the thread")
                .isEmpty();
        // Not counted: nobody asked the bot.
        app.askLog().flush();
        assertThat(app.router()
                        .dispatch(new CommandRequest(G, "9", "Mod", true, "insights", null, Map.of()))
                        .content())
                .contains("**0** questions asked");
    }

    private Reply menu(String member, String text) {
        return app.router()
                .dispatch(new CommandRequest(
                        G,
                        member,
                        "Member",
                        false,
                        "Ask Roadmap Bot",
                        null,
                        Map.of(
                                CommandSpec.MESSAGE_TEXT,
                                text,
                                CommandSpec.MESSAGE_CHANNEL,
                                CHANNEL,
                                CommandSpec.MESSAGE_ID,
                                "777")));
    }

    private Reply press(String member, String id) {
        return app.router().button(new CommandRequest(G, member, "Member", false, "press", null, Map.of()), id);
    }

    private Optional<Reply> mention(String member, String text) {
        return app.channelMessages()
                .answer(new Posted(
                        G, CHANNEL, null, "m" + System.nanoTime(), member, "Member", false, true, false, false, text));
    }

    private Optional<Reply> post(
            String member, String channel, String parent, boolean startsThread, boolean isReply, String text) {
        return app.channelMessages()
                .answer(new Posted(
                        G,
                        channel,
                        parent,
                        startsThread ? channel : "m" + System.nanoTime(),
                        member,
                        "Member",
                        false,
                        false,
                        startsThread,
                        isReply,
                        text));
    }

    @Test
    void theMenuRefusesAtStartUpToHandMessagesToACommandWithSubcommands() {
        Command withSubcommands = () -> Handlers.builder(CommandSpec.withSubcommands(
                        "progress", "Progress", CommandSpec.SubcommandSpec.of("show", "Show")))
                .subcommand("show", request -> Reply.text("shown"))
                .build();

        assertThatThrownBy(() -> new AskAboutMessage(withSubcommands, "question", 500, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/progress has subcommands");
    }
}
