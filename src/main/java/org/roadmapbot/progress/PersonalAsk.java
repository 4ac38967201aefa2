package org.roadmapbot.progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Reply;

/**
 * /ask, aware of the asker's progress: a personal question ("what should I do next?", "how far
 * am I?") from a member who has started is answered from their own progress, as /progress next
 * or /progress show would. Every other question, and every member who has not started, gets
 * the plain /ask answer. Wraps the ask command rather than changing it.
 */
public final class PersonalAsk implements Command {

    /** "what should I study next", "what do I do next?", "my next topic", "what's next for me". */
    private static final Pattern NEXT = Pattern.compile(
            "\\b(what|which)\\b.*\\b(should|do|can|shall|must)\\s+i\\b.*\\bnext\\b"
                    + "|\\bmy\\s+next\\b|\\bnext\\s+for\\s+me\\b|\\bwhat\\s+now\\s+for\\s+me\\b");

    /** "how far am I", "my progress", "am I on track / behind", "how much is left for me". */
    private static final Pattern STANDING = Pattern.compile(
            "\\bmy\\s+progress\\b|\\bhow\\s+far\\s+(am\\s+i|along\\s+am\\s+i|have\\s+i\\s+got)\\b"
                    + "|\\bam\\s+i\\s+(on\\s+track|behind|ahead)\\b|\\bhow\\s+much\\s+(is\\s+)?left\\s+for\\s+me\\b"
                    + "|\\bwhere\\s+am\\s+i\\s+(on|in)\\s+the\\s+roadmap\\b");

    private final Command ask;
    private final String questionOption;
    private final ProgressCommand progress;
    private final ProgressService service;

    /**
     * @param ask            the plain /ask command
     * @param questionOption the name of its question option
     */
    public PersonalAsk(Command ask, String questionOption, ProgressCommand progress, ProgressService service) {
        this.ask = ask;
        this.questionOption = questionOption;
        this.progress = progress;
        this.service = service;
    }

    @Override
    public CommandSpec spec() {
        return ask.spec();
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.string(questionOption).orElse("").toLowerCase(Locale.ROOT);
        String sub = NEXT.matcher(question).find() ? ProgressCommand.NEXT
                : STANDING.matcher(question).find() ? ProgressCommand.SHOW : null;
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
