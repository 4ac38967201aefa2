package org.roadmapbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapbot.testing.Series.value;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.console.ConsoleMessenger;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DatabaseConfig;

/**
 * The operator's port on a real application: /metrics scraped over HTTP after real commands, and
 * /health turning 503 with the failing part named when the database goes away.
 */
class OpsEndpointTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void metricsCountCommandsByNameAndOutcome() throws Exception {
        AppConfig config =
                new AppConfig(dir, Optional.empty()).withOps(OpsConfig.off().withHttpPort(0));
        try (Application app = Application.start(config)) {
            app.startScheduler(new ConsoleMessenger(new PrintStream(OutputStream.nullOutputStream())));
            int port = app.serveOps(() -> Health.Status.up("test gateway"))
                    .orElseThrow()
                    .port();
            String before = get(port, "/metrics").body();
            assertThat(before).doesNotContain("roadmapbot_commands_total{");
            // Zero-valued series exist before the first event, so dashboards and alerts see them.
            assertThat(value(before, "roadmapbot_nudges_total", "outcome=\"missed\""))
                    .isEqualTo(0);
            assertThat(value(before, "roadmapbot_leaderboard_posts_total", "outcome=\"failed\",trigger=\"scheduled\""))
                    .isEqualTo(0);
            assertThat(value(before, "roadmapbot_cache_gets_total", "cache=\"answers\",result=\"hit\""))
                    .isEqualTo(0);
            assertThat(before)
                    .contains(
                            "hikaricp_connections_active{pool=\"roadmap-bot-db\"}",
                            "jvm_memory_used_bytes",
                            "roadmapbot_h2_file_bytes");

            Reply answer = run(app, "ask", null, Map.of("question", "how much is boot.dev?"));
            run(app, "ask", null, Map.of("question", "what is phase 2 about?"));
            Reply again = run(app, "ask", null, Map.of("question", "how much is boot.dev?"));
            Reply refused = run(app, "roadmap", null, Map.of("phase", 9L));
            run(app, "progress", "start", Map.of("track", "python", "pace", "part-time"));
            Reply forbidden = run(app, "leaderboard", "post", Map.of("channel", "123"));
            run(app, "nosuchcommand", null, Map.of());
            assertThat(answer.error()).isFalse();
            assertThat(again.content()).isEqualTo(answer.content());
            assertThat(refused.error()).isTrue();
            assertThat(forbidden.error()).isTrue();

            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String after = metrics.body();
            assertThat(value(after, "roadmapbot_commands_total", "command=\"ask\",outcome=\"ok\",type=\"slash\""))
                    .isEqualTo(3);
            // /ask's answer cache: the repeated question was a hit, the two first ones misses.
            assertThat(value(after, "roadmapbot_cache_gets_total", "cache=\"answers\",result=\"hit\""))
                    .isEqualTo(1);
            assertThat(value(after, "roadmapbot_cache_gets_total", "cache=\"answers\",result=\"miss\""))
                    .isEqualTo(2);
            assertThat(value(after, "roadmapbot_cache_size", "cache=\"answers\""))
                    .isEqualTo(2);
            assertThat(value(
                            after,
                            "roadmapbot_commands_total",
                            "command=\"roadmap\",outcome=\"user_error\",type=\"slash\""))
                    .isEqualTo(1);
            assertThat(value(after, "roadmapbot_commands_total", "command=\"progress\",outcome=\"ok\",type=\"slash\""))
                    .isEqualTo(1);
            assertThat(value(
                            after,
                            "roadmapbot_commands_total",
                            "command=\"leaderboard\",outcome=\"forbidden\",type=\"slash\""))
                    .isEqualTo(1);
            assertThat(value(
                            after,
                            "roadmapbot_commands_total",
                            "command=\"unknown\",outcome=\"unknown\",type=\"slash\""))
                    .isEqualTo(1);
            assertThat(value(after, "roadmapbot_command_duration_seconds_count", "command=\"ask\",type=\"slash\""))
                    .isEqualTo(3);
            assertThat(value(after, "roadmapbot_command_duration_seconds_sum", "command=\"ask\",type=\"slash\""))
                    .isPositive();
            // The progress write went through the pool: Hikari's tracker counted the connection use.
            assertThat(value(after, "hikaricp_connections_usage_seconds_count", "pool=\"roadmap-bot-db\""))
                    .isPositive();

            // The ports other features will call report here too.
            app.metrics().nudge(org.roadmapbot.core.BotMetrics.NudgeOutcome.MISSED);
            app.metrics().phrasingFallback("timeout");
            app.metrics().interactionAcknowledged(Duration.ofSeconds(4).toNanos());
            String later = get(port, "/metrics").body();
            assertThat(value(later, "roadmapbot_nudges_total", "outcome=\"missed\""))
                    .isEqualTo(1);
            assertThat(value(later, "roadmapbot_phrasing_total", "outcome=\"fallback\",reason=\"timeout\""))
                    .isEqualTo(1);
            assertThat(value(later, "roadmapbot_interaction_acknowledgements_late_total", ""))
                    .isEqualTo(1);

            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\" : \"up\"", "\"database\"", "\"gateway\"", "\"scheduler\"");
            assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void healthNamesTheDatabaseWhenItGoesDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try {
            DatabaseConfig database = DatabaseConfig.fromEnvironment(Map.of(
                    DatabaseConfig.URL, postgres.getJdbcUrl("postgres", "postgres"), DatabaseConfig.USER, "postgres"));
            AppConfig config = new AppConfig(dir, Optional.empty())
                    .withDatabase(database)
                    .withOps(OpsConfig.off().withHttpPort(0));
            try (Application app = Application.start(config)) {
                app.startScheduler(new ConsoleMessenger(new PrintStream(OutputStream.nullOutputStream())));
                int port = app.serveOps(() -> Health.Status.up("test gateway"))
                        .orElseThrow()
                        .port();
                assertThat(get(port, "/health").statusCode()).isEqualTo(200);

                postgres.close();

                HttpResponse<String> down = get(port, "/health");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"status\" : \"down\"", "\"failing\" : [ \"database\" ]");
                // The probe answered within its own limit, not the pool's 10 s connection timeout.
                long start = System.nanoTime();
                get(port, "/health");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            postgres.close();
        }
    }

    @Test
    void healthNamesTheGatewayWhileItIsDown() throws Exception {
        AppConfig config =
                new AppConfig(dir, Optional.empty()).withOps(OpsConfig.off().withHttpPort(0));
        try (Application app = Application.start(config)) {
            // The scheduler is not started either: both are named.
            int port = app.serveOps(() -> Health.Status.down("connecting to Discord"))
                    .orElseThrow()
                    .port();
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"failing\" : [ \"gateway\", \"scheduler\" ]", "connecting to Discord");
        }
    }

    private static Reply run(Application app, String command, String sub, Map<String, Object> options) {
        return app.router().dispatch(new CommandRequest("guild-1", "member-1", "Member", false, command, sub, options));
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
