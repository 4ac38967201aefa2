package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roadmapbot.testing.CapturedOutput;

/** The CLI contracts: `ask --json`, `ask -`, and `run` without a token. */
class CliTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void askJsonPrintsQuestionAnswerAndSources() throws Exception {
        int code =
                Main.execute("ask", "--data-dir", dir.toString(), "--json", "How", "much", "does", "boot.dev", "cost?");
        assertThat(code).isZero();
        JsonNode line = new ObjectMapper().readTree(output.out().strip());
        assertThat(line.get("question").asText()).isEqualTo("How much does boot.dev cost?");
        assertThat(line.get("answer").asText()).contains("$49");
        assertThat(line.get("sources")).extracting(JsonNode::asText).containsExactly("boot-dev-backend");
    }

    @Test
    void askDashAnswersOneLinePerQuestionAndEmptySourcesWhenUnknown() throws Exception {
        output.input("What is Go used for?\n\nwhat's the weather tomorrow?\n");
        int code = Main.execute("ask", "--data-dir", dir.toString(), "--json", "-");
        assertThat(code).isZero();
        String[] lines = output.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines[0]).get("sources"))
                .extracting(JsonNode::asText)
                .containsExactly("stack-go");
        assertThat(json.readTree(lines[0]).get("answer").asText()).contains("high-performance microservices");
        JsonNode none = json.readTree(lines[1]);
        assertThat(none.get("sources")).isEmpty();
        assertThat(none.get("answer").asText()).contains("I don't have anything about that");
    }

    @Test
    void smallTalkGetsAFriendlyReplyWithNoSourcesAndAGreetingWithAQuestionIsAnswered() throws Exception {
        output.input("hi!\nthanks\nhi, how long is phase 2?\n");
        int code = Main.execute("ask", "--data-dir", dir.toString(), "--json", "-");
        assertThat(code).isZero();
        String[] lines = output.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode hello = json.readTree(lines[0]);
        assertThat(hello.get("answer").asText())
                .startsWith("Hi!")
                .contains("/help")
                .doesNotContain("I don't have");
        assertThat(hello.get("sources")).isEmpty();
        assertThat(json.readTree(lines[1]).get("answer").asText()).startsWith("You're welcome!");
        assertThat(json.readTree(lines[2]).get("sources"))
                .extracting(JsonNode::asText)
                .containsExactly("phase-2");
    }

    @Test
    void runWithoutTokenExplainsHowToConfigureAndFails() {
        int code = Main.execute("run");
        assertThat(code).isEqualTo(1);
        assertThat(output.err()).contains("DISCORD_TOKEN").contains("console");
    }

    @Test
    void everySubcommandPrintsItsHelpWithoutFormatWarnings() {
        for (String[] args :
                new String[][] {{"--help"}, {"ask", "--help"}, {"console", "--help"}, {"migrate-data", "--help"}}) {
            output.reset();
            assertThat(Main.execute(args)).as(String.join(" ", args)).isZero();
            assertThat(output.out()).as(String.join(" ", args)).contains("Usage: roadmap-bot");
            assertThat(output.err()).as(String.join(" ", args)).isEmpty();
        }
        // The benchmarks are not part of the bot's command line (they live in test sources: BenchTest).
        output.reset();
        assertThat(Main.execute("bench")).isNotZero();
        assertThat(output.err()).contains("Unmatched argument").contains("bench");
    }

    @Test
    void aOneShotAskInAnEmptyFolderCreatesNothing() throws Exception {
        java.nio.file.Path data = dir.resolve("never-created");
        assertThat(Main.execute("ask", "--data-dir", data.toString(), "how much is boot.dev?"))
                .isZero();
        assertThat(output.out()).contains("$49");
        output.reset();
        // A personal question with no database: nobody has started, so the plain pointer to Phase 1.
        assertThat(Main.execute("ask", "--data-dir", data.toString(), "how far am I?"))
                .isZero();
        assertThat(output.out()).contains("/progress start");
        assertThat(data).doesNotExist();
    }

    @Test
    void aOneShotPersonalQuestionOpensTheDatabaseThatIsThereAndAnswersFromProgress() {
        java.nio.file.Path data = dir.resolve("bot-data");
        try (Application app = Application.start(new AppConfig(data, java.util.Optional.empty()))) {
            assertThat(app.router()
                            .dispatch(new org.roadmapbot.core.CommandRequest(
                                    "console",
                                    "42",
                                    "Ann",
                                    false,
                                    "progress",
                                    "start",
                                    java.util.Map.of("track", "python", "pace", "part-time")))
                            .error())
                    .isFalse();
            assertThat(app.router()
                            .dispatch(new org.roadmapbot.core.CommandRequest(
                                    "console",
                                    "42",
                                    "Ann",
                                    false,
                                    "progress",
                                    "done",
                                    java.util.Map.of("topic", "http-basics")))
                            .error())
                    .isFalse();
        }
        output.reset();
        assertThat(Main.execute(
                        "ask", "--data-dir", data.toString(), "--guild", "console", "--user", "42", "how far am I?"))
                .isZero();
        assertThat(output.out()).contains("Python track").contains("1/");
        output.reset();
        // Another member of the same folder has not started: the plain answer.
        assertThat(Main.execute(
                        "ask", "--data-dir", data.toString(), "--guild", "console", "--user", "43", "how far am I?"))
                .isZero();
        assertThat(output.out()).contains("/progress start").doesNotContain("Python track");
    }

    @Test
    void aOneShotAskWithGuildAnswersFromThatServersFaqAndWithoutItFromTheBundledData() {
        java.nio.file.Path data = dir.resolve("faq-data");
        try (Application app = Application.start(new AppConfig(data, java.util.Optional.empty()))) {
            assertThat(app.router()
                            .dispatch(new org.roadmapbot.core.CommandRequest(
                                    "777",
                                    "9",
                                    "Mod",
                                    true,
                                    "faq",
                                    "add",
                                    java.util.Map.of(
                                            "question",
                                            "when is the study call? | what time is the study call",
                                            "answer",
                                            "Every Tuesday at 18:00 UTC in #study-hall")))
                            .error())
                    .isFalse();
        }
        output.reset();
        assertThat(Main.execute("ask", "--data-dir", data.toString(), "--guild", "777", "when is the study call?"))
                .isZero();
        assertThat(output.out()).contains("Every Tuesday at 18:00 UTC");
        output.reset();
        // Another server's members, and an ask naming no server, get the bundled data's answer (none here).
        assertThat(Main.execute("ask", "--data-dir", data.toString(), "--guild", "778", "when is the study call?"))
                .isZero();
        assertThat(output.out()).doesNotContain("Every Tuesday");
        output.reset();
        assertThat(Main.execute("ask", "--data-dir", data.toString(), "when is the study call?"))
                .isZero();
        assertThat(output.out()).doesNotContain("Every Tuesday");
    }

    @Test
    void aRefusedOneShotQuestionExitsNonZeroAndLogsNothing() {
        assertThat(Main.execute("ask", "--data-dir", dir.toString(), "")).isEqualTo(1);
        assertThat(output.out()).contains("`question` cannot be empty.");
        output.reset();
        assertThat(Main.execute("ask", "--data-dir", dir.toString(), "how much is boot.dev?"))
                .isZero();
        assertThat(output.out()).contains("$49");
        assertThat(output.err()).as("no start-up log lines from a one-shot ask").doesNotContain(" INFO ");
    }

    @Test
    void helpNamesASubcommand() {
        assertThat(Main.execute("help", "console")).isZero();
        assertThat(output.out()).contains("Usage: roadmap-bot console").contains("--files");
    }

    @Test
    void aMisspeltLogLevelStopsStartUpWithOneLine() throws Exception {
        ProcessBuilder child = new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "ask",
                "--data-dir",
                dir.toString(),
                "hi");
        child.environment().put("ROADMAP_BOT_LOG_LEVEL", "LOUD");
        child.redirectErrorStream(true);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output.strip())
                .isEqualTo("roadmap-bot: cannot start: ROADMAP_BOT_LOG_LEVEL must be one of trace, debug, "
                        + "info, warn, error, off, not 'LOUD'");
    }
}
