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

    @Test
    void jsonModePrintsOneObjectPerNonBlankLine() throws Exception {
        String input = "/courses language:Go\n\nhow much does boot.dev cost?\n/roadmap phase:9\n/nope\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir, java.util.Optional.empty()))) {
            CommandRequest caller = new CommandRequest("1", "1", "console", false, "help", null, Map.of());
            new ConsoleSession(app.router(), caller, true)
                    .run(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode courses = json.readTree(lines[0]);
        assertThat(courses.get("sources").get(0).asText()).isEqualTo("boot-dev-backend");
        assertThat(courses.get("fields")).isNotEmpty();
        assertThat(courses.get("ephemeral").asBoolean()).isFalse();
        assertThat(json.readTree(lines[1]).get("content").asText()).contains("$49");
        JsonNode phase9 = json.readTree(lines[2]);
        assertThat(phase9.get("error").asBoolean()).isTrue();
        assertThat(phase9.get("ephemeral").asBoolean()).isTrue();
        assertThat(json.readTree(lines[3]).get("content").asText()).contains("/nope");
    }

    @Test
    void textModePrintsTheReplyReadably() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Application app = Application.start(new AppConfig(dir, java.util.Optional.empty()))) {
            CommandRequest caller = new CommandRequest("1", "1", "console", false, "help", null, Map.of());
            new ConsoleSession(app.router(), caller, false)
                    .run(new BufferedReader(new StringReader("/help\n")), new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("/ask question:string").contains("/courses [language:string]").contains("(only you can see this)");
    }
}
