package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Real Quartz on real H2, firing in real time: the weekly slots are placed relative to now, and
 * "downtime" is a trigger whose fire time passed while no scheduler was running.
 */
class NudgeQuartzTest {

    @TempDir
    Path dir;

    /** Counts finished nudge job runs. */
    private static final class Runs implements JobListener {
        final Semaphore finished = new Semaphore(0);

        @Override
        public String getName() {
            return "test-runs";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {}

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {}

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
            finished.release();
        }

        void await(int runs) throws InterruptedException {
            assertThat(finished.tryAcquire(runs, 30, TimeUnit.SECONDS))
                    .as("nudge job runs")
                    .isTrue();
        }
    }

    private NudgeFixture fixture(Runs runs) throws Exception {
        NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config());
        f.app.scheduler()
                .quartz()
                .getListenerManager()
                .addJobListener(runs, GroupMatcher.jobGroupEquals(NudgeService.GROUP));
        return f;
    }

    /** Settings as a running bot stored them a day ago, for the weekly slot at {@code slot} (UTC). */
    private static NudgeSettings storedSettings(NudgeFixture f, String member, ZonedDateTime slot) {
        WeeklySchedule schedule = new WeeklySchedule(slot.getDayOfWeek(), slot.getHour(), ZoneOffset.UTC);
        Instant dayAgo = slot.toInstant().minus(Duration.ofDays(1));
        NudgeSettings s = NudgeSettings.on(NudgeFixture.GUILD, member, schedule, dayAgo);
        f.service().repository().save(s);
        return s;
    }

    @Test
    void aFireInTheNearFutureIsDeliveredOnceAndASecondFireThatWeekSendsNothing() throws Exception {
        Runs runs = new Runs();
        try (NudgeFixture f = fixture(runs)) {
            // This hour's slot has come; the member's trigger is a short-lived one firing in a second.
            ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            NudgeSettings s = storedSettings(f, "7", slot);
            Trigger soon = TriggerBuilder.newTrigger()
                    .withIdentity(NudgeService.triggerKey(NudgeFixture.GUILD, "7"))
                    .startAt(Date.from(Instant.now().plusMillis(500)))
                    .build();
            f.service().schedule(s, soon);
            f.startScheduler();
            runs.await(1);
            f.service().awaitDeliveries(Duration.ofSeconds(10)); // outcomes are recorded after the job returns
            assertThat(f.messenger.deliveries())
                    .singleElement()
                    .satisfies(d -> assertThat(d.memberId()).isEqualTo("7"));
            String week = s.schedule().weekKey(slot.toInstant());
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "7", week)
                            .orElseThrow()
                            .state())
                    .isEqualTo(SentLog.SENT);

            // Fired again the same week (a duplicate trigger, a DST repeat, another process): nothing more.
            // (The one-shot trigger is done, and with it the job: store both again.)
            f.service()
                    .schedule(
                            s,
                            TriggerBuilder.newTrigger()
                                    .withIdentity(NudgeService.triggerKey(NudgeFixture.GUILD, "7"))
                                    .startAt(Date.from(Instant.now().plusMillis(200)))
                                    .build());
            runs.await(1);
            f.service().awaitDeliveries(Duration.ofSeconds(10)); // outcomes are recorded after the job returns
            assertThat(f.messenger.deliveries()).hasSize(1);
        }
    }

    @Test
    void aNudgeMissedDuringDowntimeIsSentOnceAtStartUpWithinTheGracePeriodAndNeverOutsideIt() throws Exception {
        Runs runs = new Runs();
        ZonedDateTime twoHoursAgo =
                ZonedDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime twentyHoursAgo =
                ZonedDateTime.now(ZoneOffset.UTC).minusHours(20).truncatedTo(ChronoUnit.HOURS);
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config())) {
            // The bot that stored these stopped before their slots: the triggers' next fire times are in the past.
            for (Object[] m : new Object[][] {{"7", twoHoursAgo}, {"8", twentyHoursAgo}}) {
                NudgeSettings s = storedSettings(f, (String) m[0], (ZonedDateTime) m[1]);
                f.service()
                        .schedule(
                                s,
                                s.schedule()
                                        .triggerStartingAt(
                                                NudgeService.triggerKey(NudgeFixture.GUILD, (String) m[0]),
                                                ((ZonedDateTime) m[1]).toInstant()));
            }
        }
        try (NudgeFixture f = fixture(runs)) {
            f.startScheduler(); // start-up: Quartz finds both misfired and fires each once
            runs.await(2);
            f.service().awaitDeliveries(Duration.ofSeconds(10)); // outcomes are recorded after the job returns
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("7");
            WeeklySchedule late =
                    f.service().settings(NudgeFixture.GUILD, "8").orElseThrow().schedule();
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "8", late.weekKey(twentyHoursAgo.toInstant()))
                            .orElseThrow()
                            .state())
                    .isEqualTo(SentLog.MISSED);
            // Both triggers carry on weekly from their slot.
            assertThat(f.service()
                            .trigger(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .getNextFireTime()
                            .toInstant())
                    .isEqualTo(twoHoursAgo.plusWeeks(1).toInstant());
            assertThat(f.service()
                            .trigger(NudgeFixture.GUILD, "8")
                            .orElseThrow()
                            .getNextFireTime()
                            .toInstant())
                    .isEqualTo(twentyHoursAgo.plusWeeks(1).toInstant());
        }
        // Another restart sends nothing more.
        Runs again = new Runs();
        try (NudgeFixture f = fixture(again)) {
            f.startScheduler();
            assertThat(again.finished.tryAcquire(1, 3, TimeUnit.SECONDS)).isFalse();
            assertThat(f.messenger.deliveries()).isEmpty();
        }
    }

    @Test
    void aWeekClaimedByAProcessThatCrashedIsSentOnceAtStartUp() throws Exception {
        Runs runs = new Runs();
        ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.HOURS);
        String week;
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config())) {
            NudgeSettings s = storedSettings(f, "7", slot);
            f.service()
                    .schedule(
                            s,
                            s.schedule()
                                    .triggerStartingAt(
                                            NudgeService.triggerKey(NudgeFixture.GUILD, "7"), slot.toInstant()));
            week = s.schedule().weekKey(slot.toInstant());
            // It claimed the week, and was killed before it could record the outcome.
            f.service()
                    .repository()
                    .claim(
                            NudgeFixture.GUILD,
                            "7",
                            week,
                            slot.toInstant(),
                            f.app.scheduler().runId(),
                            id -> true,
                            slot.toInstant().plusSeconds(1));
        }
        try (NudgeFixture f = fixture(runs)) {
            f.startScheduler();
            runs.await(1);
            f.service().awaitDeliveries(Duration.ofSeconds(10)); // outcomes are recorded after the job returns
            assertThat(f.messenger.deliveries()).hasSize(1);
            SentLog log = f.service()
                    .repository()
                    .sentLog(NudgeFixture.GUILD, "7", week)
                    .orElseThrow();
            assertThat(log.state()).isEqualTo(SentLog.SENT);
            assertThat(log.takeovers()).isEqualTo(1);
        }
    }

    @Test
    void aFailingDeliveryNeverStopsTheScheduler() throws Exception {
        Runs runs = new Runs();
        try (NudgeFixture f = fixture(runs)) {
            ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
            f.messenger.failDirect("7", new IllegalStateException("boom"));
            for (String member : new String[] {"7", "8"}) {
                NudgeSettings s = storedSettings(f, member, slot);
                f.service()
                        .schedule(
                                s,
                                TriggerBuilder.newTrigger()
                                        .withIdentity(NudgeService.triggerKey(NudgeFixture.GUILD, member))
                                        .startAt(Date.from(Instant.now().plusMillis(300)))
                                        .build());
            }
            f.startScheduler();
            runs.await(2);
            f.service().awaitDeliveries(Duration.ofSeconds(10)); // outcomes are recorded after the job returns
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("8");
            assertThat(f.app.scheduler().isStarted()).isTrue();
        }
    }

    @Test
    void theWeeklyTriggerIsStoredInTheMembersZone() throws Exception {
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config())) {
            f.nudge("7", "on", "day", "sunday", "hour", 9L, "timezone", "America/New_York");
            Trigger t = f.service().trigger(NudgeFixture.GUILD, "7").orElseThrow();
            assertThat(t).isInstanceOf(org.quartz.CalendarIntervalTrigger.class);
            org.quartz.CalendarIntervalTrigger weekly = (org.quartz.CalendarIntervalTrigger) t;
            assertThat(weekly.getTimeZone().getID()).isEqualTo("America/New_York");
            assertThat(weekly.isPreserveHourOfDayAcrossDaylightSavings()).isTrue();
            assertThat(weekly.getMisfireInstruction())
                    .isEqualTo(org.quartz.CalendarIntervalTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
            ZonedDateTime next = t.getNextFireTime().toInstant().atZone(java.time.ZoneId.of("America/New_York"));
            assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(next.getHour()).isEqualTo(9);
        }
    }
}
