package org.roadmapbot.phrasing;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-member limits on AI phrasing: a daily quota of phrased texts that reached the member (UTC
 * days) and a cooldown between calls. A call that fails, times out or is rejected by the guard
 * uses no quota; it does start the cooldown, which spaces out calls to the model whatever they
 * return. An in-memory store is enough for one process; a database-backed one can replace it
 * behind this interface.
 */
public interface PhrasingQuota {

    /** What the member may do now; {@code retryAfter} is zero when allowed. */
    record Decision(Verdict verdict, Duration retryAfter) {
        public static final Decision ALLOWED = new Decision(Verdict.ALLOWED, Duration.ZERO);

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    enum Verdict {
        ALLOWED,
        COOLDOWN,
        DAILY_LIMIT
    }

    /** Whether a call would be allowed, changing nothing. */
    Decision peek(String guildId, String memberId, Instant now, boolean cooldown);

    /**
     * Before a call: allowed when the member is outside the cooldown and has quota left; then
     * (atomically with the check) starts the cooldown when {@code cooldown} is true. Counts nothing.
     * {@code cooldown} is false for bot-initiated calls (nudges): they never block the member's asks.
     */
    Decision startCall(String guildId, String memberId, Instant now, boolean cooldown);

    /**
     * After a phrased text passed every check and is about to be sent: counts it against the
     * daily quota, or refuses when the quota ran out meanwhile (two asks at once).
     */
    Decision countPhrased(String guildId, String memberId, Instant now);
}
