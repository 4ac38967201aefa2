package org.roadmapbot.nudges;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.schedule.TimeZones;

/**
 * How weekly nudges behave.
 *
 * @param grace          a nudge missed by at most this much (downtime) is still sent once at
 *                       start-up; older ones are skipped ({@code ROADMAP_BOT_NUDGE_GRACE_HOURS}, default 12)
 * @param defaultZone    the server's time zone, used when {@code /nudge on} names none
 *                       ({@code ROADMAP_BOT_DEFAULT_TIMEZONE}); without it the option is required
 * @param studyChannels  where a nudge goes when the member's DMs are closed: the first of these
 *                       channels the bot can post in, in the member's server
 *                       ({@code ROADMAP_BOT_STUDY_CHANNEL_ID}, one id or a comma-separated list);
 *                       empty: closed DMs turn the member's nudges off, with the reason recorded
 * @param retryBackoff   pauses between delivery attempts after a temporary failure; its size + 1
 *                       is the number of attempts (default 1 s, 4 s: three attempts, 5 s at most)
 */
public record NudgeConfig(
        Duration grace, Optional<ZoneId> defaultZone, List<String> studyChannels, List<Duration> retryBackoff) {

    public static final String GRACE_HOURS = "ROADMAP_BOT_NUDGE_GRACE_HOURS";
    public static final String DEFAULT_TIMEZONE = "ROADMAP_BOT_DEFAULT_TIMEZONE";
    public static final String STUDY_CHANNEL_ID = "ROADMAP_BOT_STUDY_CHANNEL_ID";

    static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(4));

    public NudgeConfig {
        if (grace == null || grace.isNegative() || grace.isZero() || grace.compareTo(Duration.ofHours(167)) > 0) {
            throw new IllegalArgumentException(GRACE_HOURS + " must be between 1 and 167 hours (less than a week)");
        }
        defaultZone = defaultZone == null ? Optional.empty() : defaultZone;
        studyChannels = List.copyOf(studyChannels == null ? List.of() : studyChannels);
        retryBackoff = List.copyOf(retryBackoff == null ? DEFAULT_BACKOFF : retryBackoff);
        for (String id : studyChannels) {
            if (!id.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException(
                        STUDY_CHANNEL_ID + " must be channel ids (digits), comma-separated; '" + id + "' is not one");
            }
        }
    }

    public static NudgeConfig defaults() {
        return new NudgeConfig(Duration.ofHours(12), Optional.empty(), List.of(), DEFAULT_BACKOFF);
    }

    public static NudgeConfig fromEnvironment(Map<String, String> env) {
        String graceText = env.getOrDefault(GRACE_HOURS, "12").strip();
        long hours;
        try {
            hours = Long.parseLong(graceText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    GRACE_HOURS + " must be a whole number of hours, not '" + graceText + "'");
        }
        Optional<ZoneId> zone = Optional.ofNullable(env.get(DEFAULT_TIMEZONE))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(name -> TimeZones.parse(name)
                        .map(TimeZones.Parsed::zone)
                        .orElseThrow(() -> new IllegalArgumentException(DEFAULT_TIMEZONE
                                + " must be a time zone such as Europe/Berlin, EST or UTC+2, not '" + name + "'")));
        List<String> channels = Arrays.stream(
                        env.getOrDefault(STUDY_CHANNEL_ID, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new NudgeConfig(Duration.ofHours(hours), zone, channels, DEFAULT_BACKOFF);
    }

    public NudgeConfig withDefaultZone(ZoneId zone) {
        return new NudgeConfig(grace, Optional.ofNullable(zone), studyChannels, retryBackoff);
    }

    public NudgeConfig withStudyChannels(List<String> ids) {
        return new NudgeConfig(grace, defaultZone, ids, retryBackoff);
    }

    public NudgeConfig withRetryBackoff(List<Duration> pauses) {
        return new NudgeConfig(grace, defaultZone, studyChannels, pauses);
    }

    public NudgeConfig withGrace(Duration value) {
        return new NudgeConfig(value, defaultZone, studyChannels, retryBackoff);
    }
}
