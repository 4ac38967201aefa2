package org.roadmapbot.smalltalk;

import java.util.List;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Reply;

/**
 * /ask that answers small talk ("hi", "thanks", "what can you do?") itself, privately and with no
 * sources (the guide has no answer to a greeting), and hands every other question to the /ask it
 * wraps. It is the outermost wrapper, so small talk is not counted in /insights as an unanswered
 * question.
 */
public final class SmallTalkAsk implements Command {

    private final Command ask;
    private final String questionOption;
    private final SmallTalk smallTalk;
    private final Handlers handlers;

    public SmallTalkAsk(Command ask, String questionOption, SmallTalk smallTalk) {
        this.ask = ask;
        this.questionOption = questionOption;
        this.smallTalk = smallTalk;
        // The wrapped /ask's buttons keep working through this wrapper.
        this.handlers = Handlers.builder(ask.spec())
                .command(this::answer)
                .buttonsOf(ask.handlers())
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply answer(CommandRequest request) {
        return smallTalk
                .reply(request.string(questionOption).orElse(""))
                .map(text -> Reply.builder(text).ephemeral(true).build())
                .orElseGet(
                        () -> ask.handlers().forSubcommand(null).orElseThrow().handle(request));
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return ask.autocomplete(request, option, typed);
    }
}
