package org.roadmapbot.smalltalk;

import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.WrappingCommand;

/**
 * /ask that answers small talk ("hi", "thanks", "what can you do?") itself, privately and with no
 * sources (the guide has no answer to a greeting), and hands every other question to the /ask it
 * wraps. It is the outermost wrapper, so small talk is not counted in /insights as an unanswered
 * question.
 */
public final class SmallTalkAsk extends WrappingCommand {

    private final String questionOption;
    private final SmallTalk smallTalk;

    public SmallTalkAsk(Command ask, String questionOption, SmallTalk smallTalk) {
        super(ask);
        this.questionOption = questionOption;
        this.smallTalk = smallTalk;
    }

    @Override
    protected Reply handle(CommandRequest request) {
        return smallTalk
                .reply(request.string(questionOption).orElse(""))
                .map(text -> Reply.builder(text).ephemeral(true).build())
                .orElseGet(() -> handOff(request));
    }
}
