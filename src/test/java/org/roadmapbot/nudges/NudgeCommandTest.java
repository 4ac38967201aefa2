package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.testing.MutableClock;
import org.roadmapbot.testing.TestBot;

class NudgeCommandTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestBot.T0); // Monday 2026-01-05 10:00 UTC

    private NudgeFixture fixture() {
        return new NudgeFixture(dir, clock, NudgeFixture.config());
    }

    @Test
    void onStoresSettingsAndATriggerThatSurvivesARestart() throws Exception {
        Date next;
        try (NudgeFixture f = fixture()) {
            Reply on = f.nudge("7", "on", "day", "Tuesday", "hour", 18L, "timezone", "europe/berlin");
            assertThat(on.error()).isFalse();
            assertThat(on.ephemeral()).isTrue();
            assertThat(on.content())
                    .contains("Tuesdays at 18:00 (Europe/Berlin)")
                    .contains("Tuesday 6 Jan 2026, 18:00")
                    .contains("Tue 17:00 UTC");
            NudgeSettings s = f.service().settings(NudgeFixture.GUILD, "7").orElseThrow();
            assertThat(s.schedule()).isEqualTo(new WeeklySchedule(DayOfWeek.TUESDAY, 18, ZoneId.of("Europe/Berlin")));
            assertThat(s.enabled()).isTrue();
            next = f.service().trigger(NudgeFixture.GUILD, "7").orElseThrow().getNextFireTime();
            assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-01-06T17:00:00Z"));
        }
        // A new application (new scheduler) on the same database: same trigger, same next fire time.
        try (NudgeFixture f = fixture()) {
            assertThat(f.service()
                            .trigger(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .getNextFireTime())
                    .isEqualTo(next);
            Reply show = f.nudge("7", "show");
            assertThat(show.content())
                    .contains("Tuesdays at 18:00 (Europe/Berlin)")
                    .contains("Next: **Tuesday 6 Jan 2026, 18:00** (Europe/Berlin) · Tue 17:00 UTC");
        }
    }

    @Test
    void invalidDayHourOrZoneGetsAClearErrorAndStoresNothing() {
        try (NudgeFixture f = fixture()) {
            Reply badDay = f.nudge("7", "on", "day", "funday", "hour", 9L, "timezone", "Europe/Berlin");
            Reply badHour = f.nudge("7", "on", "day", "monday", "hour", 24L, "timezone", "Europe/Berlin");
            Reply negativeHour = f.nudge("7", "on", "day", "monday", "hour", -1L, "timezone", "Europe/Berlin");
            Reply badZone = f.nudge("7", "on", "day", "monday", "hour", 9L, "timezone", "Mars/Olympus");
            Reply cityOnly = f.nudge("7", "on", "day", "monday", "hour", 9L, "timezone", "Berlin");
            Reply noZone = f.nudge("7", "on", "day", "monday", "hour", 9L);
            assertThat(badDay.error()).isTrue();
            assertThat(badDay.content()).contains("`day` must be one of: monday, tuesday");
            assertThat(badHour.content()).contains("`hour` must be at most 23");
            assertThat(negativeHour.content()).contains("`hour` must be at least 0");
            assertThat(badZone.error()).isTrue();
            assertThat(badZone.content()).contains("isn't a time zone I know").contains("Nothing was changed");
            assertThat(cityOnly.content()).contains("did you mean `Europe/Berlin`");
            assertThat(noZone.error()).isTrue();
            assertThat(noZone.content()).contains("needs the option `timezone`");
            assertThat(f.rows("nudge_settings", "7")).isZero();
            assertThat(f.hasJob("7")).isFalse();
        }
    }

    @Test
    void abbreviationsAndOffsetsAreAcceptedAndTheReplySaysWhichZone() {
        try (NudgeFixture f = fixture()) {
            Reply est = f.nudge("7", "on", "day", "monday", "hour", 9L, "timezone", "EST");
            assertThat(est.error()).as(est.content()).isFalse();
            assertThat(est.content())
                    .contains("EST → America/New_York")
                    .contains("Mondays at 09:00 (America/New_York)");
            assertThat(f.service()
                            .settings(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .schedule()
                            .zone())
                    .isEqualTo(ZoneId.of("America/New_York"));

            Reply offset = f.nudge("8", "on", "day", "monday", "hour", 9L, "timezone", "GMT+2");
            assertThat(offset.error()).as(offset.content()).isFalse();
            assertThat(offset.content()).contains("(UTC+02:00)");
            assertThat(f.service()
                            .settings(NudgeFixture.GUILD, "8")
                            .orElseThrow()
                            .schedule()
                            .zone())
                    .isEqualTo(java.time.ZoneOffset.ofHours(2));
        }
    }

    @Test
    void theServersDefaultZoneIsUsedWhenNoneIsGiven() {
        try (NudgeFixture f =
                new NudgeFixture(dir, clock, NudgeFixture.config().withDefaultZone(ZoneId.of("America/New_York")))) {
            assertThat(f.app.router()
                            .spec("nudge")
                            .orElseThrow()
                            .subcommand("on")
                            .orElseThrow()
                            .options())
                    .filteredOn(o -> o.name().equals("timezone"))
                    .allSatisfy(o -> assertThat(o.required()).isFalse());
            Reply on = f.nudge("7", "on", "day", "monday", "hour", 9L);
            assertThat(on.error()).isFalse();
            assertThat(f.service()
                            .settings(NudgeFixture.GUILD, "7")
                            .orElseThrow()
                            .schedule()
                            .zone())
                    .isEqualTo(ZoneId.of("America/New_York"));
        }
    }

    @Test
    void timezoneAutocompleteOffersIanaNames() {
        try (NudgeFixture f = fixture()) {
            CommandRequest typing = new CommandRequest(NudgeFixture.GUILD, "7", "x", false, "nudge", "on", Map.of());
            assertThat(f.app.router().autocomplete(typing, "timezone", "berl"))
                    .first()
                    .satisfies(c -> assertThat(c.value()).isEqualTo("Europe/Berlin"));
            assertThat(f.app.router().autocomplete(typing, "timezone", "new york"))
                    .extracting(c -> c.value())
                    .contains("America/New_York");
            assertThat(f.app.router().autocomplete(typing, "timezone", "")).hasSize(25);
        }
    }

    @Test
    void offRemovesTheJobAndPauseMovesTheNextSend() {
        try (NudgeFixture f = fixture()) {
            f.nudge("7", "on", "day", "monday", "hour", 9L, "timezone", "UTC");
            Reply pause = f.nudge("7", "pause", "weeks", 2L);
            // Paused until Monday 19 Jan 10:00: the 12 Jan and 19 Jan 09:00 slots are skipped.
            assertThat(pause.content()).contains("paused for 2 weeks").contains("Monday 26 Jan 2026, 09:00");
            assertThat(f.nudge("7", "show").content()).contains("Paused until");

            Reply off = f.nudge("7", "off");
            assertThat(off.content()).contains("off");
            assertThat(f.hasJob("7")).isFalse();
            NudgeSettings s = f.service().settings(NudgeFixture.GUILD, "7").orElseThrow();
            assertThat(s.enabled()).isFalse();
            assertThat(s.disabledReason()).contains(NudgeSettings.OFF);
            assertThat(f.nudge("7", "show").content()).contains("**off**");
            assertThat(f.nudge("7", "pause", "weeks", 1L).content()).contains("nothing to pause");
            assertThat(f.nudge("7", "off").content()).contains("already off");
        }
    }

    @Test
    void privacyDeleteRemovesTheJobAndTheRows() {
        try (NudgeFixture f = fixture()) {
            f.nudge("7", "on", "day", "tuesday", "hour", 9L, "timezone", "UTC");
            clock.advance(java.time.Duration.ofDays(1).plusHours(1)); // Tuesday 11:00, due 09:00
            assertThat(f.service().fire(NudgeFixture.GUILD, "7").join()).isEqualTo(NudgeService.FireResult.SENT);
            assertThat(f.rows("nudge_sent", "7")).isEqualTo(1);

            Reply export = f.run("7", PrivacyCommand.NAME, PrivacyCommand.EXPORT);
            JsonNode data = json(export.attachments().get(0).data()).get("data");
            assertThat(data.get("nudge_settings")).hasSize(1);
            assertThat(data.get("nudge_sent")).hasSize(1);
            assertThat(data.get("nudge_schedule").get(0).get("job").asText()).isEqualTo("nudges/100:7");

            assertThat(f.press(NudgeFixture.GUILD, "7", PrivacyCommand.CONFIRM_DELETE)
                            .content())
                    .contains("Done: deleted");
            assertThat(f.hasJob("7")).isFalse();
            assertThat(f.rows("nudge_settings", "7")).isZero();
            assertThat(f.rows("nudge_sent", "7")).isZero();
        }
    }

    @Test
    void testSendsOneNudgeByDmAndRecordsNothing() {
        try (NudgeFixture f = fixture()) {
            Reply reply = f.nudge("7", "test");
            assertThat(reply.error()).isFalse();
            assertThat(reply.content()).contains("Sent you a test nudge");
            assertThat(f.messenger.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.direct()).isTrue();
                assertThat(d.memberId()).isEqualTo("7");
                assertThat(d.message().content()).contains("Start here").contains("/progress start");
            });
            assertThat(f.rows("nudge_sent", "7")).isZero();

            f.messenger.failDirect("7", org.roadmapbot.core.Messenger.DeliveryException.Reason.DMS_CLOSED);
            Reply closed = f.nudge("7", "test");
            assertThat(closed.error()).isTrue();
            assertThat(closed.content()).contains("direct messages are closed");
        }
    }

    @Test
    void theNudgeShowsPhaseGoalNextTopicsPaceAndAButtonThatWorksFromADm() {
        try (NudgeFixture f = fixture()) {
            f.run("7", ProgressCommand.NAME, "start", "track", "python", "pace", "full-time");
            f.run("7", ProgressCommand.NAME, "done", "topic", "pick-primary-language");
            Reply nudge = f.service().preview(NudgeFixture.GUILD, "7");
            assertThat(nudge.content())
                    .contains("Phase 1 of 4: Programming Foundations")
                    .contains("1 of 7 topics done in this phase")
                    .contains("Phase goal: Build a programming foundation")
                    .contains("Next up: **Variables, functions and control flow**")
                    .contains("on track for your full-time pace");
            assertThat(nudge.fields()).hasSize(3);
            assertThat(nudge.fields())
                    .anySatisfy(field -> assertThat(field.value()).contains("Resources: boot.dev"));
            assertThat(nudge.buttons()).first().satisfies(b -> {
                assertThat(b.customId()).isEqualTo("2:progress:done:100:variables-functions-control-flow");
                assertThat(b.label()).isEqualTo("Mark Variables, functions and control flow done");
            });

            // Pressed in the DM: the request has no server; the button carries it.
            Reply pressed = f.press("", "7", nudge.buttons().get(0).customId());
            assertThat(pressed.error()).isFalse();
            assertThat(f.app.progress().progress(NudgeFixture.GUILD, "7").state("variables-functions-control-flow"))
                    .contains(TopicState.DONE);
            // The old form still works, and a button of another server is refused.
            assertThat(f.press(NudgeFixture.GUILD, "7", ProgressCommand.doneButtonId("data-structures"))
                            .error())
                    .isFalse();
            assertThat(f.press("999", "7", "progress:done:100:how-the-web-works")
                            .content())
                    .contains("another server");
        }
    }

    @Test
    void encouragementFollowsThePace() {
        try (NudgeFixture f = fixture()) {
            f.run("7", ProgressCommand.NAME, "start", "track", "python", "pace", "full-time");
            clock.advance(java.time.Duration.ofDays(120)); // four months in, nothing done: behind
            assertThat(f.service().preview(NudgeFixture.GUILD, "7").content())
                    .contains("a little behind your full-time pace");
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
