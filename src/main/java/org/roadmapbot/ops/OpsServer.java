package org.roadmapbot.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP port (the JDK's own server, no framework): {@code GET /health} answers 200
 * when every part is up and 503 naming the parts that are down, as JSON; {@code GET /metrics} is
 * the Prometheus text exposition. Nothing else is served, and nothing here changes the bot.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Health health;

    private OpsServer(HttpServer server, ExecutorService executor, Health health) {
        this.server = server;
        this.executor = executor;
        this.health = health;
    }

    /** Binds {@code host:port} (port 0: any free one) and starts answering. */
    public static OpsServer start(String host, int port, Health health, MicrometerBotMetrics metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        // Two threads: a scrape and a health probe at once, never more work than that.
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        OpsServer ops = new OpsServer(server, executor, health);
        server.createContext("/health", exchange -> ops.serve(exchange, () -> ops.health()));
        server.createContext(
                "/metrics",
                exchange -> ops.serve(exchange, () -> new Response(200, PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext(
                "/",
                exchange -> ops.serve(
                        exchange,
                        () -> new Response(404, "text/plain; charset=utf-8", "Not found. Try /health or /metrics.\n")));
        server.setExecutor(executor);
        server.start();
        LOG.info("health and metrics on http://{}:{}/health and /metrics", host, ops.port());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private record Response(int status, String contentType, String body) {}

    private Response health() {
        Health.Report report = health.check();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.healthy() ? "up" : "down");
        if (!report.healthy()) {
            body.put("failing", report.failing());
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        report.parts()
                .forEach((name, status) ->
                        parts.put(name, Map.of("status", status.up() ? "up" : "down", "detail", status.detail())));
        body.put("parts", parts);
        try {
            return new Response(
                    report.healthy() ? 200 : 503,
                    "application/json",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange, java.util.function.Supplier<Response> handler) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response response;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = new Response(405, "text/plain; charset=utf-8", "Only GET and HEAD.\n");
            } else {
                try {
                    response = handler.get();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed", exchange.getRequestURI().getPath(), e);
                    response = new Response(500, "text/plain; charset=utf-8", "Internal error; see the bot's log.\n");
                }
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        health.close();
    }
}
