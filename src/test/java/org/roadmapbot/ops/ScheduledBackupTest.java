package org.roadmapbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.app.Main;
import org.roadmapbot.console.ConsoleMessenger;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.testing.Series;

/**
 * The scheduled backup job, fired while four members' worth of writers keep committing progress:
 * the backup restores (through the CLI) into a new data directory, opens as the bot's database,
 * and holds every change whose reply came back before the job was fired.
 */
class ScheduledBackupTest {

    private static final String GUILD = "backup-guild";

    @TempDir
    Path dir;

    record Change(String member, String topic, long committedAtNanos) {}

    @Test
    void backupUnderConcurrentWritesRestoresEveryChangeCommittedBeforeIt() throws Exception {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        AppConfig config =
                new AppConfig(data, Optional.empty()).withOps(OpsConfig.off().withBackups(backups, 2));
        ConcurrentLinkedQueue<Change> committed = new ConcurrentLinkedQueue<>();
        long firedAt;
        Path backup;
        try (Application app = Application.start(config)) {
            app.startScheduler(new ConsoleMessenger(new PrintStream(OutputStream.nullOutputStream())));
            List<Topic> topics = app.knowledge().topicsForTrack("python");
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int m = 0; !stop.get(); m++) {
                        String member = "w" + writer + "-m" + m;
                        ok(run(app, member, "start", Map.of("track", "python", "pace", "part-time")));
                        String topic = topics.get(m % topics.size()).id();
                        ok(run(app, member, "done", Map.of("topic", topic)));
                        committed.add(new Change(member, topic, System.nanoTime()));
                    }
                    return null;
                }));
            }
            while (committed.size() < 60) { // a database with some history before the backup
                Thread.sleep(20);
            }
            firedAt = System.nanoTime();
            app.scheduler().quartz().triggerJob(ScheduledBackups.JOB);
            backup = awaitBackup(backups);
            int atBackup = committed.size();
            while (committed.size() < atBackup + 8) { // and writes after it
                Thread.sleep(20);
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            writers.shutdown();
        }
        List<Change> beforeBackup =
                committed.stream().filter(c -> c.committedAtNanos() < firedAt).toList();
        List<Change> afterBackup =
                committed.stream().filter(c -> c.committedAtNanos() >= firedAt).toList();
        assertThat(beforeBackup).hasSizeGreaterThanOrEqualTo(60);
        assertThat(afterBackup).as("writes went on while the backup ran").isNotEmpty();

        Path restored = dir.resolve("restored");
        assertThat(Main.execute("restore", "--data-dir", restored.toString(), "--from", backup.toString()))
                .isZero();
        try (Database db = Database.open(DatabaseConfig.embedded(), restored)) {
            ProgressRepository repository = new ProgressRepository(db.dataSource());
            for (Change c : beforeBackup) {
                assertThat(repository.load(GUILD, c.member()).state(c.topic()))
                        .as(c.toString())
                        .contains(TopicState.DONE);
            }
            // Each done left its event: the copy is consistent across tables, not just row by row.
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM topic_progress WHERE guild_id = '"
                            + GUILD + "'), (SELECT COUNT(*) FROM progress_event WHERE guild_id = '" + GUILD
                            + "' AND kind = 'done')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isGreaterThanOrEqualTo(beforeBackup.size());
            }
        }
    }

    @Test
    void keepsOnlyTheNewestBackups() throws Exception {
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("notes.txt"), "not a backup");
        AppConfig config = new AppConfig(dir.resolve("data"), Optional.empty())
                .withOps(OpsConfig.off().withBackups(backups, 2));
        try (Application app = Application.start(config)) {
            app.startScheduler(new ConsoleMessenger(new PrintStream(OutputStream.nullOutputStream())));
            String metrics = "";
            for (int i = 1; i <= 3; i++) {
                app.scheduler().quartz().triggerJob(ScheduledBackups.JOB);
                // One run at a time: wait for this run's counter (it moves just after its file appears).
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                metrics = app.metrics().scrape();
                while (!metrics.contains("roadmapbot_scheduled_jobs_total{group=\"backup\",outcome=\"ok\"} " + i + ".0")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    metrics = app.metrics().scrape();
                }
            }
            // Scrape again: one scrape is not a snapshot, so the one that first showed the job counter
            // at 3 may have read the backup counter just before the third run moved it.
            metrics = app.metrics().scrape();
            assertThat(Series.value(metrics, "roadmapbot_backups_total", "outcome=\"ok\""))
                    .isEqualTo(3);
            assertThat(Series.value(metrics, "roadmapbot_scheduled_jobs_total", "group=\"backup\",outcome=\"ok\""))
                    .isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(3)
                    .contains("notes.txt")
                    .filteredOn(n -> n.endsWith(".zip"))
                    .hasSize(2);
        }
    }

    private static Reply run(Application app, String member, String sub, Map<String, Object> options) {
        return app.router()
                .dispatch(new CommandRequest(GUILD, member, "Member " + member, false, "progress", sub, options));
    }

    private static void ok(Reply reply) {
        if (reply.error()) {
            throw new IllegalStateException(reply.content());
        }
    }

    private static Path awaitBackup(Path backups) throws Exception {
        awaitCount(backups, 1);
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(p -> ScheduledBackups.BACKUP_NAME
                            .matcher(p.getFileName().toString())
                            .matches())
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static void awaitCount(Path backups, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(backups)) {
                try (Stream<Path> files = Files.list(backups)) {
                    // Only finished backups carry the final name (they are renamed into place).
                    if (files.filter(p -> ScheduledBackups.BACKUP_NAME
                                            .matcher(p.getFileName().toString())
                                            .matches())
                                    .count()
                            == count) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " backups in " + backups);
    }
}
