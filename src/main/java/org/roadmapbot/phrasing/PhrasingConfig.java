package org.roadmapbot.phrasing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Optional LLM phrasing, from the environment. Off unless {@code ROADMAP_BOT_LLM_ENABLED=true};
 * enabled, it needs a base URL and a model (start-up stops with one line naming what is
 * missing); with phrasing off every other field is ignored.
 *
 * @param enabled         whether answers are phrased at all
 * @param baseUrl         OpenAI-compatible endpoint, e.g. {@code http://localhost:11434/v1} for Ollama
 * @param model           model name, e.g. {@code llama3.2}
 * @param apiKey          bearer key, empty for local servers; never logged (see {@link #toString()})
 * @param timeout         budget for one LLM call; past it the member gets the plain answer
 * @param dailyQuota      real LLM calls per member per UTC day
 * @param cooldown        minimum gap between two phrased answers of one member
 * @param maxOutputChars  longer model output is discarded (plain answer instead)
 */
public record PhrasingConfig(
        boolean enabled,
        String baseUrl,
        String model,
        Optional<String> apiKey,
        Duration timeout,
        int dailyQuota,
        Duration cooldown,
        int maxOutputChars) {

    public static final String ENABLED = "ROADMAP_BOT_LLM_ENABLED";
    public static final String BASE_URL = "ROADMAP_BOT_LLM_BASE_URL";
    public static final String MODEL = "ROADMAP_BOT_LLM_MODEL";
    public static final String API_KEY = "ROADMAP_BOT_LLM_API_KEY";
    public static final String API_KEY_FILE = "ROADMAP_BOT_LLM_API_KEY_FILE";
    public static final String TIMEOUT_MS = "ROADMAP_BOT_LLM_TIMEOUT_MS";
    public static final String DAILY_QUOTA = "ROADMAP_BOT_LLM_DAILY_QUOTA";
    public static final String COOLDOWN_SECONDS = "ROADMAP_BOT_LLM_COOLDOWN_SECONDS";
    public static final String MAX_CHARS = "ROADMAP_BOT_LLM_MAX_CHARS";

    /** Retrieval takes milliseconds, so 2.5 s keeps an undeferred reply inside Discord's 3 s window. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2500);

    public static final int DEFAULT_DAILY_QUOTA = 20;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);
    /** Discord's message limit is 2,000 characters; the rest is for the source line and the AI mark. */
    public static final int DEFAULT_MAX_CHARS = 1600;

    public PhrasingConfig {
        apiKey = apiKey == null
                ? Optional.empty()
                : apiKey.filter(k -> !k.isBlank()).map(String::strip);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        cooldown = cooldown == null ? DEFAULT_COOLDOWN : cooldown;
        if (enabled) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException(BASE_URL + " must be set when LLM phrasing is enabled (" + ENABLED
                        + "=true), e.g. http://localhost:11434/v1 for Ollama");
            }
            baseUrl = validUrl(baseUrl.strip());
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException(
                        MODEL + " must name the model when LLM phrasing is enabled" + " (e.g. llama3.2 for Ollama)");
            }
            model = model.strip();
        }
        if (timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException(TIMEOUT_MS + " must be between 100 and 60000 milliseconds");
        }
        if (dailyQuota < 1 || dailyQuota > 100_000) {
            throw new IllegalArgumentException(DAILY_QUOTA + " must be between 1 and 100000");
        }
        if (cooldown.isNegative() || cooldown.toHours() > 24) {
            throw new IllegalArgumentException(COOLDOWN_SECONDS + " must be between 0 and 86400");
        }
        if (maxOutputChars < 200 || maxOutputChars > 1900) {
            throw new IllegalArgumentException(MAX_CHARS + " must be between 200 and 1900 (Discord's limit is 2000)");
        }
    }

    /** Phrasing off: the bot answers plainly and says nothing about LLMs. */
    public static PhrasingConfig off() {
        return new PhrasingConfig(
                false,
                null,
                null,
                Optional.empty(),
                DEFAULT_TIMEOUT,
                DEFAULT_DAILY_QUOTA,
                DEFAULT_COOLDOWN,
                DEFAULT_MAX_CHARS);
    }

    /**
     * Reads the ROADMAP_BOT_LLM_* variables. A missing or malformed value is an
     * {@link IllegalArgumentException} naming the variable; enabled without a base URL or a model
     * is one too (silently answering plainly would hide a typo in the operator's setup).
     */
    public static PhrasingConfig fromEnvironment(Map<String, String> env) {
        String baseUrl = value(env, BASE_URL).orElse(null);
        boolean enabled = value(env, ENABLED).map(PhrasingConfig::bool).orElse(false);
        Optional<String> key = value(env, API_KEY);
        if (key.isEmpty()) {
            key = value(env, API_KEY_FILE).map(PhrasingConfig::readKeyFile);
        }
        return new PhrasingConfig(
                enabled,
                baseUrl,
                value(env, MODEL).orElse(null),
                key,
                Duration.ofMillis(number(env, TIMEOUT_MS, DEFAULT_TIMEOUT.toMillis())),
                (int) number(env, DAILY_QUOTA, DEFAULT_DAILY_QUOTA),
                Duration.ofSeconds(number(env, COOLDOWN_SECONDS, DEFAULT_COOLDOWN.toSeconds())),
                (int) number(env, MAX_CHARS, DEFAULT_MAX_CHARS));
    }

    /** Where requests go, without any user-info part, for the start-up log line. */
    public String endpointForLog() {
        if (baseUrl == null) {
            return "(none)";
        }
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** Never prints the key: records print every component by default. */
    @Override
    public String toString() {
        return "PhrasingConfig[enabled=" + enabled + ", baseUrl=" + endpointForLog() + ", model=" + model
                + ", apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + ", timeout=" + timeout.toMillis() + "ms"
                + ", dailyQuota=" + dailyQuota + ", cooldown=" + cooldown.toSeconds() + "s"
                + ", maxOutputChars=" + maxOutputChars + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(ENABLED + " must be true or false, not '" + raw + "'");
        };
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + raw.get() + "'");
        }
    }

    private static String readKeyFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            // The path is not secret; the file's content is, and it is never echoed.
            throw new IllegalArgumentException(API_KEY_FILE + " points to a file that cannot be read: " + path);
        }
    }

    private static String validUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(
                        BASE_URL + " must be an http(s) URL such as http://localhost:11434/v1");
            }
            return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(BASE_URL + " must be an http(s) URL such as http://localhost:11434/v1");
        }
    }
}
