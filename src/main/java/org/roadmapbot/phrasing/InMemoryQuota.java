package org.roadmapbot.phrasing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PhrasingQuota} in memory: counts reset with a restart, which only ever allows more. */
public final class InMemoryQuota implements PhrasingQuota {

    /** {@code phrased}: texts counted on {@code day}; {@code lastCall}: when the cooldown started. */
    private record Usage(LocalDate day, int phrased, Instant lastCall) {
    }

    private final int dailyQuota;
    private final Duration cooldown;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private volatile LocalDate pruned = LocalDate.MIN;

    public InMemoryQuota(int dailyQuota, Duration cooldown) {
        if (dailyQuota < 1 || cooldown.isNegative()) {
            throw new IllegalArgumentException("quota must be positive and cooldown not negative");
        }
        this.dailyQuota = dailyQuota;
        this.cooldown = cooldown;
    }

    @Override
    public Decision peek(String guildId, String memberId, Instant now, boolean useCooldown) {
        return decide(usage.get(key(guildId, memberId)), now, useCooldown);
    }

    @Override
    public Decision startCall(String guildId, String memberId, Instant now, boolean useCooldown) {
        pruneOldDays(now);
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
        return Duration.between(now, day(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Once a day, forgets members whose counts and cooldowns no longer matter. */
    private void pruneOldDays(Instant now) {
        LocalDate today = day(now);
        if (!today.equals(pruned)) {
            pruned = today;
            usage.entrySet().removeIf(e -> !e.getValue().day().equals(today)
                    && (e.getValue().lastCall() == null || !e.getValue().lastCall().plus(cooldown).isAfter(now)));
        }
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static String key(String guildId, String memberId) {
        return guildId + "/" + memberId;
    }
}
