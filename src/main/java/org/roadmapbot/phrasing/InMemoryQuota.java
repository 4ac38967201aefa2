package org.roadmapbot.phrasing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link PhrasingQuota} in memory: counts reset with a restart, which only ever allows more. The
 * counts live in a Caffeine cache: each member's entry expires once it no longer matters (their day
 * is over and their cooldown has run out), and a size bound keeps a flood of new members from
 * growing memory; a member dropped early only gets more phrasing, never less. A token bucket
 * (Bucket4j) was considered and not used: the quota is a count of delivered answers per UTC day
 * that all come back at midnight, which a refilling bucket does not express.
 */
public final class InMemoryQuota implements PhrasingQuota {

    /** Members' counts kept at most. */
    private static final long MAX_MEMBERS = 100_000;

    /** {@code phrased}: texts counted on {@code day}; {@code lastCall}: when the cooldown started. */
    private record Usage(LocalDate day, int phrased, Instant lastCall) {}

    private final int dailyQuota;
    private final Duration cooldown;
    /** The cache's map view: {@code compute} on it is atomic per member, as the checks need. */
    private final ConcurrentMap<String, Usage> usage;

    public InMemoryQuota(int dailyQuota, Duration cooldown) {
        if (dailyQuota < 1 || cooldown.isNegative()) {
            throw new IllegalArgumentException("quota must be positive and cooldown not negative");
        }
        this.dailyQuota = dailyQuota;
        this.cooldown = cooldown;
        Cache<String, Usage> cache = Caffeine.newBuilder()
                .maximumSize(MAX_MEMBERS)
                .expireAfter(Expiry.writing((String key, Usage u) -> relevantFor(u)))
                .build();
        this.usage = cache.asMap();
    }

    /**
     * How long an entry matters after it was written: until its day ends (the count) or its
     * cooldown runs out, whichever is later. Measured from the entry's own instants, so a test's
     * fixed clock gives sensible lifetimes too.
     */
    private Duration relevantFor(Usage u) {
        Instant written = u.lastCall() != null
                        && u.lastCall()
                                .isAfter(u.day().atStartOfDay(ZoneOffset.UTC).toInstant())
                ? u.lastCall()
                : u.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnds = u.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant cooled = u.lastCall() == null ? Instant.MIN : u.lastCall().plus(cooldown);
        Instant until = cooled.isAfter(dayEnds) ? cooled : dayEnds;
        Duration left = Duration.between(written, until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Decision peek(String guildId, String memberId, Instant now, boolean useCooldown) {
        return decide(usage.get(key(guildId, memberId)), now, useCooldown);
    }

    @Override
    public Decision startCall(String guildId, String memberId, Instant now, boolean useCooldown) {
        Decision[] decision = new Decision[1];
        usage.compute(key(guildId, memberId), (k, old) -> {
            decision[0] = decide(old, now, useCooldown);
            if (!decision[0].allowed() || !useCooldown) {
                return old;
            }
            Usage today = current(old, now);
            return new Usage(today.day(), today.phrased(), now);
        });
        return decision[0];
    }

    @Override
    public Decision countPhrased(String guildId, String memberId, Instant now) {
        Decision[] decision = new Decision[1];
        usage.compute(key(guildId, memberId), (k, old) -> {
            Usage today = current(old, now);
            if (today.phrased() >= dailyQuota) {
                decision[0] = new Decision(Verdict.DAILY_LIMIT, untilMidnight(now));
                return old;
            }
            decision[0] = Decision.ALLOWED;
            return new Usage(today.day(), today.phrased() + 1, today.lastCall());
        });
        return decision[0];
    }

    private Decision decide(Usage old, Instant now, boolean useCooldown) {
        if (old == null) {
            return Decision.ALLOWED;
        }
        if (useCooldown && old.lastCall() != null) {
            Duration since = Duration.between(old.lastCall(), now);
            if (since.compareTo(cooldown) < 0) {
                return new Decision(Verdict.COOLDOWN, cooldown.minus(since));
            }
        }
        if (current(old, now).phrased() >= dailyQuota) {
            return new Decision(Verdict.DAILY_LIMIT, untilMidnight(now));
        }
        return Decision.ALLOWED;
    }

    /** The usage as of today: yesterday's count no longer matters, the cooldown still may. */
    private static Usage current(Usage old, Instant now) {
        LocalDate today = day(now);
        if (old == null) {
            return new Usage(today, 0, null);
        }
        return old.day().equals(today) ? old : new Usage(today, 0, old.lastCall());
    }

    private static Duration untilMidnight(Instant now) {
        return Duration.between(
                now, day(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static String key(String guildId, String memberId) {
        return guildId + "/" + memberId;
    }
}
