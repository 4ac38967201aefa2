package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.Main;
import org.roadmapbot.testing.CapturedOutput;

/** Nudges in the local adapters: the console prints them; `ask` never starts the scheduler. */
class NudgeCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void theConsolePrintsATestNudge() {
        output.input("/nudge on day:monday hour:9 timezone:Europe/Berlin\n/nudge test\n");
        assertThat(Main.execute("console", "--data-dir", dir.toString(), "--guild", "100", "--user", "7"))
                .isZero();
        String printed = output.out();
        assertThat(printed)
                .contains("Weekly nudges on: **Mondays at 09:00 (Europe/Berlin)**")
                .contains("── direct message to member 7 (server 100) ──")
                .contains("Start here")
                .contains("/progress start")
                .contains("Sent you a test nudge");
    }

    @Test
    void withJsonTheNudgeGoesToStandardErrorAndStandardOutputStaysOneReplyPerLine() throws Exception {
        output.input("/nudge test\n");
        assertThat(Main.execute("console", "--data-dir", dir.toString(), "--json"))
                .isZero();
        String[] lines = output.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(new ObjectMapper().readTree(lines[0]).get("content").asText())
                .contains("Sent you a test nudge");
        assertThat(output.err()).contains("direct message to member 1").contains("Start here");
    }

    @Test
    void askNeverFiresADueNudge() throws Exception {
        ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.HOURS);
        Instant before;
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config())) {
            WeeklySchedule schedule = new WeeklySchedule(slot.getDayOfWeek(), slot.getHour(), ZoneOffset.UTC);
            NudgeSettings s = NudgeSettings.on(
                    NudgeFixture.GUILD, "7", schedule, slot.toInstant().minus(Duration.ofDays(1)));
            f.service().repository().save(s);
            f.service()
                    .schedule(
                            s,
                            schedule.triggerStartingAt(
                                    NudgeService.triggerKey(NudgeFixture.GUILD, "7"), slot.toInstant()));
            before = f.service()
                    .trigger(NudgeFixture.GUILD, "7")
                    .orElseThrow()
                    .getNextFireTime()
                    .toInstant();
        }
        assertThat(Main.execute("ask", "--data-dir", dir.toString(), "what is phase 1 about?"))
                .isZero();
        // Had `ask` started the scheduler, its start-up would have handled the misfire and moved the trigger.
        try (NudgeFixture f = new NudgeFixture(dir, Clock.systemUTC(), NudgeFixture.config())) {
            assertThat(f.rows("nudge_sent", "7")).isZero();
            assertThat(f.service()
                            .trigger(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .getNextFireTime()
                            .toInstant())
                    .isEqualTo(before);
        }
    }
}
