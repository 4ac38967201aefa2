package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;

/** The load driver on a real application: every command of the mix succeeds and the writes are stored. */
class LoadDriverTest {

    @TempDir
    Path dir;

    @Test
    void aShortOpenLoopRunHasNoErrorsAndLeavesTheStoreConsistent() throws Exception {
        try (Application app = Application.start(new AppConfig(dir, Optional.empty()))) {
            LoadDriver driver = new LoadDriver(app.router(), app.knowledge(), new LoadDriver.Settings(4, 40, 7));
            driver.enrolMembers();
            LoadDriver.Result result =
                    driver.run(new LoadDriver.Run(Duration.ofMillis(300), Duration.ofSeconds(2), 400));

            assertThat(result.errors()).as("%s", result.errorSamples()).isZero();
            assertThat(result.commands())
                    .isPositive()
                    .isEqualTo(result.latency().getTotalCount());
            long perKind = result.byKind().values().stream()
                    .mapToLong(Histogram::getTotalCount)
                    .sum();
            assertThat(perKind).isEqualTo(result.commands());
            // 70 % ask: by far the biggest share of the mix.
            assertThat(result.byKind().get(LoadDriver.Kind.ASK).getTotalCount())
                    .isGreaterThan(
                            result.byKind().get(LoadDriver.Kind.PROGRESS_WRITE).getTotalCount() * 3);
            assertThat(result.heap().afterSoakMb()).isPositive();
            assertThat(driver.leaderboardLabel()).contains("/");

            try (Connection c = app.database().dataSource().getConnection();
                    PreparedStatement members =
                            c.prepareStatement("SELECT COUNT(*) FROM member_track WHERE guild_id = ?");
                    PreparedStatement done = c.prepareStatement(
                            "SELECT COUNT(*) FROM topic_progress WHERE guild_id = ? AND state = 'done'")) {
                members.setString(1, LoadDriver.guild());
                done.setString(1, LoadDriver.guild());
                assertThat(count(members)).isEqualTo(40);
                assertThat(count(done)).isEqualTo(driver.membersMarked());
            }
        }
    }

    private static int count(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
