package org.roadmapbot.schedule;

import java.util.function.Supplier;
import org.quartz.Job;

/**
 * A kind of scheduled job, as {@code app/Features} lists it: how Quartz builds the job class
 * (constructor injection: the service it runs for), and how its triggers are brought in line with
 * the feature's own table when the scheduler starts (a restored backup, a crash, a changed setting).
 *
 * @param type      the job class stored in Quartz's job store
 * @param factory   builds one job run
 * @param reconcile makes Quartz's jobs of this kind match the feature's state; run before firing starts
 */
public record ScheduledJob(Class<? extends Job> type, Supplier<? extends Job> factory, Runnable reconcile) {}
