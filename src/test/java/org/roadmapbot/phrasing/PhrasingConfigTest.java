package org.roadmapbot.phrasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.StartupException;

class PhrasingConfigTest {

    @TempDir
    Path dir;

    @Test
    void offByDefaultAndWithoutABaseUrl() {
        assertThat(PhrasingConfig.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(PhrasingConfig.fromEnvironment(Map.of(PhrasingConfig.ENABLED, "true")).enabled()).isFalse();
        assertThat(PhrasingConfig.fromEnvironment(Map.of(PhrasingConfig.BASE_URL, "http://localhost:11434/v1")).enabled())
                .isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of()).phrasing().enabled()).isFalse();
        assertThat(LlmPhraser.start(PhrasingConfig.off())).isEmpty();
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
        Map<String, String> base = Map.of(PhrasingConfig.ENABLED, "true", PhrasingConfig.BASE_URL, "http://localhost:11434/v1");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(base))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.MODEL);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(with(base, PhrasingConfig.TIMEOUT_MS, "soon")))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.TIMEOUT_MS);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(with(base, PhrasingConfig.DAILY_QUOTA, "0")))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.DAILY_QUOTA);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(PhrasingConfig.ENABLED, "maybe")))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.ENABLED);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(PhrasingConfig.ENABLED, "true",
                PhrasingConfig.BASE_URL, "localhost:11434", PhrasingConfig.MODEL, "m")))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.BASE_URL);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(PhrasingConfig.API_KEY_FILE, dir.resolve("missing").toString())))
                .isInstanceOf(StartupException.class).hasMessageContaining(PhrasingConfig.API_KEY_FILE);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.put(PhrasingConfig.MODEL, "llama3.2");
        env.put(key, value);
        return env;
    }
}
