package org.roadmapbot.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers given recently, by a short random token their buttons carry ("ask:rate:down:k3x9…"): the
 * question a thumbs-down keeps, and who rated already (one rating per member and answer). In memory
 * only, bounded and expiring: a rating after a restart or past {@link #KEPT} still counts, without
 * its question.
 */
public final class RecentAnswers {

    /** How long a rating can still keep its question. */
    public static final Duration KEPT = Duration.ofHours(24);

    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int TOKEN_LENGTH = 12;

    /** One answer: its server and question, and the members who rated it. */
    public record Recent(String guildId, String question, Set<String> raters) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cache<String, Recent> recent = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumWeight(MAX_BYTES)
            .weigher((String token, Recent r) -> 120 + 2 * r.question().length())
            .build();

    /** Remembers an answer; its token. */
    public String remember(String guildId, String question) {
        String token = newToken();
        recent.put(token, new Recent(guildId, question, ConcurrentHashMap.newKeySet()));
        return token;
    }

    /** A random token for a button that points at something kept in memory (unguessable, 62 bits). */
    public static String newToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    public Optional<Recent> find(String token) {
        return Optional.ofNullable(recent.getIfPresent(token));
    }

    /** Whether a token has the shape {@link #remember} gives (anything else is a forged button). */
    public static boolean wellFormed(String token) {
        return token.length() == TOKEN_LENGTH && token.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
