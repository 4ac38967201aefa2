package org.roadmapbot.bench;

import static org.roadmapbot.bench.BenchSetup.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.Answer;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.phrasing.LocalOpenAiServer;
import org.roadmapbot.phrasing.PhrasingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `bench phrasing`: what LLM phrasing costs a member, with the model itself taken out. A local
 * OpenAI-compatible endpoint on 127.0.0.1 ({@link LocalOpenAiServer}) answers each request with the facts it was sent (a
 * rewording that keeps every fact, so the whole guard runs and passes) after a set delay; every
 * found /ask goes through the real router, LangChain4j client, HTTP and guard. Then the endpoint
 * stops answering, and each ask must come back plain within the budget.
 */
@Command(
        name = "phrasing",
        description = "Measure what LLM phrasing adds to /ask: the guard's checks, the round trip, the budget.")
public final class PhrasingBench implements Callable<Integer> {

    @Option(names = "--asks", description = "Phrased asks to time (default: ${DEFAULT-VALUE}).", defaultValue = "600")
    int asks;

    @Option(
            names = "--model-ms",
            description = "How long the fake model takes per answer (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int modelMillis;

    @Option(
            names = "--stalled",
            description = "Asks against a model that never answers (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int stalled;

    @Mixin
    BenchSetup setup;

    @Override
    public Integer call() throws Exception {
        try (LocalOpenAiServer model = new LocalOpenAiServer();
                BenchDirectory directory = setup.directory("roadmap-bot-phrasing")) {
            model.respond(request -> echoFacts(request, modelMillis));
            PhrasingConfig phrasing = new PhrasingConfig(
                    true,
                    model.baseUrl(),
                    "bench-model",
                    Optional.empty(),
                    PhrasingConfig.DEFAULT_TIMEOUT,
                    100_000,
                    Duration.ZERO,
                    PhrasingConfig.DEFAULT_MAX_CHARS);
            try (Application app =
                    Application.start(BenchSetup.config(directory.path()).withPhrasing(phrasing))) {
                // Questions with an answer whose facts, sent back whole, fit the length cap: a real model
                // shortens long ones; this echo cannot, and the cap would refuse it before the guard ran.
                List<String> found = new ArrayList<>();
                for (String q : LoadDriver.questions(app.knowledge())) {
                    Answer answer = app.answers().answer(q);
                    if (answer.found() && answer.text().length() < phrasing.maxOutputChars()) {
                        found.add(q);
                    }
                }
                for (int i = 0; i < Math.min(200, asks); i++) {
                    ask(app, found.get(i % found.size()));
                }
                LlmPhraser phraser = app.phraser().orElseThrow();
                // The guard's own time per model reply, from now on (after the warm-up).
                Histogram checks = Latencies.histogram();
                phraser.onGuardChecked(nanos -> {
                    synchronized (checks) {
                        Latencies.record(checks, nanos);
                    }
                });
                Histogram total = Latencies.histogram();
                int phrased = 0;
                for (int i = 0; i < asks; i++) {
                    long start = System.nanoTime();
                    Reply reply = ask(app, found.get(i % found.size()));
                    Latencies.record(total, System.nanoTime() - start);
                    if (reply.content().endsWith(LlmPhraser.AI_MARK)) {
                        phrased++;
                    }
                }

                model.respond(request -> LocalOpenAiServer.stall());
                Histogram stalledTimes = Latencies.histogram();
                int plain = 0;
                for (int i = 0; i < stalled; i++) {
                    long start = System.nanoTime();
                    Reply reply = ask(app, found.get(i % found.size()));
                    Latencies.record(stalledTimes, System.nanoTime() - start);
                    if (reply.content().endsWith(LlmPhraser.UNAVAILABLE_NOTE)) {
                        plain++;
                    }
                }
                long budget = PhrasingConfig.DEFAULT_TIMEOUT.toMillis();
                BenchSetup.header();
                row(
                        "phrased `/ask` answers (model answers in " + modelMillis + " ms, " + asks + " asks of "
                                + found.size() + " found questions)",
                        String.format(Locale.ROOT, "%d of %d passed the guard", phrased, asks));
                row(
                        "guard per model reply (reading the facts, checking the reply; goal p99 ≤ 100 ms), p50 / p99 / max ("
                                + checks.getTotalCount() + " replies after warm-up)",
                        ms(checks.getValueAtPercentile(50)) + " / " + ms(checks.getValueAtPercentile(99)) + " / "
                                + ms(checks.getMaxValue()));
                row(
                        "phrased `/ask` end to end (retrieval, prompt, HTTP, LangChain4j, guard), p50 / p99 / max",
                        ms(total.getValueAtPercentile(50)) + " / " + ms(total.getValueAtPercentile(99)) + " / "
                                + ms(total.getMaxValue()));
                row(
                        "phrased `/ask` p99 minus the model's own time (retrieval, HTTP, client, guard)",
                        ms(Math.max(0, total.getValueAtPercentile(99) - TimeUnit.MILLISECONDS.toNanos(modelMillis))));
                row(
                        "model that never answers: plain answer after, p99 / max (budget " + budget + " ms, goal ≤ "
                                + (budget + 100) + " ms)",
                        ms(stalledTimes.getValueAtPercentile(99)) + " / " + ms(stalledTimes.getMaxValue())
                                + String.format(Locale.ROOT, " (%d of %d plain with the note)", plain, stalled));
                System.out.printf(Locale.ROOT, "| machine | %s |%n", Machine.describe());
            }
        }
        return 0;
    }

    private static Reply ask(Application app, String question) {
        return app.router()
                .dispatch(new CommandRequest(
                        "bench",
                        "member",
                        "Bench",
                        false,
                        AskCommand.NAME,
                        null,
                        Map.of(AskCommand.QUESTION, question)));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /** The facts block of a request, without its "[n] " labels: a rewording that keeps every fact. */
    private static LocalOpenAiServer.Response echoFacts(JsonNode request, int delayMillis) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String user = LocalOpenAiServer.message(request, "user");
        int from = user.indexOf("<facts>\n") + "<facts>\n".length();
        return LocalOpenAiServer.completion(
                user.substring(from, user.indexOf("\n</facts>", from)).replaceAll("(?m)^\\[\\d+] ", ""));
    }
}
