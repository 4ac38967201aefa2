package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadmapbot.discord.DiscordEndToEndTest.assertNoMentions;
import static org.roadmapbot.discord.fake.FakeDiscord.option;
import static org.roadmapbot.discord.fake.FakeDiscord.subcommand;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.app.StartupException;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.FakeDiscord.Interaction;
import org.roadmapbot.discord.fake.FakeDiscord.Member;
import org.roadmapbot.discord.fake.RestCall;

/**
 * Issue 18 through the real bot and real JDA against the fake Discord: the "Ask Roadmap Bot" message
 * menu (a private answer, then posted as a reply), mentions answered as replies and rate-limited, a help
 * channel (this bot runs with the Message Content intent), /faq add as a modal whose submission teaches
 * the bot, the rating buttons, and /insights' "Answer this" opening the form filled in. Each test uses its
 * own members, so the order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskAnywhereEndToEndTest {

    static final Member MOD = Member.regular("500000000000000031", "modesta").withRole(FakeDiscord.MOD_ROLE_ID);
    static final Member ANN = Member.regular("500000000000000032", "ann");
    static final Member BEN = Member.regular("500000000000000033", "ben");
    static final Member CAT = Member.regular("500000000000000034", "cat");
    static final Member DAN = Member.regular("500000000000000035", "dan");
    static final Member EVE = Member.regular("500000000000000036", "eve");
    static final Member FAY = Member.regular("500000000000000037", "fay");
    static final String BOT_MENTION = "<@" + FakeDiscord.BOT_ID + ">";

    @org.junit.jupiter.api.io.TempDir
    static Path dataDir;

    private FakeDiscord discord;
    private BotProcess bot;

    @BeforeAll
    void startBot() throws Exception {
        discord = new FakeDiscord();
        DiscordConfig config = new DiscordConfig(
                        DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                        Optional.of(discord.restUrl()),
                        Optional.of(discord.gatewayUrl()),
                        List.of(),
                        Set.of(FakeDiscord.MOD_ROLE_ID))
                .withMessageContentIntent(true);
        bot = BotProcess.start(new AppConfig(dataDir, Optional.empty()).withDiscord(Optional.of(config)));
    }

    @AfterAll
    void stopBot() throws Exception {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    @Test
    void theBotAsksForGuildMessagesAndHereMessageContent() {
        long intents = discord.identifiedIntents();
        assertThat(intents & (1L << 9)).as("GUILD_MESSAGES").isNotZero();
        assertThat(intents & (1L << 15)).as("MESSAGE_CONTENT, configured here").isNotZero();
        assertThat(intents & (1L << 1)).as("no GUILD_MEMBERS").isZero();
        RestCall registered = discord.awaitCall(
                "the command registration",
                c -> c.method().equals("PUT") && c.path().endsWith("/commands"));
        JsonNode menu = find(registered.json(), "Ask Roadmap Bot");
        assertThat(menu.path("type").asInt()).as("a message command").isEqualTo(3);
        assertThat(menu.has("options") && menu.path("options").size() > 0).isFalse();
        assertThat(find(registered.json(), "faq")
                        .path("default_member_permissions")
                        .asText())
                .isEqualTo("32");
    }

    // ---------------------------------------------------------------- the message menu

    @Test
    void askRoadmapBotOnAMessageAnswersPrivatelyAndPostsItAsAReplyOnRequest() {
        Interaction asked = discord.messageCommand(
                ANN, "Ask Roadmap Bot", BEN, "hey, does anyone know how much boot.dev costs per month?");
        String target = discord.lastTargetMessageId();
        RestCall answer = discord.awaitCallback(asked);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.visibleText()).contains("$49");
        assertNoMentions(answer);
        String post = buttonIds(answer.message()).stream()
                .filter(id -> id.startsWith("2:ask-roadmap-bot:post:"))
                .findFirst()
                .orElseThrow();
        assertThat(buttonIds(answer.message()))
                .anyMatch(id -> id.startsWith("2:ask:rate:up:"))
                .anyMatch(id -> id.startsWith("2:ask:rate:down:"));

        RestCall posted = discord.awaitCallback(discord.pressButton(ANN, post));
        assertThat(posted.visibleText()).contains("Posted as a reply");
        RestCall reply = discord.awaitCall(
                "the public reply",
                c -> c.method().equals("POST")
                        && c.path().equals("channels/" + FakeDiscord.GENERAL_CHANNEL + "/messages")
                        && c.message()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(target));
        assertThat(reply.visibleText()).contains("$49");
        assertThat(reply.ephemeral()).isFalse();
        assertNoMentions(reply);
        // Once only.
        RestCall again = discord.awaitCallback(discord.pressButton(ANN, post));
        assertThat(again.visibleText()).contains("can't be posted any more");
        assertThat(discord.calls())
                .filteredOn(c -> c.message()
                        .path("message_reference")
                        .path("message_id")
                        .asText()
                        .equals(target))
                .hasSize(1);
    }

    @Test
    void aMessageWithNoTextGetsAPoliteRefusal() {
        RestCall answer = discord.awaitCallback(discord.messageCommand(FAY, "Ask Roadmap Bot", BEN, ""));
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.visibleText()).contains("no text I can answer");
    }

    // ---------------------------------------------------------------- mentions

    @Test
    void aMentionIsAnsweredAsAReplyAndAMemberIsRateLimited() {
        String asked = discord.postMessage(
                CAT,
                FakeDiscord.GENERAL_CHANNEL,
                BOT_MENTION + " how much does boot.dev cost per month?",
                List.of(FakeDiscord.BOT_ID));
        RestCall reply = replyTo(asked);
        assertThat(reply.visibleText()).contains("$49");
        assertNoMentions(reply);
        assertThat(buttonIds(reply.message())).anyMatch(id -> id.startsWith("2:ask:rate:"));

        String unknown = discord.postMessage(
                CAT,
                FakeDiscord.GENERAL_CHANNEL,
                BOT_MENTION + " what's the weather in Paris tomorrow?",
                List.of(FakeDiscord.BOT_ID));
        assertThat(replyTo(unknown).visibleText())
                .contains("I don't have an answer")
                .contains("/help");

        discord.postMessage(
                CAT, FakeDiscord.GENERAL_CHANNEL, BOT_MENTION + " how long is phase 2?", List.of(FakeDiscord.BOT_ID));
        String fourth = discord.postMessage(
                CAT, FakeDiscord.GENERAL_CHANNEL, BOT_MENTION + " how long is phase 3?", List.of(FakeDiscord.BOT_ID));
        assertThat(replyTo(fourth).visibleText())
                .contains("You're asking quickly")
                .contains("/ask");
        String fifth = discord.postMessage(
                CAT, FakeDiscord.GENERAL_CHANNEL, BOT_MENTION + " how long is phase 4?", List.of(FakeDiscord.BOT_ID));
        // Messages are answered in order: once a later one is answered, the fifth was left alone.
        String marker = discord.postMessage(
                DAN, FakeDiscord.GENERAL_CHANNEL, BOT_MENTION + " how long is phase 1?", List.of(FakeDiscord.BOT_ID));
        replyTo(marker);
        assertThat(repliesTo(fifth)).isEmpty();
    }

    // ---------------------------------------------------------------- the help channel

    @Test
    void aHelpChannelsNewPostsAreAnsweredWhenThereIsAnAnswerAndLeftAloneOtherwise() {
        RestCall set = discord.awaitCallback(discord.slash(
                MOD, "faq", subcommand("settings", option("help_channel", 7, FakeDiscord.GENERAL_CHANNEL))));
        assertThat(set.visibleText())
                .contains("Saved")
                .contains("<#" + FakeDiscord.GENERAL_CHANNEL + ">")
                .doesNotContain("can't read posts");
        try {
            String chat =
                    discord.postMessage(EVE, FakeDiscord.GENERAL_CHANNEL, "anyone up for lunch later?", List.of());
            String question = discord.postMessage(
                    EVE, FakeDiscord.GENERAL_CHANNEL, "How many months does the whole roadmap take?", List.of());
            RestCall reply = replyTo(question);
            assertThat(reply.visibleText()).containsIgnoringCase("month");
            assertThat(repliesTo(chat)).isEmpty();
        } finally {
            discord.awaitCallback(
                    discord.slash(MOD, "faq", subcommand("settings", option("help_channel_off", 5, true))));
        }
    }

    // ---------------------------------------------------------------- /faq add as a modal, and the loop

    @Test
    void faqAddOpensAFormWhoseSubmissionTeachesTheBotAndOnlyModeratorsMaySubmitIt() {
        RestCall form = discord.awaitCallback(discord.slash(MOD, "faq", subcommand("add")));
        assertThat(form.callbackType()).as("a modal").isEqualTo(9);
        assertThat(form.message().path("custom_id").asText()).isEqualTo("2:faq:add");
        assertThat(inputIds(form.message())).containsExactly("questions", "answer");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("questions", "When is the weekly study call?\nWhat time is the study call?");
        values.put("answer", "The study call is every Tuesday at 18:00 UTC in #study-hall.");
        RestCall refused = discord.awaitCallback(discord.submitModal(ANN, "faq:add", values));
        assertThat(refused.visibleText()).contains("Only moderators");

        RestCall added = discord.awaitCallback(discord.submitModal(MOD, "faq:add", values));
        assertThat(added.visibleText()).contains("Added answer **#");
        assertThat(added.ephemeral()).isTrue();

        RestCall answer = discord.awaitCallback(
                discord.slash(ANN, "ask", option("question", 3, "what day do we have the study call?")));
        assertThat(answer.visibleText()).contains("every Tuesday at 18:00 UTC").contains("this server's FAQ");
    }

    @Test
    void anUnansweredQuestionReachesInsightsWhoseAnswerThisButtonOpensTheFormFilledIn() {
        RestCall unanswered = discord.awaitCallback(
                discord.slash(BEN, "ask", option("question", 3, "Is there a book club on this server?")));
        assertThat(unanswered.visibleText()).contains("I don't have anything about that");

        Interaction asked = discord.slash(MOD, "insights");
        RestCall insights = discord.awaitCallback(asked);
        // A picture: deferred privately, then the deferral is edited into the answer.
        RestCall shown = insights.callbackType() == 5 ? discord.awaitOriginalEdit(asked) : insights;
        assertThat(shown.files()).extracting(RestCall.FilePart::fileName).contains("insights.png");
        assertThat(shown.visibleText()).contains("Is there a book club on this server?");
        String answerThis = buttonIds(shown.message()).stream()
                .filter(id -> id.startsWith("2:insights:answer:"))
                .findFirst()
                .orElseThrow();

        RestCall form = discord.awaitCallback(discord.pressButton(MOD, answerThis));
        assertThat(form.callbackType()).isEqualTo(9);
        assertThat(inputValue(form.message(), "questions")).contains("Is there a book club on this server?");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("questions", inputValue(form.message(), "questions"));
        values.put("answer", "Yes: the book club meets on the first Sunday of each month in #book-club.");
        RestCall added = discord.awaitCallback(
                discord.submitModal(MOD, form.message().path("custom_id").asText(), values));
        assertThat(added.visibleText()).contains("Added answer");

        RestCall answer = discord.awaitCallback(
                discord.slash(DAN, "ask", option("question", 3, "when does the book club meet?")));
        assertThat(answer.visibleText()).contains("first Sunday of each month").contains("this server's FAQ");
    }

    @Test
    void ratingAnAnswerIsCountedOncePerMember() {
        RestCall answer = discord.awaitCallback(
                discord.slash(FAY, "ask", option("question", 3, "how much is boot.dev per month?")));
        String down = buttonIds(answer.message()).stream()
                .filter(id -> id.startsWith("2:ask:rate:down:"))
                .findFirst()
                .orElseThrow();
        RestCall rated = discord.awaitCallback(discord.pressButton(FAY, down));
        assertThat(rated.visibleText()).contains("Thanks for telling me");
        assertThat(rated.ephemeral()).isTrue();
        RestCall again = discord.awaitCallback(discord.pressButton(FAY, down));
        assertThat(again.visibleText()).contains("already rated");
    }

    // ---------------------------------------------------------------- helpers

    private RestCall replyTo(String messageId) {
        return discord.awaitCall(
                "a reply to message " + messageId,
                c -> c.method().equals("POST")
                        && c.path().startsWith("channels/")
                        && c.message()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(messageId),
                Duration.ofSeconds(20));
    }

    private List<RestCall> repliesTo(String messageId) {
        return discord.calls().stream()
                .filter(c -> c.method().equals("POST")
                        && c.message()
                                .path("message_reference")
                                .path("message_id")
                                .asText()
                                .equals(messageId))
                .toList();
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    static List<String> buttonIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            row.path("components").forEach(b -> ids.add(b.path("custom_id").asText()));
        }
        return ids;
    }

    private static List<String> inputIds(JsonNode modal) {
        List<String> ids = new ArrayList<>();
        for (JsonNode label : modal.path("components")) {
            ids.add(label.path("component").path("custom_id").asText());
        }
        return ids;
    }

    private static String inputValue(JsonNode modal, String id) {
        for (JsonNode label : modal.path("components")) {
            if (label.path("component").path("custom_id").asText().equals(id)) {
                return label.path("component").path("value").asText();
            }
        }
        throw new AssertionError("no input " + id + " in " + modal);
    }

    /** A bot that asks for the Message Content intent where it is not enabled stops with one clear line. */
    @Test
    void aRefusedMessageContentIntentStopsStartUpWithWhatToDo(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (FakeDiscord refusing = new FakeDiscord()) {
            refusing.refuseMessageContentIntent();
            {
                DiscordConfig config = new DiscordConfig(
                                DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                                Optional.of(refusing.restUrl()),
                                Optional.of(refusing.gatewayUrl()),
                                List.of(),
                                Set.of())
                        .withMessageContentIntent(true);
                assertThatThrownBy(() ->
                                BotProcess.start(new AppConfig(dir, Optional.empty()).withDiscord(Optional.of(config))))
                        .isInstanceOf(StartupException.class)
                        .hasMessageContaining("Message Content intent")
                        .hasMessageContaining("Developer Portal")
                        .hasMessageContaining("DISCORD_MESSAGE_CONTENT_INTENT");
            }
        }
    }
}
