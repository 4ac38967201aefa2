package org.roadmapbot.phrasing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 for tests and {@code bench phrasing}: answers
 * {@code POST /v1/chat/completions} with whatever the responder says, and records every request
 * body it saw. Never a real model: it lets the real client, HTTP and guard run with no network.
 */
public final class LocalOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to send back: a status and raw body, after an optional stall. */
    public record Response(int status, String body, boolean stall) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Function<JsonNode, Response> responder = request -> completion("(no responder set)");

    public LocalOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void respond(Function<JsonNode, Response> value) {
        this.responder = value;
    }

    public void respondWith(String content) {
        respond(request -> completion(content));
    }

    public List<JsonNode> requests() {
        return requests;
    }

    public List<String> paths() {
        return paths;
    }

    /** The Authorization header of each request ("(none)" when absent). */
    public List<String> authorizations() {
        return authorizations;
    }

    /** A well-formed chat completion whose message is {@code content}. */
    public static Response completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-fake")
                .put("object", "chat.completion")
                .put("created", 0)
                .put("model", "fake");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 10)
                .put("total_tokens", 20);
        return new Response(200, body.toString(), false);
    }

    public static Response status(int status, String body) {
        return new Response(status, body, false);
    }

    /** Holds the request open until the test ends (far past any budget). */
    public static Response stall() {
        return new Response(200, completion("too late").body(), true);
    }

    /** The text of the message with the given role in a recorded request. */
    public static String message(JsonNode request, String role) {
        for (JsonNode m : request.path("messages")) {
            if (role.equals(m.path("role").asText())) {
                return m.path("content").asText();
            }
        }
        throw new AssertionError("no " + role + " message in " + request);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            paths.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "(none)" : auth);
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Response response = responder.apply(request);
            if (response.stall()) {
                release.await(20, TimeUnit.SECONDS);
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timeout): nothing to answer.
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
