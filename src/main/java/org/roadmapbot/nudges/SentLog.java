package org.roadmapbot.nudges;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the sent-log {@code nudge_sent}: what became of a member's nudge in one ISO week.
 *
 * @param state      {@link #CLAIMED} (being sent), {@link #SENT}, {@link #FAILED}, {@link #MISSED}
 *                   (due during downtime longer than the grace period: skipped)
 * @param claimedBy  the scheduler instance that claimed the week
 * @param takeovers  how often a dead claimer's claim was taken over (at most once)
 */
public record SentLog(
        String guildId,
        String memberId,
        String isoWeek,
        Instant dueAt,
        String state,
        String claimedBy,
        Instant claimedAt,
        int takeovers,
        int attempts,
        Optional<String> deliveredVia,
        Optional<String> detail,
        Optional<Instant> finishedAt) {

    public static final String CLAIMED = "claimed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String MISSED = "missed";

    public static final String VIA_DM = "dm";
    public static final String VIA_CHANNEL = "channel";
}
