package org.roadmapbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;

class ConsoleSessionTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** What a console session on a fresh bot prints for these typed lines (no prompt). */
    private String session(String input, boolean json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir, java.util.Optional.empty()))) {
            CommandRequest caller = new CommandRequest("1", "1", "console", false, "help", null, Map.of());
            new ConsoleSession(app.router(), caller, json)
                    .run(
                            new BufferedReader(new StringReader(input)),
                            new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            false);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonModePrintsOneObjectPerNonBlankLine() throws Exception {
        String input = "/courses language:Go\n\nhow much does boot.dev cost?\n/roadmap phase:9\n/nope\n";
        String printed = session(input, true);
        String[] lines = printed.split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode courses = json.readTree(lines[0]);
        assertThat(courses.get("sources").get(0).asText()).isEqualTo("boot-dev-backend");
        // /courses language:Go: the one course that teaches Go, as its one field.
        assertThat(courses.get("sources")).hasSize(1);
        assertThat(courses.get("fields")).hasSize(1);
        assertThat(courses.get("fields").get(0).get("name").asText()).isEqualTo("boot.dev — Backend Learning Path");
        assertThat(courses.get("fields").get(0).get("value").asText()).contains("Stack: Go, Python");
        assertThat(courses.get("ephemeral").asBoolean()).isFalse();
        assertThat(json.readTree(lines[1]).get("content").asText()).contains("$49");
        JsonNode phase9 = json.readTree(lines[2]);
        assertThat(phase9.get("error").asBoolean()).isTrue();
        assertThat(phase9.get("ephemeral").asBoolean()).isTrue();
        assertThat(json.readTree(lines[3]).get("content").asText()).contains("/nope");
    }

    @Test
    void slashQuitEndsTheSessionAndNothingAfterItRuns() throws Exception {
        String input = "/roadmap phase:1\n  /QUIT \n/courses\n";
        String printed = session(input, true);
        String[] lines = printed.split("\n");
        // Only the line before /quit was answered: no "unknown command", no /courses.
        assertThat(lines).hasSize(1);
        assertThat(new ObjectMapper().readTree(lines[0]).get("sources").get(0).asText())
                .isEqualTo("phase-1");
    }

    @Test
    void plainExitIsAQuestionNotAQuit() throws Exception {
        String printed = session("exit\n/exit\nhow much does boot.dev cost?\n", true);
        assertThat(printed.split("\n")).hasSize(1);
    }

    @Test
    void textModePrintsTheReplyReadably() throws Exception {
        String printed = session("/help\n", false);
        assertThat(printed)
                .contains("/ask question:string")
                .contains("/courses [language:string]")
                .contains("(only you can see this)");
    }

    @Test
    void filesOptionWritesEveryAttachmentAndPrintsItsPath() throws Exception {
        java.nio.file.Path out = dir.resolve("files");
        String input = "/progress start track:python pace:part-time\n/progress show\n/progress show\n/privacy export\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir.resolve("data"), java.util.Optional.empty()))) {
            CommandRequest caller = new CommandRequest("1", "7", "Ada", false, "help", null, Map.of());
            new ConsoleSession(app.router(), caller, true, new AttachmentFiles(out))
                    .run(
                            new BufferedReader(new StringReader(input)),
                            new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            false);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode firstCard = json.readTree(lines[1]).get("attachments").get(0);
        JsonNode secondCard = json.readTree(lines[2]).get("attachments").get(0);
        JsonNode export = json.readTree(lines[3]).get("attachments").get(0);

        // Each attachment is a real file at the printed path; the second card with the same name does not overwrite the
        // first.
        java.nio.file.Path first = java.nio.file.Path.of(firstCard.get("path").asText());
        java.nio.file.Path second = java.nio.file.Path.of(secondCard.get("path").asText());
        assertThat(first.getParent()).isEqualTo(out.toAbsolutePath());
        assertThat(second).isNotEqualTo(first);
        assertThat(firstCard.get("name").asText())
                .isEqualTo(secondCard.get("name").asText());
        java.awt.image.BufferedImage card = javax.imageio.ImageIO.read(first.toFile());
        assertThat(card).as("a PNG ImageIO can decode").isNotNull();
        assertThat(card.getWidth()).isGreaterThan(100);
        assertThat(java.nio.file.Files.size(second))
                .isEqualTo(secondCard.get("bytes").asLong());

        JsonNode exported =
                json.readTree(java.nio.file.Path.of(export.get("path").asText()).toFile());
        assertThat(exported.toString()).contains("python").contains("part-time");
    }

    @Test
    void textModeNamesTheWrittenFile() throws Exception {
        java.nio.file.Path out = dir.resolve("files");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir.resolve("data"), java.util.Optional.empty()))) {
            CommandRequest caller = new CommandRequest("1", "7", "Ada", false, "help", null, Map.of());
            new ConsoleSession(app.router(), caller, false, new AttachmentFiles(out))
                    .run(
                            new BufferedReader(new StringReader("/privacy export\n")),
                            new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            false);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        try (var files = java.nio.file.Files.list(out)) {
            java.nio.file.Path written = files.findFirst().orElseThrow();
            assertThat(text).contains("📎 ").contains(" → " + written);
        }
    }

    @Test
    void attachmentNamesNeverLeaveTheFolder() {
        assertThat(AttachmentFiles.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentFiles.safeName("..\\evil.png")).isEqualTo("evil.png");
        assertThat(AttachmentFiles.safeName("board of week 1.png")).isEqualTo("board_of_week_1.png");
        assertThat(AttachmentFiles.safeName("...")).isEqualTo("attachment");
    }

    @Test
    void moderatorsHelpMarksModeratorCommandsOnce() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir, java.util.Optional.empty()))) {
            CommandRequest moderator = new CommandRequest("1", "1", "mod", true, "help", null, Map.of());
            new ConsoleSession(app.router(), moderator, false)
                    .run(
                            new BufferedReader(new StringReader("/help\n")),
                            new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            false);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("/leaderboard post")
                .contains("(moderators)")
                .doesNotContain("(moderators) (moderators)");
        assertThat(out.lines()
                        .filter(l -> l.contains("/leaderboard schedule"))
                        .findFirst()
                        .orElseThrow())
                .endsWith("(moderators)");
    }
}
