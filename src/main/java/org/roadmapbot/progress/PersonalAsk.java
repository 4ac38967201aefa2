package org.roadmapbot.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Reply;

/**
 * /ask, aware of the asker's progress: a personal question ("what should I do next?", "how far
 * am I?", "where do I start?") from a member who has started is answered from their own progress,
 * as /progress next or /progress show would. Every other question, and every member who has not
 * started, gets the plain /ask answer (which points a personal question to Phase 1 and
 * /progress start). Which questions are personal is the knowledge rules' call ({@code intents}),
 * so /ask and this wrapper never disagree. Wraps the ask command rather than changing it.
 */
public final class PersonalAsk implements Command {

    private final Command ask;
    private final String questionOption;
    private final Function<String, Optional<String>> intents;
    private final ProgressCommand progress;
    private final ProgressService service;

    /**
     * @param ask            the plain /ask command
     * @param questionOption the name of its question option
     * @param intents        the personal intent of a question: "start", "next", "standing", or empty
     */
    public PersonalAsk(Command ask, String questionOption, Function<String, Optional<String>> intents,
                       ProgressCommand progress, ProgressService service) {
        this.ask = ask;
        this.questionOption = questionOption;
        this.intents = intents;
        this.progress = progress;
        this.service = service;
    }

    @Override
    public CommandSpec spec() {
        return ask.spec();
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.string(questionOption).orElse("");
        String sub = intents.apply(question)
                .map(intent -> intent.equals("standing") ? ProgressCommand.SHOW : ProgressCommand.NEXT)
                .orElse(null);
        if (sub == null || service.repository().enrollment(request.guildId(), request.memberId()).isEmpty()) {
            return ask.handle(request);
        }
        Reply personal = progress.handle(request.withOptions(ProgressCommand.NAME, sub, Map.of()));
        Reply.Builder reply = personal.toBuilder();
        if (personal.sources().isEmpty()) {
            reply.sources(List.of("roadmap"));
        }
        return reply.build();
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return ask.autocomplete(request, option, typed);
    }

    @Override
    public Reply onButton(CommandRequest presser, String args) {
        return ask.onButton(presser, args);
    }
}
