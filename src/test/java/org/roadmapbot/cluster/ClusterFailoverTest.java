package org.roadmapbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.nudges.NudgeService;
import org.roadmapbot.nudges.WeeklySchedule;
import org.roadmapbot.testing.ChildJvm;
import org.roadmapbot.testing.TestPostgres;

/**
 * Two bot processes (separate JVMs) share one PostgreSQL with Quartz clustering. 1,000 members'
 * nudges come due within a minute; when half have been delivered, one process is killed with
 * SIGKILL. The survivor takes over the dead one's triggers and its half-done jobs: every nudge
 * is delivered exactly once in total, none twice, none lost — counted in the database.
 *
 * <p>Kept short for the suite: the nudges fall due over 30 s, starting 5 s after both processes
 * are up; the survivor notices the death after Quartz's cluster check-in (about 15 s), and takes
 * over the sends that were in flight when their one-minute "look again" triggers fire.
 */
class ClusterFailoverTest {

    static final String GUILD = "910000000000000001";
    static final int MEMBERS = 1000;

    @TempDir
    Path dir;

    @Test
    void everyNudgeIsDeliveredExactlyOnceWhenOneOfTwoProcessesIsKilledHalfway() throws Exception {
        DatabaseConfig database = TestPostgres.freshDatabase();
        String url = database.url().orElseThrow();

        // 1,000 members with weekly nudges whose slot this week (the current UTC hour) has come;
        // once both processes are up, each gets a one-shot firing of its nudge job.
        try (Application setup =
                Application.start(new AppConfig(dir.resolve("setup"), Optional.empty()).withDatabase(database))) {
            DataSource ds = setup.database().dataSource();
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute(RecordingMessenger.SCHEMA);
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneId.of("UTC"));
            WeeklySchedule slot = new WeeklySchedule(now.getDayOfWeek(), now.getHour(), ZoneId.of("UTC"));
            for (int i = 0; i < MEMBERS; i++) {
                setup.nudges().turnOn(GUILD, member(i), slot);
            }
            // As if they had turned nudges on yesterday: this week's slot is due, not "before they asked".
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("UPDATE nudge_settings SET schedule_from = ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
                assertThat(ps.executeUpdate()).isEqualTo(MEMBERS);
            }
        }

        // A's every 10th send is slow, so when it is killed some of its nudges are out but not yet
        // noted: the hard case, where the survivor must take the claim over.
        Process a = ChildJvm.start(ClusterNode.class, url, "A", dir.resolve("a").toString(), "10");
        Process b = ChildJvm.start(ClusterNode.class, url, "B", dir.resolve("b").toString());
        try (Database db = new Database(url);
                Application control = Application.start(
                        new AppConfig(dir.resolve("control"), Optional.empty()).withDatabase(database))) {
            ChildJvm.awaitLineStartingWith(ChildJvm.stdout(a), "READY");
            BufferedReader bOut = ChildJvm.stdout(b);
            ChildJvm.awaitLineStartingWith(bOut, "READY");
            // Both processes are up (however long a loaded machine took to start them): now the
            // one-shot firings, spread over 30 s from 5 s on, reach the clustered scheduler.
            Scheduler quartz = control.scheduler().quartz();
            Instant firstDue = Instant.now().plusSeconds(5);
            for (int i = 0; i < MEMBERS; i++) {
                quartz.scheduleJob(TriggerBuilder.newTrigger()
                        .withIdentity("burst-" + i, "cluster-test")
                        .forJob(NudgeService.jobKey(GUILD, member(i)))
                        .startAt(Date.from(firstDue.plusMillis(30_000L * i / MEMBERS)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            }

            // Halfway: SIGKILL A (no shutdown hook, no clean-up: its claims and Quartz rows stay behind).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // Halfway, and once A has delivered some: on a loaded machine A's scheduler may start acquiring
            // triggers after B has taken the first ones, and the kill must hit a process that was working.
            while (db.count("SELECT COUNT(*) FROM cluster_delivery") < MEMBERS / 2
                    || db.count("SELECT COUNT(*) FROM cluster_delivery WHERE node = 'A'") == 0
                            && db.count("SELECT COUNT(*) FROM cluster_delivery") < MEMBERS * 9 / 10) {
                assertThat(System.nanoTime())
                        .as("half the nudges delivered within 2 minutes, some of them by A")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            long byAAtKill = db.count("SELECT COUNT(*) FROM cluster_delivery WHERE node = 'A'");
            a.destroyForcibly();
            assertThat(a.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            long atKill = db.count("SELECT COUNT(*) FROM cluster_delivery");

            // The survivor finishes the rest, including A's triggers and the jobs A was running.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (db.count("SELECT COUNT(*) FROM nudge_sent WHERE state = 'sent'") < MEMBERS) {
                assertThat(System.nanoTime())
                        .as(
                                "every nudge recorded as sent within 150 s of the kill: %s",
                                db.rows("SELECT state, COUNT(*) FROM nudge_sent GROUP BY state"))
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            Thread.sleep(2000); // anything still running would show up as an extra attempt now

            long deliveries = db.count("SELECT COUNT(*) FROM cluster_delivery");
            long attempts = db.count("SELECT COUNT(*) FROM cluster_attempt");
            long repeatedKeys = db.count("SELECT COUNT(*) FROM (SELECT delivery_key FROM cluster_attempt "
                    + "GROUP BY delivery_key HAVING COUNT(*) > 1) r");
            long takenOver = db.count("SELECT COUNT(*) FROM nudge_sent WHERE takeovers > 0");
            System.out.printf(
                    "cluster: %d delivered (%d before the kill, %d of them by A), %d send attempts, "
                            + "%d weeks sent twice and deduplicated by their delivery key, %d claims taken over from A%n",
                    deliveries, atKill, byAAtKill, attempts, repeatedKeys, takenOver);

            // Every member's nudge exactly once: one delivery per member, none lost, none twice.
            assertThat(deliveries).isEqualTo(MEMBERS);
            assertThat(db.count("SELECT COUNT(DISTINCT member_id) FROM cluster_delivery"))
                    .isEqualTo(MEMBERS);
            assertThat(db.count("SELECT COUNT(*) FROM nudge_sent")).isEqualTo(MEMBERS);
            assertThat(db.count("SELECT COUNT(*) FROM nudge_sent WHERE state <> 'sent'"))
                    .isZero();
            // Both processes delivered; A's share stopped at the kill, B did the rest.
            assertThat(byAAtKill).isPositive();
            assertThat(db.count("SELECT COUNT(*) FROM cluster_delivery WHERE node = 'A'"))
                    .isEqualTo(byAAtKill);
            assertThat(db.count("SELECT COUNT(*) FROM cluster_delivery WHERE node = 'B'"))
                    .isEqualTo(MEMBERS - byAAtKill);
            // A was killed with sends out but not noted (its slow ones): B took those claims over...
            assertThat(takenOver)
                    .as("claims of the killed process taken over by the survivor")
                    .isPositive();
            // ...and a repeated send happens only for such a week (and is dropped by its delivery key).
            assertThat(repeatedKeys).isLessThanOrEqualTo(takenOver);
            assertThat(
                            db.count(
                                    "SELECT COUNT(*) FROM cluster_attempt a WHERE a.node = 'B' AND a.delivery_key IN "
                                            + "(SELECT delivery_key FROM cluster_attempt WHERE node = 'A') AND NOT EXISTS (SELECT 1 FROM nudge_sent s "
                                            + "WHERE 'nudge:' || s.guild_id || ':' || s.member_id || ':' || s.iso_week = a.delivery_key AND s.takeovers > 0)"))
                    .isZero();
            // The dead instance is gone from the cluster; the survivor is alone.
            assertThat(db.count("SELECT COUNT(*) FROM qrtz_scheduler_state")).isEqualTo(1);

            b.getOutputStream().close();
            ChildJvm.awaitLine(bOut, "STOPPED");
            assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    static String member(int i) {
        return String.valueOf(810_000_000_000_000_000L + i);
    }

    /** Plain JDBC on the shared database, for counting. */
    private static final class Database implements AutoCloseable {
        private final Connection connection;

        Database(String url) throws Exception {
            connection = java.sql.DriverManager.getConnection(url, "postgres", "unused");
        }

        long count(String sql) throws Exception {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<String> rows(String sql) throws Exception {
            List<String> rows = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getString(2));
                }
            }
            return rows;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
