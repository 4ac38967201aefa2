package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.discord.fake.FakeDiscord.option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.discord.fake.RestCall;

/**
 * `roadmap-bot run` as an operator starts it: a separate JVM configured only by environment
 * variables, stopped with SIGTERM, against the fake Discord in this JVM.
 */
class RunCommandProcessTest {

    private static ProcessBuilder bot(Path dataDir, Path output, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = "org.roadmapbot.app.Main";
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("ROADMAP_BOT_"));
        env.put("ROADMAP_BOT_DATA_DIR", dataDir.toString());
        return pb;
    }

    @Test
    void runServesDiscordAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("bot.log");
        try (FakeDiscord discord = new FakeDiscord()) {
            ProcessBuilder pb = bot(dir, output, "run");
            pb.environment().put("DISCORD_TOKEN", FakeDiscord.TOKEN);
            pb.environment().put("DISCORD_API_BASE_URL", discord.restUrl());
            pb.environment().put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            Process process = pb.start();
            try {
                discord.awaitCall(
                        "the command registration",
                        c -> c.method().equals("PUT")
                                && c.path().equals("applications/" + FakeDiscord.APP_ID + "/commands"),
                        Duration.ofSeconds(90));
                RestCall answer = discord.awaitCallback(discord.slash(
                        DiscordEndToEndTest.ALICE,
                        "ask",
                        option("question", 3, "How long does it take to become a backend developer?")));
                assertThat(answer.visibleText()).contains("6-10 months");

                awaitLog(output, "bot is running");
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(60, TimeUnit.SECONDS))
                        .as("bot stopped after SIGTERM")
                        .isTrue();
                assertThat(process.exitValue()).isEqualTo(143); // terminated by SIGTERM, after the shutdown hook
                assertThat(discord.awaitGatewayClosed(Duration.ofSeconds(10)))
                        .as("normal WebSocket close")
                        .isEqualTo(1000);
            } finally {
                process.destroyForcibly();
            }
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(log).contains("disconnected from Discord").doesNotContain(FakeDiscord.TOKEN);
    }

    /** The shutdown hook is in place once the bot says it is running. */
    private static void awaitLog(Path output, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(output, StandardCharsets.UTF_8).contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot never logged '" + line + "':\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
    }

    @Test
    void runWithoutATokenExplainsHowAndExitsWith1(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.txt");
        Process process = bot(dir, output, "run").start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output)).contains("Set DISCORD_TOKEN=<bot token>, or DISCORD_TOKEN_FILE=");
    }
}
