package org.roadmapbot.leaderboard;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roadmapbot.schedule.TimeZones;

/**
 * Leaderboard settings.
 *
 * @param zone            where weeks and months begin ({@code ROADMAP_BOT_LEADERBOARD_TIMEZONE}, else
 *                        {@code ROADMAP_BOT_DEFAULT_TIMEZONE}, else UTC)
 * @param excludedRoleIds members with one of these roles are left off leaderboards, e.g. staff or
 *                        bots ({@code ROADMAP_BOT_LEADERBOARD_EXCLUDED_ROLE_IDS}, comma-separated ids)
 */
public record LeaderboardConfig(ZoneId zone, Set<String> excludedRoleIds) {

    public static final String TIMEZONE = "ROADMAP_BOT_LEADERBOARD_TIMEZONE";
    public static final String DEFAULT_TIMEZONE = "ROADMAP_BOT_DEFAULT_TIMEZONE";
    public static final String EXCLUDED_ROLE_IDS = "ROADMAP_BOT_LEADERBOARD_EXCLUDED_ROLE_IDS";

    public LeaderboardConfig {
        zone = zone == null ? ZoneId.of("UTC") : zone;
        excludedRoleIds = Set.copyOf(excludedRoleIds);
        for (String id : excludedRoleIds) {
            if (!id.matches("\\d{1,20}")) {
                throw new IllegalArgumentException(
                        EXCLUDED_ROLE_IDS + " must list numeric Discord role ids separated by commas, not: " + id);
            }
        }
    }

    public static LeaderboardConfig defaults() {
        return new LeaderboardConfig(ZoneId.of("UTC"), Set.of());
    }

    public static LeaderboardConfig fromEnvironment(Map<String, String> env) {
        String variable = nonBlank(env.get(TIMEZONE)) ? TIMEZONE : DEFAULT_TIMEZONE;
        String zoneText = env.getOrDefault(variable, "");
        ZoneId zone = ZoneId.of("UTC");
        if (nonBlank(zoneText)) {
            zone = TimeZones.parse(zoneText)
                    .map(TimeZones.Parsed::zone)
                    .orElseThrow(() -> new IllegalArgumentException(
                            variable + " must be a time zone such as Europe/Berlin, EST or UTC+2, not '"
                                    + zoneText.strip() + "'"));
        }
        String roles = env.getOrDefault(EXCLUDED_ROLE_IDS, "");
        Set<String> ids =
                Arrays.stream(roles.split("[,\\s]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new LeaderboardConfig(zone, ids);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
