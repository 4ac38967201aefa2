package org.roadmapbot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.console.ConsoleSession;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.schedule.MessengerSlot;
import org.roadmapbot.testing.TableDigest;

/**
 * Every command and subcommand the router lists, driven with generated input through the real
 * router (typed requests, as the Discord adapter builds them) and the real console parser
 * (typed lines): 1,000 inputs per path. For each input: nothing is thrown, the reply is a clear error or a valid
 * answer (see {@link ReplyChecks}), and a refused input leaves every table exactly as it was.
 *
 * <p>Reproducible: a fixed seed per path ({@code -Dfuzz.seed=N} to explore others,
 * {@code -Dfuzz.inputs=N} for more inputs per path). A failure names the path, the input number
 * and the input.
 */
class CommandFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 0x5EED2026L);
    /** Inputs per path: typed requests, then console lines (30 %). */
    static final int TOTAL = Integer.getInteger("fuzz.inputs", 1000);

    static final int INPUTS = TOTAL * 7 / 10;
    static final int LINES = TOTAL - INPUTS;

    @TempDir
    static Path dir;

    static Application app;
    static InputGenerator generator;

    @BeforeAll
    static void start() throws IOException {
        app = Application.start(new AppConfig(dir, Optional.empty()));
        // Scheduled deliveries and `/nudge test` reach a messenger that accepts everything; the
        // scheduler itself stays stopped (nothing fires while fuzzing).
        ((MessengerSlot) app.messenger()).set(new AcceptingMessenger());
        generator = new InputGenerator(app.router(), corpus());
    }

    /** Delivers nothing anywhere and always succeeds. */
    private static final class AcceptingMessenger implements Messenger {
        @Override
        public java.util.concurrent.CompletableFuture<Void> sendDirect(
                String guildId, String memberId, Reply message, String deliveryKey) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> postToChannel(
                String guildId, String channelId, Reply message, String deliveryKey) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean canPost(String guildId, String channelId) {
            return true;
        }
    }

    /**
     * The same starting data for every path, and little of it (the digest reads every row after
     * every input): the fuzz members' data deleted as /privacy delete does, then some members
     * started, so commands that need progress get past "start first".
     */
    private static void resetMembers() {
        for (String guild : InputGenerator.GUILDS) {
            for (String member : InputGenerator.MEMBERS) {
                app.personalData().delete(guild, member);
            }
        }
        String[][] enrolled = {{"python", "part-time"}, {"javascript", "full-time"}, {"python", "full-time"}};
        for (int i = 0; i < enrolled.length; i++) {
            String member = InputGenerator.MEMBERS.get(i);
            check(member, "progress", "start", Map.of("track", enrolled[i][0], "pace", enrolled[i][1]));
            // A few marks, so /progress undo and show have something to work on.
            List<Topic> topics = app.knowledge().topicsForTrack(enrolled[i][0]);
            for (int t = 0; t < 6; t++) {
                check(
                        member,
                        "progress",
                        t % 3 == 0 ? "studying" : "done",
                        Map.of("topic", topics.get(t * 2).id()));
            }
            // Features whose subcommands need some state first (a pause needs nudges on).
            if (app.router().spec("nudge").isPresent()) {
                check(member, "nudge", "on", Map.of("day", "monday", "hour", 18L, "timezone", "Europe/Berlin"));
            }
        }
        // A weekly leaderboard post, so that unschedule has something to stop.
        if (app.router().spec("leaderboard").isPresent()) {
            check(
                    InputGenerator.MEMBERS.get(0),
                    true,
                    "leaderboard",
                    "schedule",
                    Map.of("channel", "700000000000000001", "day", "monday", "hour", 18L, "timezone", "UTC"));
        }
    }

    private static void check(String member, String command, String sub, Map<String, Object> options) {
        check(member, false, command, sub, options);
    }

    private static void check(
            String member, boolean moderator, String command, String sub, Map<String, Object> options) {
        Reply reply = app.router()
                .dispatch(new CommandRequest(InputGenerator.GUILD, member, "Member", moderator, command, sub, options));
        assertThat(reply.error()).as(reply.content()).isFalse();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandSurvivesGeneratedInput() {
        List<InputGenerator.Path> paths = InputGenerator.Path.all(app.router().specs());
        return paths.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> fuzz(path)));
    }

    @Test
    void theFuzzerCoversEveryRegisteredCommand() {
        List<String> names = InputGenerator.Path.all(app.router().specs()).stream()
                .map(p -> p.spec().name())
                .distinct()
                .toList();
        assertThat(names)
                .contains("ask", "roadmap", "courses", "projects", "progress", "privacy", "help")
                .hasSameSizeAs(app.router().specs());
    }

    @Test
    void autocompleteNeverFailsOnHostileText() {
        SplittableRandom random = new SplittableRandom(SEED);
        CommandRouter router = app.router();
        for (InputGenerator.Path path : InputGenerator.Path.all(router.specs())) {
            for (OptionSpec option : path.options()) {
                if (!option.autocomplete()) {
                    continue;
                }
                for (int i = 0; i < 300; i++) {
                    String typed = HostileStrings.next(random);
                    CommandRequest caller =
                            generator.caller(random).withOptions(path.spec().name(), path.subName(), Map.of());
                    List<Command.Choice> choices = router.autocomplete(caller, option.name(), typed);
                    assertThat(choices)
                            .as("%s %s typed #%d", path, option.name(), i)
                            .hasSizeLessThanOrEqualTo(25)
                            .allSatisfy(c -> {
                                // Discord: name 1-100 chars, value up to 100.
                                assertThat(c.name()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                                assertThat(c.value()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                            });
                }
            }
        }
    }

    @Test
    void buttonPressesWithForgedIdsAreRefusedPolitely() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> prefixes = new ArrayList<>();
        // Both versions of the codec: ids of old messages (version 1) and new ones (version 2).
        app.router().specs().forEach(s -> {
            prefixes.add(s.name() + ":");
            prefixes.add(ButtonId.VERSION + ":" + s.name() + ":");
        });
        prefixes.add("");
        for (int i = 0; i < 1000; i++) {
            String id = prefixes.get(random.nextInt(prefixes.size())) + HostileStrings.next(random);
            id = id.length() > 100 ? id.substring(0, 100) : id;
            if (id.contains("confirm-delete")) {
                continue; // a real button, tested in PrivacyCommandTest; it deletes by design
            }
            CommandRequest presser = generator.caller(random).withOptions("press", null, Map.of());
            String before = digest();
            Reply reply = app.router().button(presser, id);
            assertThat(ReplyChecks.problems(reply))
                    .as("button %s", describe(id))
                    .isEmpty();
            if (reply.error()) {
                assertThat(digest())
                        .as("refused button %s changed the database", describe(id))
                        .isEqualTo(before);
            }
        }
    }

    private static List<String> tables;

    /** Digest of every table; the table list is read once (it does not change while fuzzing). */
    private static String digest() {
        if (tables == null) {
            tables = TableDigest.tables(app.database().dataSource());
            assertThat(tables).contains("member_track", "progress_event", "qrtz_triggers");
        }
        return TableDigest.digest(app.database().dataSource(), tables);
    }

    private static void fuzz(InputGenerator.Path path) {
        resetMembers();
        SplittableRandom random = new SplittableRandom(SEED ^ path.toString().hashCode());
        int errors = 0;
        int answers = 0;
        String digest = digest();
        for (int i = 0; i < INPUTS + LINES; i++) {
            boolean console = i >= INPUTS;
            CommandRequest request = console ? generator.caller(random) : generator.request(path, random);
            String line = console ? generator.consoleLine(path, request, random) : null;
            String input = console
                    ? "console line " + describe(line) + " as " + describe(request.displayName())
                    : "request " + describe(request.toString());
            Reply reply;
            try {
                reply = console
                        ? new ConsoleSession(app.router(), request, false).handle(line)
                        : app.router().dispatch(request);
            } catch (Throwable t) {
                throw new AssertionError(path + " input #" + i + " (seed " + SEED + ") threw, for " + input, t);
            }
            assertThat(ReplyChecks.problems(reply))
                    .as("%s input #%d (seed %d): %s", path, i, SEED, input)
                    .isEmpty();
            if (reply.error()) {
                errors++;
                // The baseline was taken after the last accepted input: an unchanged digest proves
                // this refusal left the database alone.
                assertThat(digest())
                        .as(
                                "%s input #%d (seed %d) was refused (%s) but changed the database: %s",
                                path, i, SEED, reply.content(), input)
                        .isEqualTo(digest);
            } else {
                answers++;
                digest = digest();
            }
        }
        System.out.printf("%-22s %5d inputs: %5d answers, %5d clear errors%n", path, INPUTS + LINES, answers, errors);
        // The generator reaches both sides of every command: real answers and refusals.
        assertThat(answers).as("%s: valid answers among generated inputs", path).isPositive();
        assertThat(errors).as("%s: refusals among generated inputs", path).isPositive();
    }

    /** Printable form of an input: control characters and huge lengths made visible. */
    static String describe(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder("«");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('»').toString();
    }

    /** Questions members really ask, as plausible free text for string options. */
    private static List<String> corpus() throws IOException {
        List<String> corpus = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = CommandFuzzTest.class.getResourceAsStream("/knowledge/sample-questions.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    corpus.add(json.readTree(line).get("q").asText());
                }
            }
        }
        corpus.addAll(List.of(
                "what should I do next?",
                "how far am I?",
                "http basics",
                "git",
                "sql",
                "Go",
                "Python",
                "free",
                "interactive",
                "project-based"));
        return corpus;
    }
}
