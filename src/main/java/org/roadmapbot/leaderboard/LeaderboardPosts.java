package org.roadmapbot.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.roadmapbot.schedule.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posting boards to channels, now or every week. A weekly post is a Quartz job in the bot's JDBC
 * job store (group "leaderboards", job and trigger named after the server, so a restart or a
 * second schedule never duplicates it); its settings live in leaderboard_schedule. Before
 * posting it checks the bot can still post; if not, the failure is recorded and the moderator
 * who scheduled it gets a DM. Nothing fails silently.
 */
public final class LeaderboardPosts {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardPosts.class);

    public static final String GROUP = "leaderboards";
    static final String GUILD_KEY = "guildId";

    private final LeaderboardService service;
    private final ScheduleStore store;
    private final JobScheduler scheduler;
    private final Messenger messenger;

    public LeaderboardPosts(LeaderboardService service, ScheduleStore store, JobScheduler scheduler, Messenger messenger) {
        this.service = service;
        this.store = store;
        this.scheduler = scheduler;
        this.messenger = messenger;
        scheduler.register(PostJob.class, () -> new PostJob(this));
    }

    public ScheduleStore store() {
        return store;
    }

    /** Whether the bot can post in the channel right now. */
    public boolean canPost(String guildId, String channelId) {
        return messenger.canPost(guildId, channelId);
    }

    /** The outcome of a post: empty when posted, else why not (already recorded). */
    public record Outcome(boolean posted, DeliveryException.Reason reason, String detail) {
        static Outcome ok() {
            return new Outcome(true, null, "");
        }
    }

    /** Posts a board now; on failure records it (the moderator is told by the caller's reply). */
    public Outcome postNow(String guildId, String channelId, Period period, int top, String moderatorId) {
        return post(guildId, channelId, period, top, moderatorId, false);
    }

    private Outcome post(String guildId, String channelId, Period period, int top, String moderatorId, boolean scheduled) {
        if (!messenger.canPost(guildId, channelId)) {
            String detail = "I can't post in that channel (it is gone, hidden from me, or I lack Send Messages,"
                    + " Embed Links or Attach Files there).";
            return failed(guildId, channelId, moderatorId, scheduled, DeliveryException.Reason.NO_PERMISSION, detail);
        }
        Board board = service.board(guildId, period, 1, top, null, null);
        Reply reply = BoardReply.of(board).build();
        try {
            messenger.postToChannel(guildId, channelId, reply);
            return Outcome.ok();
        } catch (DeliveryException e) {
            return failed(guildId, channelId, moderatorId, scheduled, e.reason(), e.getMessage());
        }
    }

    private Outcome failed(String guildId, String channelId, String moderatorId, boolean scheduled,
                           DeliveryException.Reason reason, String detail) {
        boolean notified = !scheduled; // a manual post's moderator reads the command's reply
        if (scheduled) {
            notified = tell(guildId, moderatorId, "I couldn't post this week's leaderboard in <#" + channelId + ">: "
                    + detail + "\nFix the channel's permissions for me, or pick another channel with "
                    + "`/leaderboard schedule` (or stop the weekly post with `/leaderboard unschedule`).");
        }
        store.recordFailure(new ScheduleStore.Failure(guildId, moderatorId, channelId, scheduled, reason.name(), detail,
                notified, service.clock().instant()));
        LOG.warn("leaderboard post to channel {} of server {} failed ({}): {}", channelId, guildId, reason, detail);
        return new Outcome(false, reason, detail);
    }

    private boolean tell(String guildId, String moderatorId, String text) {
        try {
            messenger.sendDirect(guildId, moderatorId, Reply.builder(text).title("Weekly leaderboard not posted").build());
            return true;
        } catch (DeliveryException e) {
            LOG.warn("could not tell moderator {} of server {} about a failed leaderboard post: {}", moderatorId, guildId,
                    e.getMessage());
            return false;
        }
    }

    // ---- weekly schedule ----

    /** Saves the schedule and (re)creates its trigger; returns the first post time. */
    public Instant schedule(ScheduleStore.Schedule s) {
        store.save(s);
        try {
            return install(s).toInstant();
        } catch (SchedulerException e) {
            store.delete(s.guildId());
            throw new IllegalStateException("could not schedule the leaderboard: " + e.getMessage(), e);
        }
    }

    /** @return whether a schedule existed */
    public boolean unschedule(String guildId) {
        boolean existed = store.delete(guildId);
        return deleteJob(guildId) || existed;
    }

    /**
     * Quartz's deleteJob lists the job's triggers, then removes each; it fails when a one-shot
     * trigger of the job (a run started by hand) finishes and removes itself in between. The next
     * attempt no longer sees that trigger, so a few attempts always get through.
     */
    private boolean deleteJob(String guildId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return scheduler.quartz().deleteJob(jobKey(guildId));
            } catch (SchedulerException e) {
                if (attempt == 3) {
                    throw new IllegalStateException("could not remove the leaderboard job: " + e.getMessage(), e);
                }
                LOG.debug("removing the leaderboard job of server {} raced a finishing run; trying again", guildId);
            }
        }
    }

    /** When the next weekly post fires, if scheduled. */
    public Optional<Instant> nextPost(String guildId) {
        try {
            Trigger t = scheduler.quartz().getTrigger(triggerKey(guildId));
            return t == null || t.getNextFireTime() == null ? Optional.empty() : Optional.of(t.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes the job store agree with leaderboard_schedule (a crash between the two writes, a
     * schedule deleted with the moderator's data): missing triggers are created, orphans removed.
     */
    public void reconcile() {
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (ScheduleStore.Schedule s : store.all()) {
                wanted.add(jobKey(s.guildId()));
                if (scheduler.quartz().getTrigger(triggerKey(s.guildId())) == null) {
                    install(s);
                }
            }
            for (JobKey key : scheduler.quartz().getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key)) {
                    scheduler.quartz().deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            LOG.error("could not reconcile leaderboard schedules with the job store", e);
        }
    }

    private Date install(ScheduleStore.Schedule s) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(PostJob.class).withIdentity(jobKey(s.guildId()))
                .usingJobData(GUILD_KEY, s.guildId()).storeDurably().build();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(s.guildId())).forJob(job)
                .withSchedule(CronScheduleBuilder.weeklyOnDayAndHourAndMinute(quartzDay(s.day()), s.hour(), 0)
                        .inTimeZone(TimeZone.getTimeZone(s.zone()))
                        // After downtime: one late post, not one per missed week.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.quartz().scheduleJob(job, Set.of(trigger), true);
        return scheduler.quartz().getTrigger(trigger.getKey()).getNextFireTime();
    }

    /** The weekly job's work: post, or record why not and tell the moderator. */
    void runScheduled(String guildId) {
        Optional<ScheduleStore.Schedule> schedule = store.find(guildId);
        if (schedule.isEmpty()) {
            // Removed (e.g. with the moderator's data) since the trigger was set: stop firing.
            try {
                scheduler.quartz().deleteJob(jobKey(guildId));
            } catch (SchedulerException e) {
                LOG.warn("could not remove the orphan leaderboard job of server {}", guildId, e);
            }
            return;
        }
        ScheduleStore.Schedule s = schedule.get();
        Outcome outcome = post(guildId, s.channelId(), service.scheduledPeriod(), LeaderboardService.PAGE_SIZE,
                s.moderatorId(), true);
        if (outcome.posted()) {
            LOG.info("posted the weekly leaderboard of server {} in channel {}", guildId, s.channelId());
        }
    }

    public static JobKey jobKey(String guildId) {
        return JobKey.jobKey(guildId, GROUP);
    }

    public static TriggerKey triggerKey(String guildId) {
        return TriggerKey.triggerKey(guildId, GROUP);
    }

    /** Quartz numbers days from Sunday = 1. */
    static int quartzDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    /** The weekly post; one at a time per server. Never throws: failures are recorded and reported. */
    @DisallowConcurrentExecution
    public static final class PostJob implements Job {
        private final LeaderboardPosts posts;

        PostJob(LeaderboardPosts posts) {
            this.posts = posts;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String guildId = context.getMergedJobDataMap().getString(GUILD_KEY);
            try {
                posts.runScheduled(guildId);
            } catch (RuntimeException e) {
                LOG.error("weekly leaderboard of server {} failed", guildId, e);
            }
        }
    }

    /** The Quartz scheduler (tests look at triggers). */
    Scheduler quartz() {
        return scheduler.quartz();
    }
}
