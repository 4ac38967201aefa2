package org.roadmapbot.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with a JDBC job store ({@code JobStoreTX}) in the bot's own database and pool, so
 * schedules survive restarts and crashes. Jobs are built by the features that registered them
 * (constructor injection, no reflection on job fields); each feature gives its jobs and
 * triggers stable identities so a restart never duplicates them.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    /** All bot processes sharing a database form one Quartz cluster under this name. */
    public static final String SCHEDULER_NAME = "roadmap-bot";

    private final Scheduler quartz;
    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs = new ConcurrentHashMap<>();
    private final String providerName;
    private final DataSource dataSource;
    private final boolean clustered;
    private final String runId;

    private JobScheduler(Scheduler quartz, String providerName, DataSource dataSource, boolean clustered) {
        this.quartz = quartz;
        this.providerName = providerName;
        this.dataSource = dataSource;
        this.clustered = clustered;
        this.runId = instanceId() + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates the scheduler on the bot's pool. It does not fire anything until {@link #start()}
     * (or at once when {@code config.autoStart()}): features register their jobs first.
     */
    public static JobScheduler create(DataSource dataSource, SchedulerConfig config) {
        // Quartz looks data sources up by name in a process-wide registry: one name per scheduler.
        String providerName = "roadmap-bot-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(providerName, new PoolProvider(dataSource));
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "AUTO");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(config.threads()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", providerName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(config.clustered()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Row locks in the database serialise cluster members; in one process they are harmless.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            Scheduler quartz = factory.getScheduler();
            JobScheduler scheduler = new JobScheduler(quartz, providerName, dataSource, config.clustered());
            quartz.setJobFactory(scheduler.jobFactory());
            if (config.autoStart()) {
                scheduler.start();
            }
            return scheduler;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /** Registers how to build a kind of job ({@code app/Features} lists them); call before {@link #start()}. */
    public void register(ScheduledJob job) {
        jobs.put(job.type(), job.factory());
    }

    public Scheduler quartz() {
        return quartz;
    }

    /**
     * Tells {@code listener} about every job run: the job's group (nudges, leaderboard, backup...)
     * and whether it ended without throwing. For metrics; a failing listener never fails a job.
     */
    public void onJobRun(BiConsumer<String, Boolean> listener) {
        try {
            quartz.getListenerManager().addJobListener(new JobListenerSupport() {
                @Override
                public String getName() {
                    return "job-runs-" + System.identityHashCode(listener);
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                    try {
                        listener.accept(context.getJobDetail().getKey().getGroup(), failure == null);
                    } catch (RuntimeException e) {
                        LOG.warn("job-run listener failed", e);
                    }
                }
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot listen to job runs: " + e.getMessage(), e);
        }
    }

    /** Starts firing (and recovers misfires); idempotent. */
    public void start() {
        try {
            if (!quartz.isStarted()) {
                quartz.start();
                LOG.info("scheduler started (instance {})", quartz.getSchedulerInstanceId());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Who is running a job, unique per process start: the Quartz instance id (host and start time
     * when clustered; a constant "NON_CLUSTERED" otherwise, hence the random suffix) and a token of
     * this scheduler object. Jobs store it with a claim to tell later whether its owner is alive.
     */
    public String runId() {
        return runId;
    }

    /**
     * Whether the process that wrote {@code otherRunId} may still be running a job: true for this
     * scheduler; when clustered, true for another instance while it has a row in Quartz's cluster
     * state table (Quartz deletes a failed instance's row once a survivor has recovered its jobs).
     * Without clustering only one process uses the database, so any other run id is a dead one.
     */
    public boolean isAlive(String otherRunId) {
        if (runId.equals(otherRunId)) {
            return true;
        }
        int hash = otherRunId.lastIndexOf('#');
        String instance = hash < 0 ? otherRunId : otherRunId.substring(0, hash);
        if (!clustered || instance.equals(instanceId())) {
            return false;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = ? AND instance_name = ?")) {
            ps.setString(1, SCHEDULER_NAME);
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            // Unknown: treat as alive, so nothing is sent twice; the claim stays for the next look.
            LOG.warn("cannot read the cluster's scheduler instances: {}", e.getMessage());
            return true;
        }
    }

    private String instanceId() {
        try {
            return quartz.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("scheduler instance id unavailable", e);
        }
    }

    public boolean isStarted() {
        try {
            return quartz.isStarted() && !quartz.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops taking new fires, lets running jobs finish, then releases the scheduler. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not shut down cleanly", e);
        } finally {
            DBConnectionManager.getInstance().addConnectionProvider(providerName, new ClosedProvider());
        }
    }

    private JobFactory jobFactory() {
        return (bundle, scheduler) -> {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            Supplier<? extends Job> factory = jobs.get(type);
            if (factory == null) {
                throw new SchedulerException("no factory registered for job " + type.getName());
            }
            return factory.get();
        };
    }

    /** Hands Quartz connections from the bot's own pool. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the application; it closes it after the scheduler.
        }

        @Override
        public void initialize() {}
    }

    /** Replaces a closed scheduler's provider so its name cannot reach a closed pool. */
    private static final class ClosedProvider implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("scheduler closed");
        }

        @Override
        public void shutdown() {}

        @Override
        public void initialize() {}
    }
}
