package org.roadmapbot.nudges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.schedule.InFlight;
import org.roadmapbot.schedule.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weekly nudges: settings in {@code nudge_settings} (the source of truth), one Quartz job and
 * trigger per member and server (group {@value #GROUP}, name {@code <guild>:<member>}) that says
 * when to look, and the sent-log that makes each week's nudge go out at most once.
 *
 * <h2>Once per week, and what a crash costs</h2>
 * A firing (1) works out the due time from the settings (the latest weekly slot at or before
 * now), (2) skips it if paused, if due before the member turned nudges on, or if it is older
 * than the grace period (recorded as {@code missed}), (3) claims the member's ISO week with an
 * insert under a unique key, (4) sends, (5) records {@code sent} or {@code failed} on that row.
 * A second firing for the week finds the row and sends nothing. If the process dies between (3)
 * and (5) the row stays {@code claimed}; the next firing for that week (Quartz re-runs the job:
 * it requests recovery; or the misfire catch-up at start-up) sees that the claimer is dead and
 * takes the claim over, once, within the grace period. So a crash in that window can cost one
 * duplicate DM (the first send may have left before the crash), never a lost nudge; any other
 * crash point costs nothing. Every attempt carries the same delivery key (member and week):
 * Discord drops a repeated message with the same enforced nonce for a few minutes, so a quick
 * takeover (a cluster survivor) does not even produce the duplicate. We chose this over at-most-once because a missed weekly nudge is
 * worse for a learner than a rare repeated one, and the window is a single send.
 */
public final class NudgeService {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeService.class);

    public static final String GROUP = "nudges";
    static final String GUILD_KEY = "guild";
    static final String MEMBER_KEY = "member";
    private static final int MAX_WEEKS_AHEAD = 60;
    /** Jobs stored per Quartz transaction when many are missing (an import, a restored backup). */
    private static final int RECONCILE_BATCH = 500;
    /** Group of the one-shot "look again" triggers that guard a delivery in flight (see {@link #fire}). */
    public static final String RECHECK_GROUP = "nudge-rechecks";
    /** When a claimed week is looked at again if its outcome is not recorded by then (a crash, a stuck send). */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(1);
    /** How a firing ended. */
    public enum FireResult {
        SENT,
        FAILED,
        TURNED_OFF,
        ALREADY_HANDLED,
        MISSED,
        PAUSED,
        NOT_DUE,
        NOT_SCHEDULED,
        CLAIM_LOST
    }

    private final NudgeRepository repository;
    private final NudgeComposer composer;
    private final JobScheduler scheduler;
    private final Messenger messenger;
    private final NudgeDelivery delivery;
    private final NudgeConfig config;
    private final Clock clock;
    private final BotMetrics metrics;
    /** Deliveries handed to the messenger whose outcome is not recorded yet; retries wait on its threads. */
    private final InFlight inFlight = new InFlight("nudge-delivery", 2);

    public NudgeService(
            NudgeRepository repository,
            NudgeComposer composer,
            JobScheduler scheduler,
            Messenger messenger,
            NudgeConfig config,
            Clock clock,
            BotMetrics metrics) {
        this.repository = repository;
        this.composer = composer;
        this.scheduler = scheduler;
        this.messenger = messenger;
        this.delivery = new NudgeDelivery(
                messenger, config.studyChannels(), config.retryBackoff(), inFlight.executor(), metrics);
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    public NudgeRepository repository() {
        return repository;
    }

    public NudgeConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    // ---- what the command does ----

    /**
     * Turns the member's nudges on (or changes day, hour, zone; clears a pause). The trigger is
     * stored first: if saving the settings then fails, the job finds no settings and removes
     * itself, so the two never disagree for long.
     */
    public NudgeSettings turnOn(String guildId, String memberId, WeeklySchedule schedule) {
        Instant now = clock.instant();
        NudgeSettings settings = NudgeSettings.on(guildId, memberId, schedule, now);
        schedule(settings, schedule.trigger(triggerKey(guildId, memberId), now));
        repository.save(settings);
        return settings;
    }

    /** @return whether nudges were on. Settings first: a job left behind by a crash removes itself. */
    public boolean turnOff(String guildId, String memberId) {
        boolean wasOn =
                repository.disable(guildId, memberId, NudgeSettings.OFF, "turned off with /nudge off", clock.instant());
        unschedule(guildId, memberId);
        return wasOn;
    }

    /** @return the pause end, or empty when nudges are not on */
    public Optional<Instant> pause(String guildId, String memberId, int weeks) {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(7L * weeks));
        return repository.pause(guildId, memberId, until, now) ? Optional.of(until) : Optional.empty();
    }

    public Optional<NudgeSettings> settings(String guildId, String memberId) {
        return repository.settings(guildId, memberId);
    }

    /**
     * When the next nudge will really go out: the trigger's next fire time, moved on past a pause
     * and past a week that already has its nudge.
     */
    public Optional<Instant> nextSend(NudgeSettings s) {
        if (!s.enabled()) {
            return Optional.empty();
        }
        Optional<Trigger> trigger = trigger(s.guildId(), s.memberId());
        Instant now = clock.instant();
        Instant next = trigger.map(t -> t.getNextFireTime().toInstant())
                .orElseGet(() -> s.schedule().nextDueAfter(now));
        for (int i = 0; i < MAX_WEEKS_AHEAD; i++) {
            Instant due = s.schedule().lastDueAtOrBefore(next);
            boolean skipped = s.pausedAt(due)
                    || due.isBefore(s.scheduleFrom())
                    || repository
                            .sentLog(s.guildId(), s.memberId(), s.schedule().weekKey(due))
                            .isPresent();
            if (!skipped) {
                return Optional.of(next);
            }
            Instant after = next;
            next = trigger.map(t -> t.getFireTimeAfter(Date.from(after)))
                    .map(Date::toInstant)
                    .orElseGet(() -> s.schedule().nextDueAfter(after));
        }
        return Optional.empty();
    }

    /**
     * One nudge now, by DM only, not recorded in the sent-log (the weekly one still comes). Returns
     * at once; the future completes when Discord has taken the DM, or fails with why not.
     */
    public CompletableFuture<Void> sendTest(String guildId, String memberId) {
        return messenger.sendDirect(guildId, memberId, composer.compose(guildId, memberId), null);
    }

    public Reply preview(String guildId, String memberId) {
        return composer.compose(guildId, memberId);
    }

    // ---- what the job does ----

    /**
     * The scheduled work for one member. The checks and the claim run on the calling (Quartz)
     * thread; the send is handed to the messenger and this returns at once with a future of how
     * it ended, completed once the outcome is recorded. Never fails for a delivery problem.
     *
     * <p>Because the job ends before the send does, Quartz's own recovery (re-running a job that
     * was executing when its process died) no longer covers the send. A one-shot trigger in
     * {@value #RECHECK_GROUP} covers it instead, armed in the same job right after the claim and
     * removed once the outcome is recorded: if the process dies meanwhile, the trigger fires the
     * member's job again on a survivor or after a restart, which takes the dead claim over.
     */
    public CompletableFuture<FireResult> fire(String guildId, String memberId) {
        Instant now = clock.instant();
        Optional<NudgeSettings> found = repository.settings(guildId, memberId);
        if (found.isEmpty() || !found.get().enabled()) {
            // Left behind by /nudge off or /privacy delete interrupted by a crash: tidy up.
            unschedule(guildId, memberId);
            return CompletableFuture.completedFuture(FireResult.NOT_SCHEDULED);
        }
        NudgeSettings s = found.get();
        Instant due = s.schedule().lastDueAtOrBefore(now);
        if (due.isBefore(s.scheduleFrom())) {
            return CompletableFuture.completedFuture(FireResult.NOT_DUE);
        }
        if (s.pausedAt(due)) {
            return CompletableFuture.completedFuture(FireResult.PAUSED);
        }
        String week = s.schedule().weekKey(due);
        String me = scheduler.runId();
        if (Duration.between(due, now).compareTo(config.grace()) > 0) {
            repository.recordMissed(guildId, memberId, week, due, me, now);
            LOG.info(
                    "nudge for member {} in server {} due {} missed by more than {} h: skipped",
                    memberId,
                    guildId,
                    due,
                    config.grace().toHours());
            metrics.nudge(BotMetrics.NudgeOutcome.MISSED);
            return CompletableFuture.completedFuture(FireResult.MISSED);
        }
        NudgeRepository.Claim claim = repository.claim(guildId, memberId, week, due, me, scheduler::isAlive, now);
        if (!claim.claimed()) {
            claim.existing()
                    .filter(row -> row.state().equals(SentLog.CLAIMED) && scheduler.isAlive(row.claimedBy()))
                    // Still being sent by a live process (or not yet known dead): look again later.
                    .ifPresent(row -> armRecheck(guildId, memberId));
            return CompletableFuture.completedFuture(FireResult.ALREADY_HANDLED);
        }
        if (claim.takeover()) {
            LOG.warn(
                    "nudge for member {} in server {} week {} was claimed by {} which died before recording the outcome: "
                            + "sending it now (it may have gone out once already)",
                    memberId,
                    guildId,
                    week,
                    claim.existing().map(SentLog::claimedBy).orElse("?"));
        }
        armRecheck(guildId, memberId);
        Reply message;
        try {
            message = composer.compose(guildId, memberId);
        } catch (RuntimeException e) {
            // Composing failed (a bug, a database error): record it so the week is not retried forever.
            repository.finish(
                    guildId, memberId, week, me, SentLog.FAILED, 0, null, "could not compose: " + e, clock.instant());
            metrics.nudge(BotMetrics.NudgeOutcome.FAILED);
            disarmRecheck(guildId, memberId);
            throw e;
        }
        return inFlight.track(delivery.deliver(guildId, memberId, message, deliveryKey(guildId, memberId, week))
                .thenApplyAsync(outcome -> record(guildId, memberId, week, me, outcome), inFlight.executor()));
    }

    /** Records how a claimed week's delivery ended (step 5), then acts on it. */
    private FireResult record(String guildId, String memberId, String week, String me, NudgeDelivery.Outcome outcome) {
        Instant end = clock.instant();
        boolean recorded = repository.finish(
                guildId,
                memberId,
                week,
                me,
                outcome.delivered() ? SentLog.SENT : SentLog.FAILED,
                outcome.attempts(),
                outcome.via(),
                outcome.detail(),
                end);
        if (!recorded) {
            LOG.warn(
                    "nudge outcome for member {} in server {} week {} not recorded: the claim was lost",
                    memberId,
                    guildId,
                    week);
            return FireResult.CLAIM_LOST;
        }
        disarmRecheck(guildId, memberId);
        metrics.nudge(outcome.delivered() ? BotMetrics.NudgeOutcome.SENT : BotMetrics.NudgeOutcome.FAILED);
        if (outcome.disableReason().isPresent()) {
            repository.disable(guildId, memberId, outcome.disableReason().get(), outcome.detail(), end);
            unschedule(guildId, memberId);
            LOG.info(
                    "nudges for member {} in server {} turned off: {}",
                    memberId,
                    guildId,
                    outcome.disableReason().get());
            return FireResult.TURNED_OFF;
        }
        if (!outcome.delivered()) {
            LOG.warn(
                    "nudge for member {} in server {} week {} not delivered after {} attempt(s): {}",
                    memberId,
                    guildId,
                    week,
                    outcome.attempts(),
                    outcome.detail());
            return FireResult.FAILED;
        }
        return FireResult.SENT;
    }

    /**
     * Waits (bounded) for deliveries handed to the messenger to be recorded: a graceful stop calls
     * it before the database closes. Returns whether all were.
     */
    public boolean awaitDeliveries(Duration limit) {
        return inFlight.await(limit);
    }

    /** Fires the member's job again after {@link #RECHECK_AFTER} (replacing an earlier such trigger). */
    void armRecheck(String guildId, String memberId) {
        Trigger recheck = TriggerBuilder.newTrigger()
                .withIdentity(recheckKey(guildId, memberId))
                .forJob(jobKey(guildId, memberId))
                .startAt(Date.from(clock.instant().plus(RECHECK_AFTER)))
                // After downtime: at start-up, once (the grace period still applies).
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.quartz().rescheduleJob(recheck.getKey(), recheck) == null) {
                scheduler.quartz().scheduleJob(recheck);
            }
        } catch (ObjectAlreadyExistsException e) {
            armRecheckAgain(recheck);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot guard the nudge delivery: " + e.getMessage(), e);
        }
    }

    private void armRecheckAgain(Trigger recheck) {
        try {
            scheduler.quartz().rescheduleJob(recheck.getKey(), recheck);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot guard the nudge delivery: " + e.getMessage(), e);
        }
    }

    /** The outcome is recorded: the guard is no longer needed (if it fires anyway, it finds the week done). */
    private void disarmRecheck(String guildId, String memberId) {
        try {
            scheduler.quartz().unscheduleJob(recheckKey(guildId, memberId));
        } catch (SchedulerException e) {
            LOG.debug("recheck trigger of member {} in server {} not removed: {}", memberId, guildId, e.getMessage());
        }
    }

    public static TriggerKey recheckKey(String guildId, String memberId) {
        return TriggerKey.triggerKey(guildId + ":" + memberId, RECHECK_GROUP);
    }

    /** The same for every attempt at one member's week, in any process: adapters use it to drop repeats. */
    public static String deliveryKey(String guildId, String memberId, String week) {
        return "nudge:" + guildId + ":" + memberId + ":" + week;
    }

    // ---- Quartz ----

    public static JobKey jobKey(String guildId, String memberId) {
        return JobKey.jobKey(guildId + ":" + memberId, GROUP);
    }

    public static TriggerKey triggerKey(String guildId, String memberId) {
        return TriggerKey.triggerKey(guildId + ":" + memberId, GROUP);
    }

    /** Stores (or replaces) the member's job and trigger. */
    void schedule(NudgeSettings s, Trigger trigger) {
        try {
            scheduler.quartz().scheduleJob(job(s.guildId(), s.memberId()), Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the nudge: " + e.getMessage(), e);
        }
    }

    static JobDetail job(String guildId, String memberId) {
        return JobBuilder.newJob(NudgeJob.class)
                .withIdentity(jobKey(guildId, memberId))
                .usingJobData(GUILD_KEY, guildId)
                .usingJobData(MEMBER_KEY, memberId)
                // Re-run by a survivor (or at start-up) if the process dies while the job runs.
                .requestRecovery(true)
                .build();
    }

    /** @return whether there was a job to delete */
    boolean unschedule(String guildId, String memberId) {
        try {
            return scheduler.quartz().deleteJob(jobKey(guildId, memberId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot remove the nudge job: " + e.getMessage(), e);
        }
    }

    public Optional<Trigger> trigger(String guildId, String memberId) {
        try {
            return Optional.ofNullable(scheduler.quartz().getTrigger(triggerKey(guildId, memberId)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the nudge trigger: " + e.getMessage(), e);
        }
    }

    /**
     * Makes Quartz agree with the settings table, before the scheduler starts firing: a job for
     * every member with nudges on, none for anyone else. Normally there is nothing to do; it
     * repairs what a crash between the two stores left behind, and after an import (settings
     * rows without jobs) schedules them all, {@value #RECONCILE_BATCH} per Quartz transaction.
     *
     * @return how many jobs were added and removed
     */
    public Map<String, Integer> reconcile() {
        Map<String, NudgeSettings> expected = new HashMap<>();
        for (NudgeSettings s : repository.enabledSettings()) {
            expected.put(jobKey(s.guildId(), s.memberId()).getName(), s);
        }
        Set<JobKey> existing;
        try {
            existing = scheduler.quartz().getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list nudge jobs: " + e.getMessage(), e);
        }
        List<JobKey> orphans = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (JobKey key : existing) {
            present.add(key.getName());
            if (!expected.containsKey(key.getName())) {
                orphans.add(key);
            }
        }
        Instant now = clock.instant();
        Map<JobDetail, Set<? extends Trigger>> batch = new LinkedHashMap<>();
        int added = 0;
        try {
            for (Map.Entry<String, NudgeSettings> e : expected.entrySet()) {
                if (present.contains(e.getKey())) {
                    continue;
                }
                NudgeSettings s = e.getValue();
                batch.put(
                        job(s.guildId(), s.memberId()),
                        Set.of(s.schedule().trigger(triggerKey(s.guildId(), s.memberId()), now)));
                added++;
                if (batch.size() == RECONCILE_BATCH) {
                    scheduler.quartz().scheduleJobs(batch, true);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                scheduler.quartz().scheduleJobs(batch, true);
            }
            if (!orphans.isEmpty()) {
                scheduler.quartz().deleteJobs(orphans);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot reconcile nudge jobs: " + e.getMessage(), e);
        }
        if (added > 0 || !orphans.isEmpty()) {
            LOG.info("nudge jobs reconciled with settings: {} added, {} removed", added, orphans.size());
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put("added", added);
        result.put("removed", orphans.size());
        return result;
    }

    /** The member's Quartz job, for /privacy export and delete (the tables are in PersonalData.TABLES). */
    public PersonalData.Holder personalData() {
        return new PersonalData.Holder() {
            @Override
            public String name() {
                return "nudge_schedule";
            }

            @Override
            public List<Map<String, Object>> export(String guildId, String memberId) {
                return trigger(guildId, memberId)
                        .map(t -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("job", GROUP + "/" + t.getJobKey().getName());
                            row.put(
                                    "next_fire_time",
                                    t.getNextFireTime() == null
                                            ? null
                                            : t.getNextFireTime().toInstant().toString());
                            return List.<Map<String, Object>>of(row);
                        })
                        .orElse(List.of());
            }

            @Override
            public int delete(String guildId, String memberId) {
                return unschedule(guildId, memberId) ? 1 : 0;
            }
        };
    }

    /** Scheduler access for tests and the benchmark. */
    Scheduler quartz() {
        return scheduler.quartz();
    }
}
