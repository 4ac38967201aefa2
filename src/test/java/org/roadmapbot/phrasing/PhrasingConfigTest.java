package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Main;
import org.roadmapbot.app.StartupException;

class PhrasingConfigTest {

    @TempDir
    Path dir;

    @Test
    void offByDefault() {
        assertThat(PhrasingConfig.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(PhrasingConfig.fromEnvironment(Map.of(PhrasingConfig.ENABLED, "false"))
                        .enabled())
                .isFalse();
        assertThat(PhrasingConfig.fromEnvironment(Map.of(PhrasingConfig.BASE_URL, "http://localhost:11434/v1"))
                        .enabled())
                .isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of()).phrasing().enabled()).isFalse();
        assertThat(LlmPhraser.start(PhrasingConfig.off(), GuardCases.knowledge(), org.roadmapbot.core.BotMetrics.NONE))
                .isEmpty();
    }

    @Test
    void enabledWithoutABaseUrlOrAModelStopsStartUp() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of(PhrasingConfig.ENABLED, "true", PhrasingConfig.MODEL, "llama3.2")))
                .isInstanceOf(StartupException.class)
                .hasMessage(PhrasingConfig.BASE_URL + " must be set when LLM phrasing is enabled ("
                        + PhrasingConfig.ENABLED + "=true), e.g. http://localhost:11434/v1 for Ollama");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(
                        Map.of(PhrasingConfig.ENABLED, "true", PhrasingConfig.BASE_URL, "http://localhost:11434/v1")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.MODEL);
    }

    @Test
    void theCommandLineSaysWhatIsMissingInOneLineAndExitsWithStatus2() throws Exception {
        // A real process: the settings come from its environment, as an operator's would.
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "ask",
                "--data-dir",
                dir.resolve("data").toString(),
                "How long does it take?");
        builder.environment().put(PhrasingConfig.ENABLED, "true");
        builder.environment().put(PhrasingConfig.MODEL, "llama3.2");
        builder.environment().remove(PhrasingConfig.BASE_URL);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.strip())
                .isEqualTo("roadmap-bot: cannot start: " + PhrasingConfig.BASE_URL
                        + " must be set when LLM phrasing is enabled (" + PhrasingConfig.ENABLED
                        + "=true), e.g. http://localhost:11434/v1 for Ollama");
        assertThat(Files.exists(dir.resolve("data").resolve("roadmap-bot.mv.db")))
                .isFalse();
    }

    @Test
    void readsALocalOllamaSetupWithDefaults() {
        PhrasingConfig config = PhrasingConfig.fromEnvironment(Map.of(
                PhrasingConfig.ENABLED, "true",
                PhrasingConfig.BASE_URL, "http://localhost:11434/v1/",
                PhrasingConfig.MODEL, "llama3.2"));
        assertThat(config.enabled()).isTrue();
        assertThat(config.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.dailyQuota()).isEqualTo(20);
        assertThat(config.cooldown()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsTheKeyFromAFileAndNeverPrintsIt() throws Exception {
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, "sk-secret-123\n");
        Map<String, String> env = Map.of(
                PhrasingConfig.ENABLED, "yes",
                PhrasingConfig.BASE_URL, "https://user:pw@api.example.com/v1",
                PhrasingConfig.MODEL, "gpt-4o-mini",
                PhrasingConfig.API_KEY_FILE, keyFile.toString(),
                PhrasingConfig.TIMEOUT_MS, "1500",
                PhrasingConfig.DAILY_QUOTA, "5",
                PhrasingConfig.COOLDOWN_SECONDS, "0");
        PhrasingConfig config = PhrasingConfig.fromEnvironment(env);
        assertThat(config.apiKey()).contains("sk-secret-123");
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.dailyQuota()).isEqualTo(5);
        assertThat(config.cooldown()).isZero();
        assertThat(config.toString()).doesNotContain("sk-secret-123", "pw").contains("apiKey=(set)");
        assertThat(AppConfig.fromEnvironment(env).toString()).doesNotContain("sk-secret-123");
    }

    @Test
    void badValuesStopStartUpWithAMessageNamingTheVariable() {
        Map<String, String> base =
                Map.of(PhrasingConfig.ENABLED, "true", PhrasingConfig.BASE_URL, "http://localhost:11434/v1");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(base))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.MODEL);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(with(base, PhrasingConfig.TIMEOUT_MS, "soon")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.TIMEOUT_MS);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(with(base, PhrasingConfig.DAILY_QUOTA, "0")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.DAILY_QUOTA);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(PhrasingConfig.ENABLED, "maybe")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.ENABLED);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(
                        PhrasingConfig.ENABLED,
                        "true",
                        PhrasingConfig.BASE_URL,
                        "localhost:11434",
                        PhrasingConfig.MODEL,
                        "m")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.BASE_URL);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(
                        PhrasingConfig.API_KEY_FILE, dir.resolve("missing").toString())))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(PhrasingConfig.API_KEY_FILE);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.put(PhrasingConfig.MODEL, "llama3.2");
        env.put(key, value);
        return env;
    }
}
