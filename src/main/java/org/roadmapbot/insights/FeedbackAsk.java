package org.roadmapbot.insights;

import java.util.Optional;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.UserError;
import org.roadmapbot.core.WrappingCommand;
import org.roadmapbot.faq.CuratedAnswer;

/**
 * /ask with the loop closed: every question is counted for /insights (answered, from the server's FAQ,
 * or not, in which case its text is kept while the server keeps questions), and every answer carries
 * 👍/👎 buttons whose ratings are counted, a 👎 keeping the question. Wraps the ask command (the
 * outermost of its wrappers, so it sees the reply members see).
 */
public final class FeedbackAsk extends WrappingCommand {

    /** Button action: rate an answer ("2:ask:rate:up:<token>", "2:ask:rate:down:<token>"; version 1 had no "2:"). */
    static final String RATE = "rate";

    static final String UP = "up";
    static final String DOWN = "down";

    private final String questionOption;
    private final AskLog log;
    private final RecentAnswers recent;

    public FeedbackAsk(Command ask, String questionOption, AskLog log, RecentAnswers recent) {
        super(ask);
        this.questionOption = questionOption;
        this.log = log;
        this.recent = recent;
    }

    @Override
    protected void addButtons(Handlers.Builder builder) {
        builder.button(RATE, 2, this::rate);
    }

    @Override
    protected Reply handle(CommandRequest request) {
        return answer(request, true);
    }

    /**
     * The answer, with rating buttons when there is one; {@code counted} false for a question nobody put
     * to the bot (a post in a help channel it answers on its own): not counted as asked nor kept.
     */
    public Reply answer(CommandRequest request, boolean counted) {
        String question = request.string(questionOption).orElse("").strip();
        Reply reply = handOff(request);
        if (reply.error()) {
            return reply;
        }
        boolean found = !reply.sources().isEmpty();
        if (counted) {
            boolean curated = reply.sources().stream().anyMatch(CuratedAnswer::isCurated);
            log.asked(
                    request.guildId(),
                    question,
                    !found ? AskLog.Outcome.UNANSWERED : curated ? AskLog.Outcome.CURATED : AskLog.Outcome.ANSWERED);
        }
        if (!found || request.guildId().isEmpty()) {
            return reply;
        }
        String token = recent.remember(request.guildId(), question);
        return reply.toBuilder()
                .button(new Reply.Button(
                        ButtonId.of(spec().name(), RATE, UP, token).encode(),
                        "👍 Helpful",
                        Reply.Button.Style.SECONDARY))
                .button(new Reply.Button(
                        ButtonId.of(spec().name(), RATE, DOWN, token).encode(),
                        "👎 Not helpful",
                        Reply.Button.Style.SECONDARY))
                .build();
    }

    /** A 👍 or 👎: counted once per member and answer; a 👎 keeps the question for /insights. */
    private Reply rate(CommandRequest presser, ButtonId button) {
        String verdict = button.arg(0);
        String token = button.arg(1);
        if (!(verdict.equals(UP) || verdict.equals(DOWN)) || !RecentAnswers.wellFormed(token)) {
            throw new UserError(ButtonId.STALE);
        }
        if (presser.guildId().isEmpty()) {
            throw new UserError("Please rate answers in the server.");
        }
        boolean helpful = verdict.equals(UP);
        Optional<RecentAnswers.Recent> answer =
                recent.find(token).filter(r -> r.guildId().equals(presser.guildId()));
        if (answer.isPresent() && !answer.get().rate(presser.memberId())) {
            return Reply.builder("You already rated this answer; thanks!")
                    .ephemeral(true)
                    .build();
        }
        log.rated(
                presser.guildId(),
                helpful,
                answer.map(RecentAnswers.Recent::question).orElse(null));
        return Reply.builder(
                        helpful
                                ? "Thanks! Glad it helped. 👍"
                                : "Thanks for telling me. 👎 The server's moderators see which answers missed in `/insights` and can add a better one.")
                .ephemeral(true)
                .build();
    }
}
