package org.roadmapbot.askanywhere;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.UserError;
import org.roadmapbot.insights.RecentAnswers;

/**
 * "Ask Roadmap Bot" in every message's menu (Discord: Apps → Ask Roadmap Bot): answers the message's text
 * as /ask does (the server's FAQ included, counted for /insights), privately to the member who chose it,
 * with a button that posts the answer publicly as a reply to that message. The message's text comes with
 * the interaction, so no privileged intent is needed.
 */
public final class AskAboutMessage implements Command {

    public static final String NAME = "Ask Roadmap Bot";
    /** Button action: post the answer publicly ("2:ask-roadmap-bot:post:<token>": {@link ButtonId#commandKey}). */
    static final String POST = "post";
    /** How long the "Post publicly" button works. */
    static final Duration POSTABLE = Duration.ofMinutes(30);

    private static final CommandSpec SPEC = CommandSpec.message(
            NAME,
            "Answer a message's question from the roadmap and this server's FAQ (only you see it, then post it if you like)",
            4000);

    /** An answer that may be posted: where, and what. */
    record Postable(String guildId, String memberId, String channelId, String messageId, Reply reply) {}

    private final Command ask;
    private final Handlers.Handler askHandler;
    private final String questionOption;
    private final int maxQuestionLength;
    private final Messenger messenger;
    private final Cache<String, Postable> postable =
            Caffeine.newBuilder().expireAfterWrite(POSTABLE).maximumSize(10_000).build();
    private final Handlers handlers;

    /**
     * @param ask the /ask members use (counted, with rating buttons); asked with {@code questionOption}
     *            of at most {@code maxQuestionLength} characters
     * @throws IllegalArgumentException {@code ask} has subcommands
     */
    public AskAboutMessage(Command ask, String questionOption, int maxQuestionLength, Messenger messenger) {
        this.ask = ask;
        this.askHandler = ask.wholeCommandHandler();
        this.questionOption = questionOption;
        this.maxQuestionLength = maxQuestionLength;
        this.messenger = messenger;
        this.handlers = Handlers.builder(SPEC)
                .command(this::answer)
                .button(POST, 1, (presser, button) -> post(presser, button.arg(0)))
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply answer(CommandRequest request) {
        String question =
                MessageQuestion.of(request.string(CommandSpec.MESSAGE_TEXT).orElse(""), maxQuestionLength);
        if (question.isEmpty()) {
            throw new UserError("That message has no text I can answer. Ask me with `/ask` instead.");
        }
        Reply answer =
                askHandler.handle(request.withOptions(ask.spec().name(), null, Map.of(questionOption, question)));
        Reply.Builder mine = answer.toBuilder().ephemeral(true);
        if (!answer.sources().isEmpty() && !answer.ephemeral()) {
            String token = RecentAnswers.newToken();
            postable.put(
                    token,
                    new Postable(
                            request.guildId(),
                            request.memberId(),
                            request.string(CommandSpec.MESSAGE_CHANNEL).orElseThrow(),
                            request.string(CommandSpec.MESSAGE_ID).orElseThrow(),
                            answer));
            mine.button(new Reply.Button(
                    ButtonId.of(ButtonId.commandKey(NAME), POST, token).encode(),
                    "Post publicly as a reply",
                    Reply.Button.Style.PRIMARY));
        }
        return mine.build();
    }

    /** "Post publicly": the answer goes to the channel as a reply to the message, once. */
    private Reply post(CommandRequest presser, String token) {
        Postable p = postable.getIfPresent(token);
        if (p == null || !p.guildId().equals(presser.guildId()) || !p.memberId().equals(presser.memberId())) {
            throw new UserError("That answer can't be posted any more (it was posted already, or is older than "
                    + POSTABLE.toMinutes() + " minutes). Choose *Apps → Ask Roadmap Bot* on the message again.");
        }
        postable.invalidate(token);
        CompletableFuture<Void> sent = messenger.replyTo(p.guildId(), p.channelId(), p.messageId(), p.reply());
        Throwable refused = sent.handle((ok, thrown) -> thrown).getNow(null);
        if (refused != null) {
            Messenger.DeliveryException e = Messenger.failure(refused);
            return Reply.error("I couldn't post it there: "
                    + (e.reason() == Messenger.DeliveryException.Reason.NO_PERMISSION
                            ? "I'm not allowed to send messages in that channel."
                            : "Discord refused it. Try again in a moment."));
        }
        return Reply.builder("Posted as a reply to the message in <#" + p.channelId() + ">.")
                .ephemeral(true)
                .build();
    }
}
