package org.roadmapbot.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/** Due times and the Quartz trigger across daylight-saving changes, computed from the trigger itself. */
class WeeklyScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TriggerKey KEY = NudgeService.triggerKey("g", "m");

    /** The trigger's next {@code n} fire times, as local times in the zone. */
    private static List<ZonedDateTime> fires(WeeklySchedule s, String utcNow, int n) {
        Trigger trigger = s.trigger(KEY, Instant.parse(utcNow));
        List<Date> dates = TriggerUtils.computeFireTimes((OperableTrigger) trigger, null, n);
        return dates.stream().map(d -> d.toInstant().atZone(s.zone())).toList();
    }

    @Test
    void berlinSpringForwardKeepsTheLocalHour() {
        // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST.
        WeeklySchedule monday9 = new WeeklySchedule(DayOfWeek.MONDAY, 9, BERLIN);
        List<ZonedDateTime> fires = fires(monday9, "2026-03-20T12:00:00Z", 3);
        assertThat(fires)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.parse("2026-03-23T09:00"),
                        LocalDateTime.parse("2026-03-30T09:00"),
                        LocalDateTime.parse("2026-04-06T09:00"));
        assertThat(fires.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(fires.get(1).toInstant()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));

        // On the transition day itself.
        WeeklySchedule sunday9 = new WeeklySchedule(DayOfWeek.SUNDAY, 9, BERLIN);
        assertThat(fires(sunday9, "2026-03-23T00:00:00Z", 2))
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(LocalDateTime.parse("2026-03-29T09:00"), LocalDateTime.parse("2026-04-05T09:00"));
    }

    @Test
    void berlinFallBackKeepsTheLocalHour() {
        // 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET.
        WeeklySchedule sunday18 = new WeeklySchedule(DayOfWeek.SUNDAY, 18, BERLIN);
        List<ZonedDateTime> fires = fires(sunday18, "2026-10-12T00:00:00Z", 3);
        assertThat(fires)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.parse("2026-10-18T18:00"),
                        LocalDateTime.parse("2026-10-25T18:00"),
                        LocalDateTime.parse("2026-11-01T18:00"));
        assertThat(fires.get(0).toInstant()).isEqualTo(Instant.parse("2026-10-18T16:00:00Z"));
        assertThat(fires.get(1).toInstant()).isEqualTo(Instant.parse("2026-10-25T17:00:00Z"));
    }

    @Test
    void newYorkBothTransitionsKeepTheLocalHour() {
        // 2026-03-08 spring forward, 2026-11-01 fall back.
        WeeklySchedule sunday9 = new WeeklySchedule(DayOfWeek.SUNDAY, 9, NEW_YORK);
        assertThat(fires(sunday9, "2026-03-02T00:00:00Z", 2))
                .extracting(ZonedDateTime::toInstant)
                .containsExactly(Instant.parse("2026-03-08T13:00:00Z"), Instant.parse("2026-03-15T13:00:00Z"));
        assertThat(fires(sunday9, "2026-02-23T00:00:00Z", 2))
                .extracting(ZonedDateTime::toInstant)
                .containsExactly(Instant.parse("2026-03-01T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"));
        assertThat(fires(sunday9, "2026-10-26T00:00:00Z", 2))
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(LocalDateTime.parse("2026-11-01T09:00"), LocalDateTime.parse("2026-11-08T09:00"));
        assertThat(fires(sunday9, "2026-10-26T00:00:00Z", 1).get(0).toInstant())
                .isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void anHourThatDoesNotExistThatDayFiresAnHourLaterThatDayOnly() {
        // Sunday 02:00 does not exist on 2026-03-08 in New York: the nudge comes at 03:00, then 02:00 again.
        WeeklySchedule sunday2 = new WeeklySchedule(DayOfWeek.SUNDAY, 2, NEW_YORK);
        List<ZonedDateTime> fires = fires(sunday2, "2026-02-23T00:00:00Z", 3);
        assertThat(fires)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDateTime.parse("2026-03-01T02:00"),
                        LocalDateTime.parse("2026-03-08T03:00"),
                        LocalDateTime.parse("2026-03-15T02:00"));
        // java.time agrees, so the job's due time is the time Quartz fired.
        assertThat(sunday2.lastDueAtOrBefore(fires.get(1).toInstant().plusSeconds(5)))
                .isEqualTo(fires.get(1).toInstant());
    }

    @Test
    void theRepeatedHourOfAutumnFiresOnce() {
        WeeklySchedule sunday1 = new WeeklySchedule(DayOfWeek.SUNDAY, 1, NEW_YORK);
        List<ZonedDateTime> fires = fires(sunday1, "2026-10-26T00:00:00Z", 2);
        assertThat(fires)
                .extracting(ZonedDateTime::toInstant)
                .containsExactly(Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-08T06:00:00Z"));
    }

    @Test
    void dueTimesAndIsoWeeksFollowTheMembersZone() {
        WeeklySchedule monday9 = new WeeklySchedule(DayOfWeek.MONDAY, 9, BERLIN);
        Instant due = Instant.parse("2026-01-05T08:00:00Z");
        assertThat(monday9.lastDueAtOrBefore(due)).isEqualTo(due);
        assertThat(monday9.lastDueAtOrBefore(due.minusSeconds(1))).isEqualTo(Instant.parse("2025-12-29T08:00:00Z"));
        assertThat(monday9.nextDueAfter(due)).isEqualTo(Instant.parse("2026-01-12T08:00:00Z"));
        assertThat(monday9.weekKey(due)).isEqualTo("2026-W02");
        // Friday 1 January 2027 belongs to the last ISO week of 2026; Sunday 23:30 UTC is already Monday in Tokyo.
        assertThat(new WeeklySchedule(DayOfWeek.FRIDAY, 9, BERLIN).weekKey(Instant.parse("2027-01-01T08:00:00Z")))
                .isEqualTo("2026-W53");
        WeeklySchedule tokyo = new WeeklySchedule(DayOfWeek.MONDAY, 8, ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.weekKey(Instant.parse("2026-01-04T23:30:00Z"))).isEqualTo("2026-W02");
    }

    @Test
    void aFirstSlotInsideASpringGapStartsTheTriggerAWeekLaterAtTheRealHour() {
        // Set up on Friday 6 March for Sunday 02:00: the next slot (8 March) falls in the gap.
        WeeklySchedule sunday2 = new WeeklySchedule(DayOfWeek.SUNDAY, 2, NEW_YORK);
        List<ZonedDateTime> fires = fires(sunday2, "2026-03-06T12:00:00Z", 2);
        assertThat(fires)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(LocalDateTime.parse("2026-03-15T02:00"), LocalDateTime.parse("2026-03-22T02:00"));
    }
}
