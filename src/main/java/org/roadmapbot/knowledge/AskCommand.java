package org.roadmapbot.knowledge;

import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;

/** /ask question — answers from the bundled data, naming the entries it used. */
public final class AskCommand implements Command {

    public static final String NAME = "ask";
    public static final String QUESTION = "question";
    public static final int MAX_QUESTION_LENGTH = 500;

    private static final CommandSpec SPEC = CommandSpec.of(NAME,
            "Ask anything about the backend roadmap, courses, projects or careers",
            OptionSpec.string(QUESTION, "Your question, in your own words", true, MAX_QUESTION_LENGTH));

    private final AnswerService answers;

    public AskCommand(AnswerService answers) {
        this.answers = answers;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.string(QUESTION).orElseThrow().strip();
        return toReply(answers.answer(question));
    }

    /** The plain reply for an answer; phrasing, when enabled, replaces only the text. */
    public static Reply toReply(Answer answer) {
        if (!answer.found()) {
            return Reply.builder(answer.text()).ephemeral(true).build();
        }
        return Reply.builder(answer.text())
                .footer(AnswerService.citation(answer.entries()))
                .sources(answer.sources())
                .build();
    }
}
