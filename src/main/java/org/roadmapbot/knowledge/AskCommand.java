package org.roadmapbot.knowledge;

import java.util.List;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;

/** /ask question — answers from the bundled data, naming the entries it used. */
public final class AskCommand implements Command {

    public static final String NAME = "ask";
    public static final String QUESTION = "question";
    public static final int MAX_QUESTION_LENGTH = 500;
    /** Button action: show the whole entry ({@code 2:ask:more:<entry id>}). */
    static final String MORE = "more";

    private static final CommandSpec SPEC = CommandSpec.of(
            NAME,
            "Ask anything about the backend roadmap, courses, projects or careers",
            OptionSpec.string(QUESTION, "Your question, in your own words", true, MAX_QUESTION_LENGTH));

    /**
     * Optional rewording of a found answer (LLM phrasing). It gets the plain reply and returns
     * it, or a reply with the same facts and sources; it never throws and is never slow.
     */
    @FunctionalInterface
    public interface Phraser {
        Phraser PLAIN = (request, answer, plain) -> plain;

        Reply phrase(CommandRequest request, Answer answer, Reply plain);
    }

    private final AnswerService answers;
    private final Phraser phraser;
    private final Handlers handlers = Handlers.builder(SPEC)
            .command(this::answer)
            .button(MORE, 1, this::more)
            .build();

    public AskCommand(AnswerService answers) {
        this(answers, Phraser.PLAIN);
    }

    public AskCommand(AnswerService answers, Phraser phraser) {
        this.answers = answers;
        this.phraser = phraser;
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply answer(CommandRequest request) {
        String question = request.string(QUESTION).orElseThrow().strip();
        Answer answer = answers.answer(question);
        Reply plain = toReply(answer);
        // "Nothing found" stays plain: there are no facts to phrase.
        return answer.found() ? phraser.phrase(request, answer, plain) : plain;
    }

    /**
     * The plain reply for an answer; phrasing, when enabled, replaces only the text. A found answer
     * is short; a "More about …" button per entry shows the whole entry.
     */
    public static Reply toReply(Answer answer) {
        if (!answer.found()) {
            return Reply.builder(answer.text()).ephemeral(true).build();
        }
        Reply.Builder reply = Reply.builder(answer.text())
                .footer(AnswerService.citation(answer.entries()))
                .sources(answer.sources());
        for (Entry e : answer.entries()) {
            reply.button(new Reply.Button(
                    ButtonId.of(NAME, MORE, e.id()).encode(),
                    Text.truncate("More about " + e.title(), 80),
                    Reply.Button.Style.SECONDARY));
        }
        return reply.build();
    }

    /** "More about …": the whole entry behind a short answer. */
    private Reply more(CommandRequest presser, ButtonId button) {
        return answers.entry(button.arg(0))
                .map(e -> Reply.builder(e.answer())
                        .title(e.title())
                        .footer(AnswerService.citation(List.of(e)))
                        .sources(List.of(e.id()))
                        .ephemeral(true)
                        .build())
                .orElseGet(() -> Reply.error("That entry is no longer in the roadmap data. Ask again with `/ask`."));
    }
}
