package org.roadmapbot.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.BotProcess;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.discord.DiscordConfig;
import org.roadmapbot.discord.Shards;
import org.roadmapbot.discord.fake.FakeDiscord;
import org.roadmapbot.schedule.SchedulerConfig;

/**
 * Child process of {@link ClusterLeaderboardPostTest}: one bot process as `run` starts it (real
 * JDA) on the shared PostgreSQL with a clustered scheduler, connected to the parent's fake
 * Discord with one shard of two. Prints "READY" once firing. Reads commands on stdin:
 * "standby" (stop firing scheduled jobs; printed back as "STANDBY"), "start" ("STARTED");
 * stops gracefully when stdin closes.
 *
 * <p>Arguments: JDBC URL, data directory, fake REST URL, fake gateway URL, the shard it runs.
 */
public final class ClusterBotNode {

    public static void main(String[] args) throws Exception {
        DiscordConfig discord = new DiscordConfig(
                        DiscordConfig.TokenSource.of(FakeDiscord.TOKEN),
                        Optional.of(args[2]),
                        Optional.of(args[3]),
                        List.of(),
                        Set.of())
                .withShards(new Shards(2, List.of(Integer.parseInt(args[4]))));
        AppConfig config = new AppConfig(Path.of(args[1]), Optional.empty())
                .withDatabase(DatabaseConfig.fromEnvironment(Map.of(
                        DatabaseConfig.URL,
                        args[0],
                        DatabaseConfig.USER,
                        "postgres",
                        DatabaseConfig.PASSWORD,
                        "unused")))
                .withScheduler(new SchedulerConfig(true, 4, false))
                .withDiscord(Optional.of(discord));
        try (BotProcess bot = BotProcess.start(config)) {
            System.out.println("READY " + bot.application().scheduler().runId());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("standby")) {
                    bot.application().scheduler().quartz().standby();
                    System.out.println("STANDBY");
                } else if (line.equals("start")) {
                    bot.application().scheduler().quartz().start();
                    System.out.println("STARTED");
                }
                System.out.flush();
            }
        }
        System.out.println("STOPPED");
    }
}
