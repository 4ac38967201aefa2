package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Messenger.DeliveryException.Reason;
import org.roadmapbot.testing.MutableClock;
import org.roadmapbot.testing.Series;
import org.roadmapbot.testing.TestBot;

/**
 * The job's logic with a fixed clock (NudgeQuartzTest covers real Quartz fires). Nudges are set
 * on Monday 2026-01-05 10:00 UTC for Tuesdays 09:00 UTC, so the first is due Tuesday 09:00.
 */
class NudgeFireTest {

    private static final Instant DUE = Instant.parse("2026-01-06T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestBot.T0);

    private NudgeFixture on(NudgeConfig config, String... members) {
        NudgeFixture f = new NudgeFixture(dir, clock, config);
        for (String m : members) {
            assertThat(f.nudge(m, "on", "day", "tuesday", "hour", 9L, "timezone", "UTC")
                            .error())
                    .isFalse();
        }
        return f;
    }

    private void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    @Test
    void twoFiresInTheSameWeekSendOnce() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7")) {
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            at(DUE.plus(Duration.ofHours(3)));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            assertThat(f.messenger.deliveries()).hasSize(1);
            SentLog log = f.service()
                    .repository()
                    .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                    .orElseThrow();
            assertThat(log.state()).isEqualTo(SentLog.SENT);
            assertThat(log.deliveredVia()).contains(SentLog.VIA_DM);
            assertThat(log.dueAt()).isEqualTo(DUE);
            // Next week is a new week.
            at(DUE.plus(Duration.ofDays(7)).plusSeconds(5));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.messenger.deliveries()).hasSize(2);
            assertThat(f.nudge("7", "show").content()).contains("Last: week 2026-W03, sent by direct message");
        }
    }

    @Test
    void aMissedNudgeIsSentInsideTheGracePeriodAndSkippedOutsideIt() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7", "8")) {
            at(DUE.plus(Duration.ofHours(11)).plus(Duration.ofMinutes(59)));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            at(DUE.plus(Duration.ofHours(12)).plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "8").join()).isEqualTo(NudgeService.FireResult.MISSED);
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("7");
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "8", "2026-W02")
                            .orElseThrow()
                            .state())
                    .isEqualTo(SentLog.MISSED);
            // However many weeks were missed, only the latest counts, and it is too old: nothing floods.
            at(DUE.plus(Duration.ofDays(21)).plus(Duration.ofHours(13)));
            assertThat(f.service().fire(NudgeFixture.GUILD, "8").join()).isEqualTo(NudgeService.FireResult.MISSED);
            assertThat(f.messenger.deliveries()).hasSize(1);
            // The operator's counters moved with each outcome.
            String metrics = f.app.metrics().scrape();
            assertThat(Series.value(metrics, "roadmapbot_nudges_total", "outcome=\"sent\""))
                    .isEqualTo(1);
            assertThat(Series.value(metrics, "roadmapbot_nudges_total", "outcome=\"missed\""))
                    .isEqualTo(2);
        }
    }

    @Test
    void nothingIsSentForASlotBeforeNudgesWereTurnedOnOrWhilePaused() {
        try (NudgeFixture f = new NudgeFixture(dir, clock, NudgeFixture.config())) {
            // Monday 10:00: "Mondays at 09:00" — this week's slot passed an hour ago.
            f.nudge("7", "on", "day", "monday", "hour", 9L, "timezone", "UTC");
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.NOT_DUE);
            f.nudge("7", "pause", "weeks", 1L);
            at(Instant.parse("2026-01-12T09:00:00Z"));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.PAUSED);
            at(Instant.parse("2026-01-19T09:00:00Z"));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.messenger.deliveries()).hasSize(1);
        }
    }

    @Test
    void closedDmsGoToTheStudyChannelWithTheMemberNamedAndNoButtons() {
        try (NudgeFixture f = on(NudgeFixture.config().withStudyChannels(List.of("555", "556")), "7")) {
            f.messenger.failDirect("7", Reason.DMS_CLOSED).allowChannel("556");
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.messenger.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.channelId()).isEqualTo("556");
                assertThat(d.message().content())
                        .startsWith("<@7>, your weekly roadmap nudge")
                        .contains("Start here");
                assertThat(d.message().buttons()).isEmpty();
            });
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                            .orElseThrow()
                            .deliveredVia())
                    .contains(SentLog.VIA_CHANNEL);
            assertThat(f.service()
                            .settings(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .enabled())
                    .isTrue();
        }
    }

    /**
     * A study channel that looks fine from here but whose post Discord refuses (a server another
     * process runs, where the bot's permissions cannot be checked first) hands over to the next one.
     */
    @Test
    void aStudyChannelThatRefusesThePostHandsOverToTheNextOne() {
        try (NudgeFixture f = on(NudgeFixture.config().withStudyChannels(List.of("555", "556")), "7")) {
            f.messenger.failDirect("7", Reason.DMS_CLOSED).refuseOnPost("555").allowChannel("556");
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.messenger.deliveries())
                    .singleElement()
                    .satisfies(d -> assertThat(d.channelId()).isEqualTo("556"));
            SentLog log = f.service()
                    .repository()
                    .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                    .orElseThrow();
            assertThat(log.deliveredVia()).contains(SentLog.VIA_CHANNEL);
            assertThat(log.attempts()).as("the DM, the refused post, the post").isEqualTo(3);
        }
    }

    @Test
    void closedDmsWithoutAStudyChannelTurnTheNudgeOffAndSayWhy() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7")) {
            f.messenger.failDirect("7", Reason.DMS_CLOSED);
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.TURNED_OFF);
            assertThat(f.messenger.deliveries()).isEmpty();
            assertThat(f.messenger.attempts()).isEqualTo(1); // closed DMs are not retried
            NudgeSettings s = f.service().settings(NudgeFixture.GUILD, "7").orElseThrow();
            assertThat(s.enabled()).isFalse();
            assertThat(s.disabledReason()).contains(NudgeSettings.DMS_CLOSED);
            assertThat(f.hasJob("7")).isFalse();
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                            .orElseThrow()
                            .state())
                    .isEqualTo(SentLog.FAILED);
            assertThat(f.nudge("7", "show").content())
                    .contains("your DMs are closed")
                    .contains("`/nudge on` again");
        }
    }

    /**
     * Issue 16: a retry waits on a timer, not by sleeping on the scheduler's thread. fire() hands
     * the send over and returns; while member 7's retries wait out their back-off (2 s + 2 s), the
     * same thread fires member 8, whose nudge goes out at once. The crash guard (a one-shot
     * trigger that fires the job again if this process dies before the outcome is recorded) is
     * armed while 7's delivery is in flight and removed once it is recorded.
     */
    @Test
    void retriesWaitOnATimerSoTheSchedulerThreadAndOtherNudgesAreNotHeldUp() throws Exception {
        NudgeConfig slowRetries =
                NudgeFixture.config().withRetryBackoff(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        try (NudgeFixture f = on(slowRetries, "7", "8")) {
            f.messenger.failDirect("7", Reason.TEMPORARY, Reason.TEMPORARY);
            at(DUE.plusSeconds(1));
            long start = System.nanoTime();
            CompletableFuture<NudgeService.FireResult> seven = f.service().fire(NudgeFixture.GUILD, "7");
            CompletableFuture<NudgeService.FireResult> eight = f.service().fire(NudgeFixture.GUILD, "8");
            long handedOverMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(handedOverMs)
                    .as("both fires returned before the first back-off ended")
                    .isLessThan(2000);
            assertThat(eight.get(10, TimeUnit.SECONDS)).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(seven).as("7 is still waiting for its retry").isNotDone();
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("8");
            assertThat(f.app.scheduler().quartz().getTrigger(NudgeService.recheckKey(NudgeFixture.GUILD, "7")))
                    .as("crash guard armed while 7's delivery is in flight")
                    .isNotNull();

            assertThat(seven.get(20, TimeUnit.SECONDS)).isEqualTo(NudgeService.FireResult.SENT);
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("two back-offs waited")
                    .isGreaterThanOrEqualTo(4000);
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                            .orElseThrow()
                            .attempts())
                    .isEqualTo(3);
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("8", "7");
            assertThat(f.app.scheduler().quartz().getTrigger(NudgeService.recheckKey(NudgeFixture.GUILD, "7")))
                    .as("guard removed once the outcome is recorded")
                    .isNull();
        }
    }

    /**
     * The crash guard at work: a claim whose claimer is still alive (its delivery in flight) is
     * left alone and looked at again later; once the claimer is dead, the next look takes it over.
     */
    @Test
    void aWeekClaimedByALiveSenderIsLookedAtAgainLater() throws Exception {
        try (NudgeFixture f = on(NudgeFixture.config(), "7")) {
            at(DUE.plusSeconds(1));
            // This process itself claimed the week a moment ago and is still sending.
            f.service()
                    .repository()
                    .claim(
                            NudgeFixture.GUILD,
                            "7",
                            "2026-W02",
                            DUE,
                            f.app.scheduler().runId(),
                            id -> true,
                            DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            assertThat(f.app.scheduler().quartz().getTrigger(NudgeService.recheckKey(NudgeFixture.GUILD, "7")))
                    .as("looked at again later")
                    .isNotNull();
            assertThat(f.messenger.deliveries()).isEmpty();
        }
    }

    @Test
    void temporaryFailuresAreRetriedABoundedNumberOfTimes() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7", "8", "9")) {
            f.messenger.failDirect("7", Reason.TEMPORARY, Reason.TEMPORARY);
            f.messenger.failDirect("8", Reason.TEMPORARY, Reason.TEMPORARY, Reason.TEMPORARY, Reason.TEMPORARY);
            f.messenger.failDirect("9", new IllegalStateException("adapter bug"));
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.service().fire(NudgeFixture.GUILD, "8").join()).isEqualTo(NudgeService.FireResult.FAILED);
            assertThat(f.service().fire(NudgeFixture.GUILD, "9").join()).isEqualTo(NudgeService.FireResult.FAILED);
            assertThat(f.service()
                            .repository()
                            .sentLog(NudgeFixture.GUILD, "7", "2026-W02")
                            .orElseThrow()
                            .attempts())
                    .isEqualTo(3);
            // Every attempt at a member's week carries the same delivery key (Discord: an enforced nonce).
            assertThat(f.messenger.keys())
                    .startsWith("nudge:100:7:2026-W02", "nudge:100:7:2026-W02", "nudge:100:7:2026-W02");
            SentLog failed = f.service()
                    .repository()
                    .sentLog(NudgeFixture.GUILD, "8", "2026-W02")
                    .orElseThrow();
            assertThat(failed.state()).isEqualTo(SentLog.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            // Still on for next week; a failed week is not retried by a later firing.
            assertThat(f.service()
                            .settings(NudgeFixture.GUILD, "8")
                            .orElseThrow()
                            .enabled())
                    .isTrue();
            assertThat(f.service().fire(NudgeFixture.GUILD, "8").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("7");
            // Counted for the operator: 7 sent after two retries; 8 failed after two; 9 failed at once (not retryable).
            String metrics = f.app.metrics().scrape();
            assertThat(Series.value(metrics, "roadmapbot_nudges_total", "outcome=\"sent\""))
                    .isEqualTo(1);
            assertThat(Series.value(metrics, "roadmapbot_nudges_total", "outcome=\"retried\""))
                    .isEqualTo(4);
            assertThat(Series.value(metrics, "roadmapbot_nudges_total", "outcome=\"failed\""))
                    .isEqualTo(2);
        }
    }

    @Test
    void aClaimLeftByADeadProcessIsTakenOverOnceAndALiveClaimIsLeftAlone() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7", "8")) {
            at(DUE.plusSeconds(30));
            NudgeRepository repo = f.service().repository();
            // A process that claimed the week and died before recording the outcome.
            assertThat(repo.claim(NudgeFixture.GUILD, "7", "2026-W02", DUE, "NON_CLUSTERED#dead0000", id -> true, DUE)
                            .claimed())
                    .isTrue();
            // This process's own claim (a run still in progress).
            assertThat(repo.claim(
                                    NudgeFixture.GUILD,
                                    "8",
                                    "2026-W02",
                                    DUE,
                                    f.app.scheduler().runId(),
                                    id -> true,
                                    DUE)
                            .claimed())
                    .isTrue();

            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.service().fire(NudgeFixture.GUILD, "8").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            SentLog taken = repo.sentLog(NudgeFixture.GUILD, "7", "2026-W02").orElseThrow();
            assertThat(taken.takeovers()).isEqualTo(1);
            assertThat(taken.state()).isEqualTo(SentLog.SENT);
            assertThat(f.messenger.deliveries())
                    .extracting(CollectingMessenger.Delivery::memberId)
                    .containsExactly("7");
        }
        // A claim taken over once and again left unfinished is given up: no endless resends.
        try (NudgeFixture f = new NudgeFixture(dir, clock, NudgeFixture.config())) {
            NudgeRepository repo = f.service().repository();
            at(DUE.plus(Duration.ofDays(7)).plusSeconds(30));
            String week = "2026-W03";
            Instant due = DUE.plus(Duration.ofDays(7));
            repo.claim(NudgeFixture.GUILD, "7", week, due, "NON_CLUSTERED#dead0001", id -> true, due);
            assertThat(repo.claim(NudgeFixture.GUILD, "7", week, due, "NON_CLUSTERED#dead0002", id -> false, due)
                            .takeover())
                    .isTrue();
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            assertThat(f.messenger.deliveries()).isEmpty();
        }
    }

    @Test
    void aJobWhoseSettingsAreGoneRemovesItself() {
        try (NudgeFixture f = on(NudgeFixture.config(), "7")) {
            // As if /nudge off crashed between its two steps: settings off, job still there.
            f.service().repository().disable(NudgeFixture.GUILD, "7", NudgeSettings.OFF, "test", clock.instant());
            assertThat(f.hasJob("7")).isTrue();
            at(DUE.plusSeconds(1));
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join())
                    .isEqualTo(NudgeService.FireResult.NOT_SCHEDULED);
            assertThat(f.hasJob("7")).isFalse();
            assertThat(f.messenger.deliveries()).isEmpty();
        }
    }

    @Test
    void reconcileSchedulesMissingJobsAndRemovesOrphans() throws Exception {
        try (NudgeFixture f = on(NudgeFixture.config(), "7", "8")) {
            f.app.scheduler().quartz().deleteJob(NudgeService.jobKey(NudgeFixture.GUILD, "7"));
            f.service().repository().disable(NudgeFixture.GUILD, "8", NudgeSettings.OFF, "test", clock.instant());
            assertThat(f.service().reconcile()).containsEntry("added", 1).containsEntry("removed", 1);
            assertThat(f.hasJob("7")).isTrue();
            assertThat(f.hasJob("8")).isFalse();
            assertThat(f.service().reconcile()).containsEntry("added", 0).containsEntry("removed", 0);
        }
    }
}
