package org.roadmapbot.insights;

import java.util.List;
import java.util.Optional;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.UserError;
import org.roadmapbot.faq.CuratedAnswer;

/**
 * /ask with the loop closed: every question is counted for /insights (answered, from the server's FAQ,
 * or not, in which case its text is kept while the server keeps questions), and every answer carries
 * 👍/👎 buttons whose ratings are counted, a 👎 keeping the question. Wraps the ask command (the
 * outermost of its wrappers, so it sees the reply members see).
 */
public final class FeedbackAsk implements Command {

    /** Button action: rate an answer ("ask:rate:up:<token>", "ask:rate:down:<token>"). */
    static final String RATE = "rate";
    static final String UP = "up";
    static final String DOWN = "down";

    private final Command ask;
    private final String questionOption;
    private final AskLog log;
    private final RecentAnswers recent;

    public FeedbackAsk(Command ask, String questionOption, AskLog log, RecentAnswers recent) {
        this.ask = ask;
        this.questionOption = questionOption;
        this.log = log;
        this.recent = recent;
    }

    @Override
    public CommandSpec spec() {
        return ask.spec();
    }

    @Override
    public Reply handle(CommandRequest request) {
        return answer(request, true);
    }

    /**
     * The answer, with rating buttons when there is one; {@code counted} false for a question nobody put
     * to the bot (a post in a help channel it answers on its own): not counted as asked nor kept.
     */
    public Reply answer(CommandRequest request, boolean counted) {
        String question = request.string(questionOption).orElse("").strip();
        Reply reply = ask.handle(request);
        if (reply.error()) {
            return reply;
        }
        boolean found = !reply.sources().isEmpty();
        if (counted) {
            boolean curated = reply.sources().stream().anyMatch(CuratedAnswer::isCurated);
            log.asked(request.guildId(), question,
                    !found ? AskLog.Outcome.UNANSWERED : curated ? AskLog.Outcome.CURATED : AskLog.Outcome.ANSWERED);
        }
        if (!found || request.guildId().isEmpty()) {
            return reply;
        }
        String token = recent.remember(request.guildId(), question);
        return reply.toBuilder()
                .button(new Reply.Button(spec().name() + ":" + RATE + ":" + UP + ":" + token, "👍 Helpful", Reply.Button.Style.SECONDARY))
                .button(new Reply.Button(spec().name() + ":" + RATE + ":" + DOWN + ":" + token, "👎 Not helpful", Reply.Button.Style.SECONDARY))
                .build();
    }

    @Override
    public Reply onButton(CommandRequest presser, String args) {
        if (!args.startsWith(RATE + ":")) {
            return ask.onButton(presser, args);
        }
        String[] parts = args.split(":");
        if (parts.length != 3 || !(parts[1].equals(UP) || parts[1].equals(DOWN)) || !RecentAnswers.wellFormed(parts[2])) {
            throw new UserError("That button no longer does anything.");
        }
        if (presser.guildId().isEmpty()) {
            throw new UserError("Please rate answers in the server.");
        }
        boolean helpful = parts[1].equals(UP);
        Optional<RecentAnswers.Recent> answer = recent.find(parts[2]).filter(r -> r.guildId().equals(presser.guildId()));
        if (answer.isPresent() && !answer.get().raters().add(presser.memberId())) {
            return Reply.builder("You already rated this answer; thanks!").ephemeral(true).build();
        }
        log.rated(presser.guildId(), helpful, answer.map(RecentAnswers.Recent::question).orElse(null));
        return Reply.builder(helpful ? "Thanks! Glad it helped. 👍"
                : "Thanks for telling me. 👎 The server's moderators see which answers missed in `/insights` and can add a better one.")
                .ephemeral(true).build();
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return ask.autocomplete(request, option, typed);
    }
}
