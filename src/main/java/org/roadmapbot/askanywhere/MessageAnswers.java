package org.roadmapbot.askanywhere;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.faq.ServerFaqs;
import org.roadmapbot.insights.FeedbackAsk;
import org.roadmapbot.smalltalk.SmallTalk;

/**
 * Answers where members ask, in the channel: a message that mentions the bot is answered as /ask, as
 * a reply (counted for /insights, with rating buttons), when the data or the server's FAQ has an
 * answer; small talk ("@Roadmap Bot thanks!") gets its friendly reply; otherwise a short pointer to /help. Each member gets at most {@link #MENTIONS_PER_WINDOW}
 * answers per {@link #WINDOW}. With a help channel set ({@code /faq settings help_channel}), its new
 * posts (top-level messages, or a forum's new posts) are answered when the answer policy is at least
 * {@link #HELP_CONFIDENCE} sure of an answer, and left alone otherwise; those need Discord's Message
 * Content intent to be read at all.
 */
public final class MessageAnswers implements ChannelMessages {

    public static final int MENTIONS_PER_WINDOW = 3;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * How sure the answer policy must be to answer a help channel's post nobody put to the bot: chatter
     * ("anyone up for lunch later?") reaches 0.5-0.75 by matching a word or two, real questions 0.95.
     */
    public static final double HELP_CONFIDENCE = 0.9;

    static final String EMPTY =
            "Ask me a question after the mention, e.g. “@Roadmap Bot how long is phase 2?”, or see `/help`.";
    static final String NO_ANSWER =
            "I don't have an answer to that in the roadmap data or this server's FAQ, so I won't guess. "
                    + "`/help` shows what I can answer.";
    static final String PERSONAL =
            "That's about your own progress, which I only show to you: use `/progress show` or `/progress next`.";

    private final FeedbackAsk ask;
    private final String questionOption;
    private final int maxQuestionLength;
    private final ServerFaqs faqs;
    private final MentionLimiter limiter;
    private final SmallTalk smallTalk;

    public MessageAnswers(
            FeedbackAsk ask,
            String questionOption,
            int maxQuestionLength,
            ServerFaqs faqs,
            SmallTalk smallTalk,
            Clock clock) {
        this.ask = ask;
        this.smallTalk = smallTalk;
        this.questionOption = questionOption;
        this.maxQuestionLength = maxQuestionLength;
        this.faqs = faqs;
        this.limiter = new MentionLimiter(MENTIONS_PER_WINDOW, WINDOW, clock);
    }

    @Override
    public Optional<Reply> answer(Posted message) {
        if (message.mentionsBot()) {
            return mention(message);
        }
        if (inHelpChannel(message)) {
            return helpPost(message);
        }
        return Optional.empty();
    }

    private Optional<Reply> mention(Posted message) {
        String question = MessageQuestion.of(message.text(), maxQuestionLength);
        switch (limiter.check(message.guildId(), message.memberId())) {
            case IGNORE -> {
                return Optional.empty();
            }
            case NOTICE -> {
                return Optional.of(Reply.text(
                        "You're asking quickly: I answer " + MENTIONS_PER_WINDOW + " mentions a minute per member. "
                                + "Try again in " + limiter.waitSeconds(message.guildId(), message.memberId())
                                + " s, or use `/ask` (only you see the answer)."));
            }
            default -> {
                // answered below
            }
        }
        if (question.isEmpty()) {
            return Optional.of(Reply.text(EMPTY));
        }
        Optional<String> chat = smallTalk.reply(question);
        if (chat.isPresent()) {
            return Optional.of(Reply.text(chat.get()));
        }
        Reply reply = ask.answer(request(message, question), true);
        if (reply.sources().isEmpty()) {
            return Optional.of(Reply.text(NO_ANSWER));
        }
        // A private answer (a member's own progress) is never posted in the channel.
        return Optional.of(reply.ephemeral() ? Reply.text(PERSONAL) : reply);
    }

    private boolean inHelpChannel(Posted message) {
        if (message.text().isBlank()) {
            return false;
        }
        Optional<String> help = faqs.settings(message.guildId()).helpChannelId();
        if (help.isEmpty()) {
            return false;
        }
        boolean topLevel = message.channelId().equals(help.get()) && message.parentId() == null && !message.isReply();
        boolean newForumPost = help.get().equals(message.parentId()) && message.startsThread();
        return topLevel || newForumPost;
    }

    private Optional<Reply> helpPost(Posted message) {
        String question = MessageQuestion.of(message.text(), maxQuestionLength);
        if (question.isEmpty()
                || limiter.check(message.guildId(), message.memberId()) != MentionLimiter.Verdict.ANSWER) {
            return Optional.empty();
        }
        // Nobody asked the bot: not counted, and answered only when there is an answer for all to see.
        if (faqs.confidence(message.guildId(), question) < HELP_CONFIDENCE) {
            return Optional.empty();
        }
        Reply reply = ask.answer(request(message, question), false);
        return reply.sources().isEmpty() || reply.ephemeral() ? Optional.empty() : Optional.of(reply);
    }

    private CommandRequest request(Posted message, String question) {
        return new CommandRequest(
                message.guildId(),
                message.memberId(),
                message.displayName(),
                message.moderator(),
                ask.spec().name(),
                null,
                Map.of(questionOption, question));
    }
}
