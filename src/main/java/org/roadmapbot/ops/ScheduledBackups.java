package org.roadmapbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.H2Backup;
import org.roadmapbot.schedule.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded database on a schedule: one Quartz job in the bot's own job
 * store (group {@value #GROUP}), so the cadence survives restarts and a backup missed while the
 * bot was down is taken when it comes back. Each run writes {@code roadmap-bot-<UTC time>.zip} into
 * the backup directory and deletes the oldest of those files beyond the number to keep (no other
 * file there is touched).
 */
public final class ScheduledBackups {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    public static final String GROUP = "backup";
    static final JobKey JOB = JobKey.jobKey("h2", GROUP);
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("h2", GROUP);
    /** The first backup after backups are switched on, so an operator sees one soon. */
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final Pattern BACKUP_NAME = Pattern.compile("roadmap-bot-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.zip");

    private final JobScheduler scheduler;
    private final Database database;
    private final OpsConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong lastSuccessEpochSecond = new AtomicLong();
    private final AtomicLong lastSizeBytes = new AtomicLong();
    /** Registered by {@link #reconcile()} once backups are configured; before that no backup runs. */
    private Counter succeeded;

    private Counter failed;

    /** Schedules nothing yet: {@code app/Features} registers {@link #job()} and runs {@link #reconcile()} at start. */
    public ScheduledBackups(
            JobScheduler scheduler, Database database, OpsConfig config, Clock clock, MeterRegistry registry) {
        this.scheduler = scheduler;
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /** One run of the backup job. */
    public BackupJob job() {
        return new BackupJob(this);
    }

    /**
     * Makes Quartz match the configuration: scheduled every {@code backupEvery} when a backup
     * directory is set (an existing schedule with the same interval is kept, so restarts do not
     * shift it), removed otherwise. Only the embedded H2 database is backed up this way; PostgreSQL
     * has its own tools, so the setting is refused there ({@link IllegalArgumentException}: one line
     * for the operator).
     */
    public void reconcile() {
        try {
            if (config.backupDir().isEmpty()) {
                scheduler.quartz().deleteJob(JOB);
                return;
            }
            if (!database.isH2()) {
                throw new IllegalArgumentException(OpsConfig.BACKUP_DIR + " backs up the embedded H2 database; with "
                        + "ROADMAP_BOT_DB_URL use the database's own tools (PostgreSQL: pg_dump or pg_basebackup)");
            }
            Path dir = config.backupDir().get();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        OpsConfig.BACKUP_DIR + ": cannot create " + dir.toAbsolutePath() + " (" + e.getMessage() + ")");
            }
            if (!Files.isWritable(dir)) {
                throw new IllegalArgumentException(
                        OpsConfig.BACKUP_DIR + ": " + dir.toAbsolutePath() + " is not writable");
            }
            registerMeters();
            Trigger existing = scheduler.quartz().getTrigger(TRIGGER);
            if (existing instanceof SimpleTrigger simple
                    && simple.getRepeatInterval() == config.backupEvery().toMillis()) {
                return;
            }
            JobDetail job = JobBuilder.newJob(BackupJob.class)
                    .withIdentity(JOB)
                    .storeDurably()
                    .withDescription("online backup of the embedded database")
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(TRIGGER)
                    .forJob(job)
                    .startAt(Date.from(clock.instant().plus(FIRST_DELAY)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(config.backupEvery().toMillis())
                            .repeatForever()
                            // Missed while the bot was down: take one now, then keep the cadence.
                            .withMisfireHandlingInstructionNowWithRemainingCount())
                    .build();
            scheduler.quartz().scheduleJob(job, java.util.Set.of(trigger), true);
            LOG.info(
                    "backups every {} h into {}, keeping the last {}",
                    config.backupEvery().toHours(),
                    dir.toAbsolutePath(),
                    config.backupKeep());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule backups: " + e.getMessage(), e);
        }
    }

    private synchronized void registerMeters() {
        if (succeeded != null) {
            return;
        }
        succeeded = Counter.builder("roadmapbot.backups")
                .tag("outcome", "ok")
                .description("Scheduled backups of the embedded database")
                .register(registry);
        failed = Counter.builder("roadmapbot.backups")
                .tag("outcome", "failed")
                .description("Scheduled backups of the embedded database")
                .register(registry);
        Gauge.builder("roadmapbot.backup.last.success", lastSuccessEpochSecond, AtomicLong::get)
                .strongReference(true)
                .baseUnit("seconds")
                .description("When the last backup succeeded (Unix time; 0: none since start)")
                .register(registry);
        Gauge.builder("roadmapbot.backup.last.size", lastSizeBytes, AtomicLong::get)
                .strongReference(true)
                .baseUnit("bytes")
                .description("Size of the last backup")
                .register(registry);
    }

    private Path directory() {
        return config.backupDir().orElseThrow(() -> new IllegalStateException("backups are not configured"));
    }

    /** Takes one backup now and prunes old ones; returns the new file. */
    Path backupNow() {
        registerMeters();
        Path target = directory().resolve(freeName());
        try {
            long bytes = H2Backup.backup(database.dataSource(), target);
            lastSuccessEpochSecond.set(clock.instant().getEpochSecond());
            lastSizeBytes.set(bytes);
            succeeded.increment();
            LOG.info(
                    "backup written: {} ({} MB)",
                    target.toAbsolutePath(),
                    String.format(Locale.ROOT, "%.1f", bytes / 1e6));
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
        prune();
        return target;
    }

    private String freeName() {
        String base = "roadmap-bot-" + NAME_TIME.format(clock.instant());
        String name = base + ".zip";
        for (int n = 2; Files.exists(directory().resolve(name)); n++) {
            name = base + "-" + n + ".zip";
        }
        return name;
    }

    private static String takenAt(Path backup) {
        Matcher m = BACKUP_NAME.matcher(backup.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    private static int sameSecondNumber(Path backup) {
        Matcher m = BACKUP_NAME.matcher(backup.getFileName().toString());
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
    }

    /** Deletes the oldest backups beyond {@code keep}; only files named as this job names them. */
    void prune() {
        try (Stream<Path> files = Files.list(directory())) {
            // Newest first: by the time in the name, then by the number a second backup of the same second got
            // ("…Z-2.zip" is newer than "…Z.zip", though it sorts before it as text).
            List<Path> backups = files.filter(
                            p -> BACKUP_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(ScheduledBackups::takenAt)
                            .thenComparingInt(ScheduledBackups::sameSecondNumber)
                            .reversed())
                    .toList();
            for (Path old : backups.subList(Math.min(config.backupKeep(), backups.size()), backups.size())) {
                Files.deleteIfExists(old);
                LOG.info("old backup deleted: {}", old.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("could not delete old backups in {}: {}", directory(), e.getMessage());
        }
    }

    /** The Quartz job; one backup at a time. */
    @DisallowConcurrentExecution
    public static final class BackupJob implements Job {
        private final ScheduledBackups backups;

        BackupJob(ScheduledBackups backups) {
            this.backups = backups;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                backups.backupNow();
            } catch (RuntimeException e) {
                LOG.error(
                        "scheduled backup failed; the next one runs in {} h",
                        backups.config.backupEvery().toHours(),
                        e);
                throw new JobExecutionException(e, false);
            }
        }
    }
}
