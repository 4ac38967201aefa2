package org.roadmapbot.leaderboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
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
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.roadmapbot.schedule.InFlight;
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
    private final BotMetrics metrics;
    /** Posts handed to the messenger whose outcome is not recorded yet. */
    private final InFlight inFlight = new InFlight("leaderboard-post", 1);

    public LeaderboardPosts(
            LeaderboardService service,
            ScheduleStore store,
            JobScheduler scheduler,
            Messenger messenger,
            BotMetrics metrics) {
        this.service = service;
        this.store = store;
        this.scheduler = scheduler;
        this.messenger = messenger;
        this.metrics = metrics;
    }

    public ScheduleStore store() {
        return store;
    }

    /** Whether the bot can post in the channel right now. */
    public boolean canPost(String guildId, String channelId) {
        return messenger.canPost(guildId, channelId);
    }

    /**
     * The outcome of a post as far as it is known when the caller needs it: posted, refused (why;
     * already recorded), or still on its way ({@code sending}: a later failure is recorded and the
     * moderator told by DM, since the command's reply has gone by then).
     */
    public record Outcome(boolean posted, boolean sending, DeliveryException.Reason reason, String detail) {
        static Outcome ok() {
            return new Outcome(true, false, null, "");
        }

        static Outcome onItsWay() {
            return new Outcome(false, true, null, "");
        }

        static Outcome refused(DeliveryException.Reason reason, String detail) {
            return new Outcome(false, false, reason, detail);
        }
    }

    /**
     * Posts a board now, for a moderator's command, without waiting on Discord: a refusal known at
     * once (the bot's permissions in the channel, or an adapter that answers at once) comes back
     * in the outcome for the command's reply; one that comes later is recorded and DMed.
     */
    // handle(...) returns a future of a future, flattened by thenCompose(f -> f): Error Prone reads the inner one as
    // ignored.
    @SuppressWarnings("FutureReturnValueIgnored")
    public Outcome postNow(String guildId, String channelId, Period period, int top, String moderatorId) {
        Optional<Outcome> refused = refusedBeforeSending(guildId, channelId, moderatorId, false);
        if (refused.isPresent()) {
            return refused.get();
        }
        CompletableFuture<Void> sending = send(guildId, channelId, period, top, null);
        if (sending.isDone()) {
            return sending.isCompletedExceptionally()
                    ? recordFailure(guildId, channelId, moderatorId, false, failure(sending), true)
                    : posted(false);
        }
        inFlight.track(sending.handleAsync(
                        (ok, thrown) -> thrown == null
                                ? CompletableFuture.completedFuture(posted(false))
                                : failedLater(guildId, channelId, moderatorId, false, Messenger.failure(thrown)),
                        inFlight.executor())
                .thenCompose(outcome -> outcome));
        return Outcome.onItsWay();
    }

    /**
     * The weekly post: hands the board to the messenger and returns; the outcome is recorded (and
     * a failure DMed to the moderator who scheduled it) when Discord answers.
     */
    // handle(...) returns a future of a future, flattened by thenCompose(f -> f): Error Prone reads the inner one as
    // ignored.
    @SuppressWarnings("FutureReturnValueIgnored")
    CompletableFuture<Outcome> postScheduled(String guildId, String channelId, String moderatorId, String deliveryKey) {
        Optional<Outcome> refused = refusedBeforeSending(guildId, channelId, moderatorId, true);
        if (refused.isPresent()) {
            return inFlight.track(tellAndRecord(
                    guildId,
                    channelId,
                    moderatorId,
                    refused.get().reason(),
                    refused.get().detail()));
        }
        return inFlight.track(send(
                        guildId, channelId, service.scheduledPeriod(), LeaderboardService.PAGE_SIZE, deliveryKey)
                .handleAsync(
                        (ok, thrown) -> thrown == null
                                ? CompletableFuture.completedFuture(posted(true))
                                : failedLater(guildId, channelId, moderatorId, true, Messenger.failure(thrown)),
                        inFlight.executor())
                .thenCompose(outcome -> outcome));
    }

    /** Waits (bounded) for posts handed to the messenger to be recorded: a graceful stop calls it first. */
    public boolean awaitPosts(Duration limit) {
        return inFlight.await(limit);
    }

    /** The channel as this process sees it: a refusal known without asking Discord (not yet recorded). */
    private Optional<Outcome> refusedBeforeSending(
            String guildId, String channelId, String moderatorId, boolean scheduled) {
        if (messenger.canPost(guildId, channelId)) {
            return Optional.empty();
        }
        String detail = "I can't post in that channel (it is gone, hidden from me, or I lack Send Messages,"
                + " Embed Links or Attach Files there).";
        if (scheduled) {
            return Optional.of(Outcome.refused(DeliveryException.Reason.NO_PERMISSION, detail));
        }
        return Optional.of(recordFailure(
                guildId,
                channelId,
                moderatorId,
                false,
                new DeliveryException(DeliveryException.Reason.NO_PERMISSION, detail),
                true));
    }

    private CompletableFuture<Void> send(String guildId, String channelId, Period period, int top, String deliveryKey) {
        Board board = service.board(guildId, period, 1, top, null, null);
        Reply reply = BoardReply.of(board).build();
        try {
            return messenger.postToChannel(guildId, channelId, reply, deliveryKey);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static DeliveryException failure(CompletableFuture<Void> failed) {
        return Messenger.failure(failed.handle((ok, thrown) -> thrown).join());
    }

    /** A failure the command's reply can no longer carry: the moderator is told by DM, then it is recorded. */
    private CompletableFuture<Outcome> failedLater(
            String guildId, String channelId, String moderatorId, boolean scheduled, DeliveryException e) {
        return scheduled
                ? tellAndRecord(guildId, channelId, moderatorId, e.reason(), e.getMessage())
                : tell(
                                guildId,
                                moderatorId,
                                "I couldn't post the leaderboard in <#" + channelId + ">: " + e.getMessage()
                                        + "\nGive me View Channel, Send Messages, Embed Links and Attach Files there, or pick another channel.",
                                "Leaderboard not posted")
                        .thenApplyAsync(
                                told -> recordFailure(guildId, channelId, moderatorId, false, e, told),
                                inFlight.executor());
    }

    private CompletableFuture<Outcome> tellAndRecord(
            String guildId, String channelId, String moderatorId, DeliveryException.Reason reason, String detail) {
        return tell(
                        guildId,
                        moderatorId,
                        "I couldn't post this week's leaderboard in <#" + channelId + ">: "
                                + detail + "\nFix the channel's permissions for me, or pick another channel with "
                                + "`/leaderboard schedule` (or stop the weekly post with `/leaderboard unschedule`).",
                        "Weekly leaderboard not posted")
                .thenApplyAsync(
                        told -> recordFailure(
                                guildId, channelId, moderatorId, true, new DeliveryException(reason, detail), told),
                        inFlight.executor());
    }

    /** A post Discord took: counted for the operator. */
    private Outcome posted(boolean scheduled) {
        metrics.leaderboardPost(scheduled, true);
        return Outcome.ok();
    }

    private Outcome recordFailure(
            String guildId,
            String channelId,
            String moderatorId,
            boolean scheduled,
            DeliveryException e,
            boolean notified) {
        metrics.leaderboardPost(scheduled, false);
        store.recordFailure(new ScheduleStore.Failure(
                guildId,
                moderatorId,
                channelId,
                scheduled,
                e.reason().name(),
                e.getMessage(),
                notified,
                service.clock().instant()));
        LOG.warn(
                "leaderboard post to channel {} of server {} failed ({}): {}",
                channelId,
                guildId,
                e.reason(),
                e.getMessage());
        return Outcome.refused(e.reason(), e.getMessage());
    }

    /** DMs the moderator; completes with whether the DM went out (never for a schedule whose moderator left it). */
    private CompletableFuture<Boolean> tell(String guildId, String moderatorId, String text, String title) {
        if (moderatorId == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Void> dm;
        try {
            dm = messenger.sendDirect(
                    guildId, moderatorId, Reply.builder(text).title(title).build(), null);
        } catch (RuntimeException e) {
            dm = CompletableFuture.failedFuture(e);
        }
        return dm.handle((ok, thrown) -> {
            if (thrown != null) {
                LOG.warn(
                        "could not tell moderator {} of server {} about a failed leaderboard post: {}",
                        moderatorId,
                        guildId,
                        Messenger.failure(thrown).getMessage());
            }
            return thrown == null;
        });
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
            return t == null || t.getNextFireTime() == null
                    ? Optional.empty()
                    : Optional.of(t.getNextFireTime().toInstant());
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
        JobDetail job = JobBuilder.newJob(PostJob.class)
                .withIdentity(jobKey(s.guildId()))
                .usingJobData(GUILD_KEY, s.guildId())
                .storeDurably()
                .build();
        CronTrigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(s.guildId()))
                .forJob(job)
                .withSchedule(CronScheduleBuilder.weeklyOnDayAndHourAndMinute(quartzDay(s.day()), s.hour(), 0)
                        .inTimeZone(TimeZone.getTimeZone(s.zone()))
                        // After downtime: one late post, not one per missed week.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.quartz().scheduleJob(job, Set.of(trigger), true);
        return scheduler.quartz().getTrigger(trigger.getKey()).getNextFireTime();
    }

    /**
     * The weekly job's work: post, or record why not and tell the moderator. Returns once the post
     * is handed over; {@code deliveryKey} (server and scheduled time) lets Discord drop a repeat.
     */
    CompletableFuture<Outcome> runScheduled(String guildId, String deliveryKey) {
        Optional<ScheduleStore.Schedule> schedule = store.find(guildId);
        if (schedule.isEmpty()) {
            // Removed (e.g. with the moderator's data) since the trigger was set: stop firing.
            try {
                scheduler.quartz().deleteJob(jobKey(guildId));
            } catch (SchedulerException e) {
                LOG.warn("could not remove the orphan leaderboard job of server {}", guildId, e);
            }
            return CompletableFuture.completedFuture(
                    Outcome.refused(DeliveryException.Reason.UNKNOWN_TARGET, "not scheduled"));
        }
        ScheduleStore.Schedule s = schedule.get();
        return postScheduled(guildId, s.channelId(), s.moderatorId(), deliveryKey)
                .whenComplete((outcome, thrown) -> {
                    if (outcome != null && outcome.posted()) {
                        LOG.info("posted the weekly leaderboard of server {} in channel {}", guildId, s.channelId());
                    }
                });
    }

    /** The same for every attempt at one weekly post, in any process. */
    @SuppressWarnings("JavaUtilDate") // Quartz hands the fire time over as a Date
    static String deliveryKey(String guildId, Date scheduledFireTime) {
        return "leaderboard:" + guildId + ":" + (scheduledFireTime == null ? 0 : scheduledFireTime.getTime());
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

        public PostJob(LeaderboardPosts posts) {
            this.posts = posts;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String guildId = context.getMergedJobDataMap().getString(GUILD_KEY);
            try {
                var unused = posts.runScheduled(guildId, deliveryKey(guildId, context.getScheduledFireTime()))
                        .whenComplete((o, e) -> {
                            if (e != null) {
                                LOG.error("weekly leaderboard of server {} failed", guildId, e);
                            }
                        });
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
