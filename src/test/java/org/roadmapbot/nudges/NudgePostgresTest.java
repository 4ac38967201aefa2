package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.testing.MutableClock;
import org.roadmapbot.testing.TestBot;
import org.roadmapbot.testing.TestPostgres;

/** The nudge SQL (ON CONFLICT, FOR UPDATE) and Quartz's PostgreSQL delegate on a real PostgreSQL server. */
class NudgePostgresTest {

    @TempDir
    Path dir;

    /** An empty database on the suite's PostgreSQL server (the bot migrates it on open). */
    private static DatabaseConfig freshDatabase() {
        return TestPostgres.emptyDatabase();
    }

    @Test
    void commandsFiresAndPrivacyWorkOnPostgres() throws Exception {
        MutableClock clock = new MutableClock(TestBot.T0);
        try (NudgeFixture f = new NudgeFixture(dir, clock, NudgeFixture.config(), freshDatabase())) {
            assertThat(f.nudge("7", "on", "day", "tuesday", "hour", 9L, "timezone", "UTC")
                            .error())
                    .isFalse();
            assertThat(f.nudge("7", "on", "day", "tuesday", "hour", 9L, "timezone", "Nowhere/Land")
                            .error())
                    .isTrue();
            clock.advance(Duration.ofHours(23).plusMinutes(1)); // Tuesday 09:01
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join())
                    .isEqualTo(NudgeService.FireResult.ALREADY_HANDLED);
            assertThat(f.messenger.deliveries()).hasSize(1);
            assertThat(f.nudge("7", "show").content()).contains("Last: week 2026-W02, sent by direct message");
            f.press(NudgeFixture.GUILD, "7", PrivacyCommand.CONFIRM_DELETE);
            assertThat(f.hasJob("7")).isFalse();
            assertThat(f.rows("nudge_settings", "7") + f.rows("nudge_sent", "7"))
                    .isZero();
        }
    }

    @Test
    void concurrentClaimsOfOneWeekHaveExactlyOneWinner() throws Exception {
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config(), freshDatabase())) {
            NudgeRepository repo = f.service().repository();
            Instant due = Instant.parse("2026-01-06T09:00:00Z");
            int claimers = 8;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < claimers; i++) {
                    String me = "instance-" + i + "#x";
                    Callable<Boolean> claim = () -> {
                        go.await();
                        return repo.claim(NudgeFixture.GUILD, "7", "2026-W02", due, me, id -> true, due)
                                .claimed();
                    };
                    results.add(pool.submit(claim));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> r : results) {
                    won += r.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aMissedNudgeIsSentOnceAtStartUpByQuartzOnPostgres() throws Exception {
        DatabaseConfig db = freshDatabase();
        ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.HOURS);
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config(), db)) {
            WeeklySchedule schedule = new WeeklySchedule(slot.getDayOfWeek(), slot.getHour(), ZoneOffset.UTC);
            NudgeSettings s = NudgeSettings.on(
                    NudgeFixture.GUILD, "7", schedule, slot.toInstant().minus(Duration.ofDays(1)));
            f.service().repository().save(s);
            f.service()
                    .schedule(
                            s,
                            schedule.triggerStartingAt(
                                    NudgeService.triggerKey(NudgeFixture.GUILD, "7"), slot.toInstant()));
        }
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config(), db)) {
            f.startScheduler();
            synchronized (f.messenger) {
                long end = System.currentTimeMillis() + 30_000;
                while (f.messenger.deliveries().isEmpty() && System.currentTimeMillis() < end) {
                    f.messenger.wait(500);
                }
            }
            assertThat(f.messenger.deliveries()).hasSize(1);
            assertThat(f.service()
                            .trigger(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .getNextFireTime()
                            .toInstant())
                    .isEqualTo(slot.plusWeeks(1).toInstant());
        }
    }
}
