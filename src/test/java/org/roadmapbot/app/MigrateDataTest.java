package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DataMigration;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.testing.CapturedOutput;
import org.roadmapbot.testing.TableDigest;
import org.roadmapbot.testing.TestPostgres;

/** `migrate-data`: everything in the embedded H2 ends up, equal, in a real PostgreSQL. */
class MigrateDataTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    /** A job that never runs here; it only has to be stored and copied. */
    public static final class WeeklyJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    static final TriggerKey WEEKLY = TriggerKey.triggerKey("member-7", "test-weekly");

    /** Members with tracks, marks, undone marks, hidden settings, and a weekly Quartz job with data. */
    static void fill(Application app) throws Exception {
        List<Topic> topics = app.knowledge().topicsForTrack("python");
        for (int m = 0; m < 40; m++) {
            String member = String.valueOf(700_000_000_000_000_000L + m);
            run(
                    app,
                    member,
                    "progress",
                    "start",
                    Map.of("track", m % 3 == 0 ? "javascript" : "python", "pace", "part-time"));
            if (m % 3 != 0) {
                for (int t = 0; t < m % 7; t++) {
                    run(
                            app,
                            member,
                            "progress",
                            t % 4 == 3 ? "skip" : "done",
                            Map.of("topic", topics.get(t).id()));
                }
                if (m % 5 == 0 && m % 7 > 0) {
                    run(
                            app,
                            member,
                            "progress",
                            "undo",
                            Map.of("topic", topics.get(0).id()));
                }
            }
            if (m % 4 == 0) {
                run(app, member, "privacy", "leaderboard", Map.of("visible", false));
            }
        }
        app.scheduler()
                .quartz()
                .scheduleJob(
                        JobBuilder.newJob(WeeklyJob.class)
                                .withIdentity("member-7", "test-weekly")
                                .usingJobData("zone", "Europe/Berlin")
                                .usingJobData("hour", 18)
                                .build(),
                        TriggerBuilder.newTrigger()
                                .withIdentity(WEEKLY)
                                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 18 ? * MON"))
                                .build());
    }

    private static Reply run(Application app, String member, String command, String sub, Map<String, Object> options) {
        Reply reply = app.router()
                .dispatch(new CommandRequest("900000000000000042", member, "M", false, command, sub, options));
        assertThat(reply.error()).as(reply.content()).isFalse();
        return reply;
    }

    /** Every copied table's normalised rows (the tables migrate-data leaves out are left out here too). */
    static Map<String, List<String>> data(Database db) {
        Map<String, List<String>> all = new TreeMap<>(TableDigest.contents(db.dataSource()));
        all.keySet()
                .removeIf(t -> t.equals("flyway_schema_history")
                        || t.equals("qrtz_scheduler_state")
                        || t.equals("qrtz_fired_triggers")
                        || t.equals("qrtz_locks"));
        return all;
    }

    @Test
    void everythingInTheEmbeddedDatabaseArrivesEqualInPostgres() throws Exception {
        Path h2 = dir.resolve("h2");
        Date nextFire;
        String showBefore;
        try (Application app = Application.start(new AppConfig(h2, Optional.empty()))) {
            fill(app);
            nextFire = app.scheduler().quartz().getTrigger(WEEKLY).getNextFireTime();
            showBefore =
                    run(app, "700000000000000001", "progress", "show", Map.of()).content();
        }
        DatabaseConfig postgres = TestPostgres.freshDatabase();

        int code = Main.execute(
                "migrate-data",
                "--data-dir",
                h2.toString(),
                "--to",
                postgres.url().orElseThrow(),
                "--to-user",
                "postgres");

        assertThat(code).as(output.err()).isZero();
        assertThat(output.out()).contains("Copied ").contains("member_track").contains("qrtz_triggers");
        Map<String, List<String>> source;
        try (Database db = Database.open(DatabaseConfig.embedded(), h2)) {
            source = data(db);
        }
        try (Database db = Database.open(postgres, dir)) {
            assertThat(db.isH2()).isFalse();
            Map<String, List<String>> target = data(db);
            assertThat(target.keySet()).isEqualTo(source.keySet());
            for (String table : source.keySet()) {
                assertThat(target.get(table))
                        .as("rows of %s", table)
                        .hasSameSizeAs(source.get(table))
                        .containsExactlyElementsOf(source.get(table));
            }
        }
        assertThat(source.get("member_track")).hasSize(40);
        assertThat(source.get("progress_event")).hasSizeGreaterThan(100);
        assertThat(source.get("member_settings")).hasSize(10);
        assertThat(source.get("qrtz_cron_triggers")).hasSize(1);

        // The bot runs on the copy: same answers, the schedule intact, new rows get fresh ids.
        try (Application app =
                Application.start(new AppConfig(dir.resolve("unused"), Optional.empty()).withDatabase(postgres))) {
            assertThat(run(app, "700000000000000001", "progress", "show", Map.of())
                            .content())
                    .isEqualTo(showBefore);
            Trigger copied = app.scheduler().quartz().getTrigger(WEEKLY);
            assertThat(copied.getNextFireTime()).isEqualTo(nextFire);
            assertThat(app.scheduler()
                            .quartz()
                            .getJobDetail(copied.getJobKey())
                            .getJobDataMap()
                            .getString("zone"))
                    .isEqualTo("Europe/Berlin");
            run(app, "700000000000000001", "progress", "done", Map.of("topic", "git"));
            run(app, "700000000000000099", "progress", "start", Map.of("track", "python", "pace", "full-time"));
        }
    }

    @Test
    void aTargetThatAlreadyHoldsDataIsRefusedAndLeftAlone() throws Exception {
        Path h2 = dir.resolve("h2");
        try (Application app = Application.start(new AppConfig(h2, Optional.empty()))) {
            fill(app);
        }
        DatabaseConfig postgres = TestPostgres.freshDatabase();
        assertThat(Main.execute(
                        "migrate-data",
                        "--data-dir",
                        h2.toString(),
                        "--to",
                        postgres.url().orElseThrow(),
                        "--to-user",
                        "postgres"))
                .isZero();
        String digest;
        try (Database db = Database.open(postgres, dir)) {
            digest = TableDigest.digest(db.dataSource());
        }

        int again = Main.execute(
                "migrate-data",
                "--data-dir",
                h2.toString(),
                "--to",
                postgres.url().orElseThrow(),
                "--to-user",
                "postgres");

        assertThat(again).isEqualTo(2);
        assertThat(output.err())
                .contains("already holds data")
                .contains("member_track: 40 rows")
                .contains("migrate into a new, empty database");
        try (Database db = Database.open(postgres, dir)) {
            assertThat(TableDigest.digest(db.dataSource())).isEqualTo(digest);
        }
    }

    @Test
    void withoutATargetItSaysHowToGiveOne() {
        assertThat(Main.execute("migrate-data", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(output.err()).contains("--to <JDBC URL> or ROADMAP_BOT_DB_URL");
    }

    @Test
    void triggersCaughtMidFireWaitAgainInTheCopy() throws Exception {
        try (Application app = Application.start(new AppConfig(dir.resolve("a"), Optional.empty()))) {
            fill(app);
            try (Connection c = app.database().dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE qrtz_triggers SET trigger_state = 'ACQUIRED'");
            }
            try (Database target = Database.open(DatabaseConfig.embedded(), dir.resolve("b"))) {
                DataMigration.Report report =
                        DataMigration.copy(app.database().dataSource(), target.dataSource(), line -> {});
                assertThat(report.rows()).containsEntry("qrtz_triggers", 1L).containsEntry("member_track", 40L);
                try (Connection c = target.dataSource().getConnection();
                        Statement s = c.createStatement();
                        var rs = s.executeQuery("SELECT trigger_state FROM qrtz_triggers")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("WAITING");
                }
                // The H2 identity moved on too: a new event does not collide with a copied one.
                try (Connection c = target.dataSource().getConnection();
                        Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO progress_event (guild_id, member_id, kind, occurred_at) "
                            + "VALUES ('g', 'm', 'start', CURRENT_TIMESTAMP)");
                }
            }
        }
    }
}
