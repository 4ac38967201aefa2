package org.roadmapbot.nudges;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's nudge settings in one server (a row of {@code nudge_settings}).
 *
 * @param scheduleFrom   when the member last turned nudges on: nothing due before it is sent, so
 *                       a change of day never produces a surprise nudge for a slot already past
 * @param pausedUntil    nudges due before this instant are skipped
 * @param disabledReason why nudges are off: {@link #OFF} (the member), {@link #DMS_CLOSED},
 *                       {@link #UNKNOWN_MEMBER}; empty while enabled
 */
public record NudgeSettings(
        String guildId,
        String memberId,
        WeeklySchedule schedule,
        boolean enabled,
        Optional<Instant> pausedUntil,
        Optional<String> disabledReason,
        Optional<String> disabledDetail,
        Instant scheduleFrom,
        Instant updatedAt) {

    public static final String OFF = "off";
    public static final String DMS_CLOSED = "dms_closed";
    public static final String UNKNOWN_MEMBER = "unknown_member";

    public NudgeSettings {
        pausedUntil = pausedUntil == null ? Optional.empty() : pausedUntil;
        disabledReason = disabledReason == null ? Optional.empty() : disabledReason;
        disabledDetail = disabledDetail == null ? Optional.empty() : disabledDetail;
    }

    /** Freshly turned on at {@code now}. */
    public static NudgeSettings on(String guildId, String memberId, WeeklySchedule schedule, Instant now) {
        return new NudgeSettings(
                guildId, memberId, schedule, true, Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    public boolean pausedAt(Instant due) {
        return pausedUntil.map(due::isBefore).orElse(false);
    }
}
