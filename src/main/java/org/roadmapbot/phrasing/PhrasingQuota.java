package org.roadmapbot.phrasing;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-member limits on real LLM calls: a daily quota (UTC days) and a cooldown between asks.
 * Only calls that really go out are counted; an in-memory store is enough for one process, and
 * a database-backed one can replace it behind this interface.
 */
public interface PhrasingQuota {

    /** What the member may do now; {@code retryAfter} is zero when allowed. */
    record Decision(Verdict verdict, Duration retryAfter) {
        public static final Decision ALLOWED = new Decision(Verdict.ALLOWED, Duration.ZERO);

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    enum Verdict { ALLOWED, COOLDOWN, DAILY_LIMIT }

    /** Whether a call would be allowed, without counting it. */
    Decision peek(String guildId, String memberId, Instant now, boolean cooldown);

    /**
     * Counts one call if allowed (atomically with the check). {@code cooldown} is false for
     * bot-initiated calls (nudges): they use the daily quota but do not block the member's asks.
     */
    Decision tryAcquire(String guildId, String memberId, Instant now, boolean cooldown);
}
