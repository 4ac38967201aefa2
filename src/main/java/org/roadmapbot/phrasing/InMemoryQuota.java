package org.roadmapbot.phrasing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PhrasingQuota} in memory: counts reset with a restart, which only ever allows more. */
public final class InMemoryQuota implements PhrasingQuota {

    private record Usage(LocalDate day, int calls, Instant lastAsk) {
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
    public Decision tryAcquire(String guildId, String memberId, Instant now, boolean useCooldown) {
        pruneOldDays(now);
        Decision[] decision = new Decision[1];
        usage.compute(key(guildId, memberId), (k, old) -> {
            decision[0] = decide(old, now, useCooldown);
            if (!decision[0].allowed()) {
                return old;
            }
            LocalDate today = day(now);
            int calls = old != null && old.day().equals(today) ? old.calls() + 1 : 1;
            Instant lastAsk = useCooldown ? now : old == null ? null : old.lastAsk();
            return new Usage(today, calls, lastAsk);
        });
        return decision[0];
    }

    private Decision decide(Usage old, Instant now, boolean useCooldown) {
        if (old == null) {
            return Decision.ALLOWED;
        }
        if (useCooldown && old.lastAsk() != null) {
            Duration since = Duration.between(old.lastAsk(), now);
            if (since.compareTo(cooldown) < 0) {
                return new Decision(Verdict.COOLDOWN, cooldown.minus(since));
            }
        }
        if (old.day().equals(day(now)) && old.calls() >= dailyQuota) {
            Instant midnight = day(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new Decision(Verdict.DAILY_LIMIT, Duration.between(now, midnight));
        }
        return Decision.ALLOWED;
    }

    /** Once a day, forgets members whose counts and cooldowns no longer matter. */
    private void pruneOldDays(Instant now) {
        LocalDate today = day(now);
        if (!today.equals(pruned)) {
            pruned = today;
            usage.entrySet().removeIf(e -> !e.getValue().day().equals(today)
                    && (e.getValue().lastAsk() == null || !e.getValue().lastAsk().plus(cooldown).isAfter(now)));
        }
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static String key(String guildId, String memberId) {
        return guildId + "/" + memberId;
    }
}
