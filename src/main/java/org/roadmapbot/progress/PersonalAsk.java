package org.roadmapbot.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Reply;

/**
 * /ask, aware of the asker's progress: a personal question ("what should I do next?", "how far
 * am I?", "where do I start?") from a member who has started is answered from their own progress,
 * as /progress next or /progress show would. Every other question, and every member who has not
 * started, gets the plain /ask answer (which points a personal question to Phase 1 and
 * /progress start). Which questions are personal is the knowledge rules' call ({@code intents}),
 * so /ask and this wrapper never disagree. Wraps the ask command rather than changing it.
 *
 * <p>Progress is reached through a supplier: a one-shot ask opens the database only for a personal
 * question, and only when there is one (no database: nobody has started).
 */
public final class PersonalAsk implements Command {

    private final Command ask;
    private final String questionOption;
    private final Function<String, Optional<String>> intents;
    private final Supplier<Optional<ProgressCommand>> progress;
    private final Handlers handlers;

    /**
     * @param ask            the plain /ask command
     * @param questionOption the name of its question option
     * @param intents        the personal intent of a question: "start", "next", "standing", or empty
     * @param progress       /progress, when member data is available (asked only for a personal question)
     */
    public PersonalAsk(
            Command ask,
            String questionOption,
            Function<String, Optional<String>> intents,
            Supplier<Optional<ProgressCommand>> progress) {
        this.ask = ask;
        this.questionOption = questionOption;
        this.intents = intents;
        this.progress = progress;
        // The plain /ask's buttons ("More about …") keep working through this wrapper.
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
        String question = request.string(questionOption).orElse("");
        String sub = intents.apply(question)
                .map(intent -> intent.equals("standing") ? ProgressCommand.SHOW : ProgressCommand.NEXT)
                .orElse(null);
        Optional<ProgressCommand> started = sub == null
                ? Optional.empty()
                : progress.get().filter(p -> p.started(request.guildId(), request.memberId()));
        if (started.isEmpty()) {
            return ask.handlers().forSubcommand(null).orElseThrow().handle(request);
        }
        Reply personal = started.get()
                .handlers()
                .forSubcommand(sub)
                .orElseThrow()
                .handle(request.withOptions(ProgressCommand.NAME, sub, Map.of()));
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
}
