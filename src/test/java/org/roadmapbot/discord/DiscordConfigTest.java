package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordConfigTest {

    @Test
    void noTokenMeansNoDiscord() {
        assertThat(DiscordConfig.fromEnvironment(Map.of())).isEmpty();
        assertThat(DiscordConfig.fromEnvironment(Map.of(DiscordConfig.TOKEN, "  ")))
                .isEmpty();
    }

    @Test
    void readsEverySettingAndNeverPrintsTheToken() {
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of(
                        DiscordConfig.TOKEN, "secret-token-value",
                        DiscordConfig.API_BASE_URL, "http://127.0.0.1:9000/api/v10",
                        DiscordConfig.GATEWAY_URL, "ws://127.0.0.1:9001/",
                        DiscordConfig.GUILD_IDS, "111111111111111111, 222222222222222222",
                        DiscordConfig.MODERATOR_ROLE_IDS, "333333333333333333"))
                .orElseThrow();
        assertThat(config.token().get()).isEqualTo("secret-token-value");
        assertThat(config.apiBaseUrl()).contains("http://127.0.0.1:9000/api/v10/");
        assertThat(config.gatewayUrl()).contains("ws://127.0.0.1:9001/");
        assertThat(config.guildIds()).containsExactly("111111111111111111", "222222222222222222");
        assertThat(config.moderatorRoleIds()).isEqualTo(Set.of("333333333333333333"));
        assertThat(config.toString()).doesNotContain("secret-token-value").contains("DISCORD_TOKEN");
    }

    @Test
    void tokenFileIsReadAndTrimmed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  file-token\n");
        DiscordConfig config = DiscordConfig.fromEnvironment(Map.of(DiscordConfig.TOKEN_FILE, file.toString()))
                .orElseThrow();
        assertThat(config.token().get()).isEqualTo("file-token");
        assertThat(config.toString()).doesNotContain("file-token");
    }

    @Test
    void missingTokenFileFailsWhenTheBotStartsNotBefore(@TempDir Path dir) {
        DiscordConfig config = DiscordConfig.fromEnvironment(
                        Map.of(DiscordConfig.TOKEN_FILE, dir.resolve("nope").toString()))
                .orElseThrow();
        assertThatThrownBy(() -> config.token().get())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read DISCORD_TOKEN_FILE");
    }

    @Test
    void badIdsAndUrlsAreRejectedWithTheVariableName() {
        assertThatThrownBy(() -> DiscordConfig.fromEnvironment(
                        Map.of(DiscordConfig.TOKEN, "t", DiscordConfig.GUILD_IDS, "my-server")))
                .hasMessageContaining("DISCORD_GUILD_IDS");
        assertThatThrownBy(() -> DiscordConfig.fromEnvironment(
                        Map.of(DiscordConfig.TOKEN, "t", DiscordConfig.GATEWAY_URL, "http://x")))
                .hasMessageContaining("DISCORD_GATEWAY_URL");
        assertThatThrownBy(() ->
                        new DiscordConfig(DiscordConfig.TokenSource.of("t"), null, null, List.of(), Set.of("role")))
                .hasMessageContaining("ROADMAP_BOT_MODERATOR_ROLE_IDS");
    }
}
