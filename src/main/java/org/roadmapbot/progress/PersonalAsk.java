package org.roadmapbot.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.WrappingCommand;

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
public final class PersonalAsk extends WrappingCommand {

    private final String questionOption;
    private final Function<String, Optional<String>> intents;
    private final Supplier<Optional<ProgressCommand>> progress;

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
        super(ask);
        this.questionOption = questionOption;
        this.intents = intents;
        this.progress = progress;
    }

    @Override
    protected Reply handle(CommandRequest request) {
        String question = request.string(questionOption).orElse("");
        String sub = intents.apply(question)
                .map(intent -> intent.equals("standing") ? ProgressCommand.SHOW : ProgressCommand.NEXT)
                .orElse(null);
        Optional<ProgressCommand> started = sub == null
                ? Optional.empty()
                : progress.get().filter(p -> p.started(request.guildId(), request.memberId()));
        if (started.isEmpty()) {
            return handOff(request);
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
}
