package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/** /ask's answer cache: a repeated question is answered from it, the same way; phrasing still runs per request. */
class AskCommandCacheTest {

    private static AnswerService answers;

    @BeforeAll
    static void load() {
        answers = new AnswerService(KnowledgeLoader.loadBundled());
    }

    /** The metrics port as the app's registry sees it: the cache's counts, read on demand. */
    private static final class Watched implements BotMetrics {
        String name;
        Supplier<CacheCounts> counts;

        @Override
        public void cache(String name, Supplier<CacheCounts> counts) {
            this.name = name;
            this.counts = counts;
        }

        CacheCounts now() {
            return counts.get();
        }
    }

    /** Phrasing that names the asker, counting its calls: a cached reply would show the first asker's name. */
    private static final class NamingPhraser implements AskCommand.Phraser {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply phrase(CommandRequest request, Answer answer, Reply plain) {
            calls.incrementAndGet();
            return Reply.builder("For " + request.displayName() + ": " + plain.content())
                    .footer(plain.footer())
                    .sources(plain.sources())
                    .build();
        }
    }

    private static Reply ask(CommandRouter router, String member, String question) {
        return router.dispatch(new CommandRequest(
                "g", member, member, false, AskCommand.NAME, null, Map.of(AskCommand.QUESTION, question)));
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheWithTheSameReply() {
        Watched metrics = new Watched();
        NamingPhraser phraser = new NamingPhraser();
        CommandRouter router = new CommandRouter(List.of(new AskCommand(answers, phraser, metrics)));
        assertThat(metrics.name).isEqualTo(AskCommand.ANSWER_CACHE);

        Reply first = ask(router, "Ann", "how much is boot.dev a month");
        assertThat(metrics.now().misses()).isEqualTo(1);
        assertThat(metrics.now().hits()).isZero();
        // Stripped as the command always stripped it: the same question.
        Reply again = ask(router, "Ann", "  how much is boot.dev a month ");
        assertThat(metrics.now().hits()).isEqualTo(1);
        assertThat(metrics.now().misses()).isEqualTo(1);
        assertThat(again.content()).isEqualTo(first.content()).contains("$49");
        assertThat(again.sources()).isEqualTo(first.sources()).containsExactly("boot-dev-backend");
        assertThat(again.footer()).isEqualTo(first.footer());

        // Phrasing runs on every request, cached answer or not.
        Reply bob = ask(router, "Bob", "how much is boot.dev a month");
        assertThat(metrics.now().hits()).isEqualTo(2);
        assertThat(phraser.calls).hasValue(3);
        assertThat(first.content()).startsWith("For Ann: ");
        assertThat(bob.content())
                .startsWith("For Bob: ")
                .endsWith(first.content().substring("For Ann: ".length()));
        assertThat(metrics.now().size()).isEqualTo(1);
    }

    @Test
    void aDifferentQuestionIsNotAndCaseMatters() {
        Watched metrics = new Watched();
        CommandRouter router = new CommandRouter(List.of(new AskCommand(answers, AskCommand.Phraser.PLAIN, metrics)));
        Reply price = ask(router, "Ann", "how much is boot.dev a month");
        Reply hours = ask(router, "Ann", "scrimba hours");
        assertThat(hours.sources()).containsExactly("scrimba-backend-path").isNotEqualTo(price.sources());
        // "Go" the language and "go" the verb are different questions to the answers, so different keys.
        Reply language = ask(router, "Ann", "is Go worth learning");
        Reply verb = ask(router, "Ann", "is go worth learning");
        assertThat(metrics.now().misses()).isEqualTo(4);
        assertThat(metrics.now().hits()).isZero();
        assertThat(metrics.now().size()).isEqualTo(4);
        // Each is the service's own answer for its exact text.
        assertThat(language.content())
                .isEqualTo(AskCommand.toReply(answers.answer("is Go worth learning"))
                        .content());
        assertThat(verb.content())
                .isEqualTo(AskCommand.toReply(answers.answer("is go worth learning"))
                        .content());
    }

    @Test
    void theCacheKeepsItsBound() {
        Watched metrics = new Watched();
        CommandRouter router =
                new CommandRouter(List.of(new AskCommand(answers, AskCommand.Phraser.PLAIN, metrics, 3)));
        List<String> questions = List.of(
                "how much is boot.dev a month",
                "scrimba hours",
                "what is phase 2 about?",
                "how long is phase 1",
                "who teaches Learn Node.js",
                "what's the weather tomorrow?",
                "write me a poem about cats");
        for (String q : questions) {
            Reply reply = ask(router, "Ann", q);
            assertThat(reply.content())
                    .isEqualTo(AskCommand.toReply(answers.answer(q)).content());
            assertThat(metrics.now().size()).isLessThanOrEqualTo(3);
        }
        assertThat(metrics.now().evictions()).isEqualTo(questions.size() - 3);
        assertThat(metrics.now().misses()).isEqualTo(questions.size());
    }
}
