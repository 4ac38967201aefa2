package org.roadmapbot.nudges;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's entry point for one member's weekly nudge. Catches everything: a failing nudge is
 * logged and never disturbs the scheduler or other members' nudges. One run per member at a
 * time (across a cluster too), so a recovery run and a catch-up run cannot overlap.
 */
@DisallowConcurrentExecution
public final class NudgeJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeJob.class);

    private final NudgeService service;

    public NudgeJob(NudgeService service) {
        this.service = service;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        String guildId = data.getString(NudgeService.GUILD_KEY);
        String memberId = data.getString(NudgeService.MEMBER_KEY);
        try {
            // Returns once the send is handed over; the outcome is logged when it is recorded.
            var unused = service.fire(guildId, memberId).whenComplete((result, failure) -> {
                if (failure != null) {
                    LOG.error(
                            "nudge job {} failed; the next week's nudge is unaffected",
                            context.getJobDetail().getKey(),
                            failure);
                } else {
                    LOG.debug(
                            "nudge job {} fired (scheduled {}, recovering {}): {}",
                            context.getJobDetail().getKey(),
                            context.getScheduledFireTime(),
                            context.isRecovering(),
                            result);
                }
            });
        } catch (Throwable t) {
            LOG.error(
                    "nudge job {} failed; the next week's nudge is unaffected",
                    context.getJobDetail().getKey(),
                    t);
        }
    }
}
