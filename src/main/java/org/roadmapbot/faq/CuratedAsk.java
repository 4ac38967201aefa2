package org.roadmapbot.faq;

import java.util.List;
import java.util.Optional;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.WrappingCommand;
import org.roadmapbot.knowledge.Answer;
import org.roadmapbot.knowledge.AskCommand;

/**
 * /ask in a server that taught its bot: when the server's own curated answers hold the answer (searched
 * together with the bundled entries, see {@link ServerFaqs#answer}), that answer, cited as this server's
 * FAQ; otherwise the plain /ask, untouched. Wraps the ask command rather than changing it, as
 * {@code PersonalAsk} does.
 */
public final class CuratedAsk extends WrappingCommand {

    private final String questionOption;
    private final ServerFaqs faqs;

    public CuratedAsk(Command ask, String questionOption, ServerFaqs faqs) {
        super(ask);
        this.questionOption = questionOption;
        this.faqs = faqs;
    }

    @Override
    protected Reply handle(CommandRequest request) {
        String question = request.string(questionOption).orElse("").strip();
        Optional<Answer> curated = faqs.answer(request.guildId(), question);
        return curated.isPresent() ? reply(curated.get()) : handOff(request);
    }

    /**
     * The reply of an answer that uses curated entries: as /ask's, without "More about" for a curated
     * entry (its answer is shown whole already).
     */
    static Reply reply(Answer answer) {
        Reply plain = AskCommand.toReply(answer);
        Reply.Builder reply =
                Reply.builder(plain.content()).footer(plain.footer()).sources(plain.sources());
        List<String> curated = answer.entries().stream()
                .map(e -> e.id())
                .filter(CuratedAnswer::isCurated)
                .toList();
        for (Reply.Button b : plain.buttons()) {
            if (curated.stream().noneMatch(id -> b.customId().endsWith(":" + id))) {
                reply.button(b);
            }
        }
        return reply.build();
    }
}
