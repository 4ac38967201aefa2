package org.roadmapbot.insights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Answers given recently, by a short random token their buttons carry ("ask:rate:down:k3x9…"): the
 * question a thumbs-down keeps, and who rated already (one rating per member and answer). In memory
 * only, bounded and expiring: a rating after a restart or past {@link #KEPT} still counts, without
 * its question.
 *
 * <p>Every answered /ask adds an entry, and under load the bound turns them over every few seconds, long
 * enough for the young collections to promote them to the old generation (README "Memory"). So an entry is
 * small: kept by the token's number, not its text, and its raters' set made only when someone rates.
 */
public final class RecentAnswers {

    /** How long a rating can still keep its question. */
    public static final Duration KEPT = Duration.ofHours(24);

    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int RADIX = 36;
    private static final int TOKEN_LENGTH = 12;
    /** 36^12 (about 2^62): every token of {@link #TOKEN_LENGTH} base-36 digits, each a long. */
    private static final long TOKENS = pow(RADIX, TOKEN_LENGTH);

    /** One answer: its server and question, and the members who rated it (made on the first rating). */
    public static final class Recent {
        private final String guildId;
        private final String question;
        private Set<String> raters;

        Recent(String guildId, String question) {
            this.guildId = guildId;
            this.question = question;
        }

        public String guildId() {
            return guildId;
        }

        public String question() {
            return question;
        }

        /** Records the member's rating; false if they had rated this answer already. */
        public synchronized boolean rate(String memberId) {
            if (raters == null) {
                raters = new HashSet<>(4);
            }
            return raters.add(memberId);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cache<Long, Recent> recent = Caffeine.newBuilder()
            .expireAfterWrite(KEPT)
            .maximumWeight(MAX_BYTES)
            .weigher((Long token, Recent r) -> 120 + 2 * r.question().length())
            .build();

    /** Remembers an answer; its token. */
    public String remember(String guildId, String question) {
        long number = newNumber();
        recent.put(number, new Recent(guildId, question));
        return format(number);
    }

    /** A random token for a button that points at something kept in memory (unguessable, 62 bits). */
    public static String newToken() {
        return format(newNumber());
    }

    public Optional<Recent> find(String token) {
        return wellFormed(token)
                ? Optional.ofNullable(recent.getIfPresent(Long.parseLong(token, RADIX)))
                : Optional.empty();
    }

    /** Whether a token has the shape {@link #remember} gives (anything else is a forged button). */
    public static boolean wellFormed(String token) {
        return token.length() == TOKEN_LENGTH
                && token.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
    }

    private static long newNumber() {
        long bits = RANDOM.nextLong() >>> 1;
        return bits % TOKENS;
    }

    /** Twelve base-36 digits, lower case, zeros in front. */
    private static String format(long number) {
        String digits = Long.toString(number, RADIX);
        return "0".repeat(TOKEN_LENGTH - digits.length()) + digits;
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
