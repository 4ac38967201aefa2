package org.roadmapbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;

class JobSchedulerTest {

    @TempDir
    Path dir;

    DatabaseConfig database;

    @org.junit.jupiter.api.BeforeEach
    void chooseDatabase() {
        database = databaseConfig();
    }

    /** The database under test: H2 here; a subclass runs every test again on PostgreSQL. */
    DatabaseConfig databaseConfig() {
        return DatabaseConfig.embedded();
    }

    /** A job built by the registered factory, so it can carry dependencies. */
    static final class CountingJob implements Job {
        private final CountDownLatch fired;

        CountingJob(CountDownLatch fired) {
            this.fired = fired;
        }

        @Override
        public void execute(JobExecutionContext context) {
            fired.countDown();
        }
    }

    @Test
    @SuppressWarnings("JavaUtilDate") // Quartz's trigger API takes and returns Dates
    void triggerSurvivesARestartWithTheSameNextFireTime() throws Exception {
        TriggerKey key = TriggerKey.triggerKey("member-1", "test");
        Date next;
        try (Database db = Database.open(database, dir);
                JobScheduler scheduler = JobScheduler.create(db.dataSource(), SchedulerConfig.defaults())) {
            JobDetail job = JobBuilder.newJob(CountingJob.class)
                    .withIdentity(JobKey.jobKey("member-1", "test"))
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .startAt(new Date(System.currentTimeMillis() + 3_600_000))
                    .build();
            next = scheduler.quartz().scheduleJob(job, trigger);
        }
        try (Database db = Database.open(database, dir);
                JobScheduler scheduler = JobScheduler.create(db.dataSource(), SchedulerConfig.defaults())) {
            Trigger stored = scheduler.quartz().getTrigger(key);
            assertThat(stored).isNotNull();
            assertThat(stored.getNextFireTime()).isEqualTo(next);
        }
    }

    @Test
    void registeredFactoryBuildsTheJobThatFires() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        try (Database db = Database.open(database, dir);
                JobScheduler scheduler = JobScheduler.create(db.dataSource(), SchedulerConfig.defaults())) {
            scheduler.register(new ScheduledJob(CountingJob.class, () -> new CountingJob(fired), () -> {}));
            scheduler.start();
            scheduler
                    .quartz()
                    .scheduleJob(
                            JobBuilder.newJob(CountingJob.class)
                                    .withIdentity("now", "test")
                                    .build(),
                            TriggerBuilder.newTrigger()
                                    .withIdentity("now", "test")
                                    .startNow()
                                    .build());
            assertThat(fired.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
