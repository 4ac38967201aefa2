package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardConfigTest {

    @Test
    void readsZoneAndExcludedRolesFromTheEnvironment() {
        LeaderboardConfig config = LeaderboardConfig.fromEnvironment(Map.of(
                LeaderboardConfig.TIMEZONE, " Europe/Berlin ", LeaderboardConfig.EXCLUDED_ROLE_IDS, "111, 222 333"));
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.excludedRoleIds()).containsExactlyInAnyOrder("111", "222", "333");

        assertThat(LeaderboardConfig.fromEnvironment(Map.of(LeaderboardConfig.DEFAULT_TIMEZONE, "Asia/Tokyo"))
                        .zone())
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(LeaderboardConfig.fromEnvironment(Map.of())).isEqualTo(LeaderboardConfig.defaults());
        assertThat(LeaderboardConfig.defaults().zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void rejectsAnUnknownZoneOrARoleThatIsNotAnId() {
        assertThatThrownBy(() -> LeaderboardConfig.fromEnvironment(Map.of(LeaderboardConfig.TIMEZONE, "Mars/Base")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LeaderboardConfig.TIMEZONE);
        assertThatThrownBy(
                        () -> LeaderboardConfig.fromEnvironment(Map.of(LeaderboardConfig.EXCLUDED_ROLE_IDS, "@mods")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LeaderboardConfig.EXCLUDED_ROLE_IDS);
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirstInTheConfiguredZone() {
        // Sunday 23:30 UTC is already Monday in Berlin.
        Instant sundayNight = Instant.parse("2026-01-11T23:30:00Z");
        assertThat(Period.WEEK.key(sundayNight, ZoneId.of("UTC"))).isEqualTo("w2026-01-05");
        assertThat(Period.WEEK.key(sundayNight, ZoneId.of("Europe/Berlin"))).isEqualTo("w2026-01-12");
        assertThat(Period.LAST_WEEK.key(sundayNight, ZoneId.of("UTC"))).isEqualTo("w2025-12-29");
        assertThat(Period.MONTH.key(Instant.parse("2026-01-31T23:30:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("m2026-02");
        assertThat(Period.ALL.key(sundayNight, ZoneId.of("UTC"))).isEqualTo("all");
        assertThat(Period.byId("All-Time")).contains(Period.ALL);
    }
}
