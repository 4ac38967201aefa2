package org.roadmapbot.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How the bot reaches Discord. The token is read lazily (a wrong token file must not stop the
 * console) and never appears in {@link #toString()}.
 *
 * @param token            where the bot token comes from: the variable's value or a file
 * @param apiBaseUrl       REST base instead of Discord's, ending in "/api/v10/" (a proxy, a test fake)
 * @param gatewayUrl       gateway WebSocket URL instead of Discord's
 * @param guildIds         register commands in these servers only (instant); empty = globally
 * @param moderatorRoleIds members with one of these roles count as moderators, as Manage Server does
 * @param shards           the Discord shards this process runs ({@code DISCORD_SHARD_TOTAL}, {@code DISCORD_SHARD_IDS})
 * @param messageContentIntent ask Discord for the privileged Message Content intent ({@code DISCORD_MESSAGE_CONTENT_INTENT}):
 *                         only a help channel needs it (mentions and the message menu carry their text without it)
 */
public record DiscordConfig(
        TokenSource token,
        Optional<String> apiBaseUrl,
        Optional<String> gatewayUrl,
        List<String> guildIds,
        Set<String> moderatorRoleIds,
        Shards shards,
        boolean messageContentIntent) {

    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String TOKEN_FILE = "DISCORD_TOKEN_FILE";
    public static final String API_BASE_URL = "DISCORD_API_BASE_URL";
    public static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";
    public static final String GUILD_IDS = "DISCORD_GUILD_IDS";
    public static final String MODERATOR_ROLE_IDS = "ROADMAP_BOT_MODERATOR_ROLE_IDS";
    public static final String MESSAGE_CONTENT_INTENT = "DISCORD_MESSAGE_CONTENT_INTENT";

    public DiscordConfig {
        if (token == null) {
            throw new IllegalArgumentException("a Discord token source is required");
        }
        apiBaseUrl = apiBaseUrl == null ? Optional.empty() : apiBaseUrl.map(DiscordConfig::withTrailingSlash);
        gatewayUrl = gatewayUrl == null ? Optional.empty() : gatewayUrl;
        apiBaseUrl.ifPresent(u -> requireScheme(API_BASE_URL, u, "http://", "https://"));
        gatewayUrl.ifPresent(u -> requireScheme(GATEWAY_URL, u, "ws://", "wss://"));
        guildIds = List.copyOf(guildIds);
        moderatorRoleIds = Set.copyOf(moderatorRoleIds);
        guildIds.forEach(id -> requireSnowflake(GUILD_IDS, id));
        moderatorRoleIds.forEach(id -> requireSnowflake(MODERATOR_ROLE_IDS, id));
        shards = shards == null ? Shards.none() : shards;
    }

    /** Without sharding: one process runs every server. */
    public DiscordConfig(
            TokenSource token,
            Optional<String> apiBaseUrl,
            Optional<String> gatewayUrl,
            List<String> guildIds,
            Set<String> moderatorRoleIds) {
        this(token, apiBaseUrl, gatewayUrl, guildIds, moderatorRoleIds, Shards.none());
    }

    /** Without the Message Content intent. */
    public DiscordConfig(
            TokenSource token,
            Optional<String> apiBaseUrl,
            Optional<String> gatewayUrl,
            List<String> guildIds,
            Set<String> moderatorRoleIds,
            Shards shards) {
        this(token, apiBaseUrl, gatewayUrl, guildIds, moderatorRoleIds, shards, false);
    }

    public DiscordConfig withShards(Shards value) {
        return new DiscordConfig(
                token, apiBaseUrl, gatewayUrl, guildIds, moderatorRoleIds, value, messageContentIntent);
    }

    public DiscordConfig withMessageContentIntent(boolean value) {
        return new DiscordConfig(token, apiBaseUrl, gatewayUrl, guildIds, moderatorRoleIds, shards, value);
    }

    /** The Discord settings in the environment, or empty when no token is configured at all. */
    public static Optional<DiscordConfig> fromEnvironment(Map<String, String> env) {
        Optional<String> inline = nonBlank(env.get(TOKEN));
        Optional<String> file = nonBlank(env.get(TOKEN_FILE));
        if (inline.isEmpty() && file.isEmpty()) {
            return Optional.empty();
        }
        TokenSource source = inline.isPresent()
                ? TokenSource.of(inline.get().strip())
                : TokenSource.file(Path.of(file.get().strip()));
        return Optional.of(new DiscordConfig(
                source,
                nonBlank(env.get(API_BASE_URL)).map(String::strip),
                nonBlank(env.get(GATEWAY_URL)).map(String::strip),
                ids(env.get(GUILD_IDS)),
                Set.copyOf(ids(env.get(MODERATOR_ROLE_IDS))),
                Shards.fromEnvironment(env),
                flag(env, MESSAGE_CONTENT_INTENT)));
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=" + token + ", apiBaseUrl=" + apiBaseUrl + ", gatewayUrl=" + gatewayUrl
                + ", guildIds=" + guildIds + ", moderatorRoleIds=" + moderatorRoleIds + ", " + shards
                + ", messageContentIntent=" + messageContentIntent + "]";
    }

    private static List<String> ids(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }

    /** true or false (any case); unset or blank is false; anything else stops start-up. */
    private static boolean flag(Map<String, String> env, String variable) {
        String raw = env.get(variable);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, not: " + raw.strip());
        };
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static String withTrailingSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static void requireScheme(String variable, String url, String... schemes) {
        if (Arrays.stream(schemes).noneMatch(url::startsWith)) {
            throw new IllegalArgumentException(
                    variable + " must start with " + String.join(" or ", schemes) + ": " + url);
        }
    }

    private static void requireSnowflake(String variable, String id) {
        if (!id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException(
                    variable + " must list numeric Discord ids separated by commas, not: " + id);
        }
    }

    /** Where the token comes from. Its toString says where, never what. */
    public static final class TokenSource implements Supplier<String> {
        private final String value;
        private final Path file;

        private TokenSource(String value, Path file) {
            this.value = value;
            this.file = file;
        }

        public static TokenSource of(String token) {
            return new TokenSource(token, null);
        }

        public static TokenSource file(Path path) {
            return new TokenSource(null, path);
        }

        /** The token; reads the file each time so a rotated secret is picked up on restart. */
        @Override
        public String get() {
            if (value != null) {
                return value;
            }
            try {
                String read = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (read.isEmpty()) {
                    throw new IllegalArgumentException(TOKEN_FILE + " points to an empty file: " + file);
                }
                return read;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read " + TOKEN_FILE + " " + file + ": "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }

        @Override
        public String toString() {
            return value != null ? "<from " + TOKEN + ">" : "<from file " + file + ">";
        }
    }
}
