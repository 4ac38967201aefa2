package org.roadmapbot.nudges;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.roadmapbot.schedule.TimeZones;

/**
 * A member's weekly slot: a day and a local hour in their time zone. Computes due times with
 * java.time and builds the Quartz trigger that fires at them.
 *
 * <p>Why a weekly {@code CalendarIntervalTrigger} and not a {@code CronTrigger}: both keep the
 * local hour across daylight-saving changes, but a cron trigger silently skips the week whose
 * local hour does not exist (Sunday 02:00 on a spring-forward day in Europe/Berlin or
 * America/New_York fires next week instead, checked on Quartz 2.5.2). The calendar-interval
 * trigger with {@code preserveHourOfDayAcrossDaylightSavings} and
 * {@code skipDayIfHourDoesNotExist(false)} fires at 03:00 that day, as java.time resolves the
 * gap, and fires once in the repeated hour of autumn (the earlier one, as java.time does).
 */
public record WeeklySchedule(DayOfWeek day, int hour, ZoneId zone) {

    public WeeklySchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(zone, "zone");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0-23: " + hour);
        }
    }

    /** The slot in the week of {@code date} (gap hours move forward, repeated hours take the earlier). */
    ZonedDateTime occurrenceInWeekOf(LocalDate date) {
        LocalDate d =
                date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
        return ZonedDateTime.of(d, LocalTime.of(hour, 0), zone);
    }

    /** The latest due time at or before {@code now}. */
    public Instant lastDueAtOrBefore(Instant now) {
        ZonedDateTime candidate = occurrenceInWeekOf(now.atZone(zone).toLocalDate());
        if (candidate.toInstant().isAfter(now)) {
            candidate = occurrenceInWeekOf(candidate.toLocalDate().minusWeeks(1));
        }
        return candidate.toInstant();
    }

    /** The first due time strictly after {@code after}. */
    public Instant nextDueAfter(Instant after) {
        ZonedDateTime candidate = occurrenceInWeekOf(after.atZone(zone).toLocalDate());
        if (!candidate.toInstant().isAfter(after)) {
            candidate = occurrenceInWeekOf(candidate.toLocalDate().plusWeeks(1));
        }
        return candidate.toInstant();
    }

    /** The ISO week of a due time in the member's zone: "2026-W02" (week-based year). */
    public String weekKey(Instant due) {
        ZonedDateTime local = due.atZone(zone);
        return String.format(
                Locale.ROOT,
                "%d-W%02d",
                local.get(IsoFields.WEEK_BASED_YEAR),
                local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * A weekly trigger starting at the first due time after {@code now}. Its start fixes the
     * local hour Quartz preserves, so a start that falls into a gap (02:00 moved to 03:00) is
     * moved to the next regular week: that one nudge is skipped rather than every later one
     * coming an hour late.
     *
     * <p>Misfires (the bot was down when it was due): fire once now ("FireAndProceed") and
     * continue weekly; the job then decides, from the due time and the grace period, whether the
     * missed nudge is still worth sending. Never more than one catch-up, however long the downtime.
     */
    Trigger trigger(TriggerKey key, Instant now) {
        Instant start = nextDueAfter(now);
        while (start.atZone(zone).getHour() != hour) {
            start = nextDueAfter(start);
        }
        return triggerStartingAt(key, start);
    }

    /** A weekly trigger whose first fire time is {@code start} (which may be in the past: a misfire). */
    Trigger triggerStartingAt(TriggerKey key, Instant start) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key)
                .startAt(Date.from(start))
                .withSchedule(CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                        .withIntervalInWeeks(1)
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .preserveHourOfDayAcrossDaylightSavings(true)
                        .skipDayIfHourDoesNotExist(false)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** "Mondays at 09:00 (Europe/Berlin)". */
    public String describe() {
        String name = day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return name + "s at " + String.format(Locale.ROOT, "%02d:00", hour) + " (" + TimeZones.label(zone) + ")";
    }
}
