package org.roadmapbot.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A leaderboard period. Weeks start on Monday (ISO) and, like months, follow the configured
 * zone. Each period of a member is one row of leaderboard_score, found by {@link #key}.
 */
public enum Period {
    WEEK("week", "this week"),
    LAST_WEEK("last-week", "last week"),
    MONTH("month", "this month"),
    ALL("all-time", "all time");

    static final String ALL_KEY = "all";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final String id;
    private final String label;

    Period(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The option value and button argument: "week", "last-week", "month", "all-time". */
    public String id() {
        return id;
    }

    /** How a member reads it: "this week". */
    public String label() {
        return label;
    }

    /** The board's name inside a sentence: "this week's leaderboard", "the all-time leaderboard". */
    public String boardName() {
        return this == ALL ? "the all-time leaderboard" : label + "'s leaderboard";
    }

    /** An empty period: "No topics completed this week yet", "No topics were completed last week". */
    public String noneCompleted() {
        return switch (this) {
            case LAST_WEEK -> "No topics were completed last week";
            case ALL -> "No topics completed yet";
            default -> "No topics completed " + label + " yet";
        };
    }

    /** A member with nothing in the period: "You haven't completed a topic this week yet". */
    public String youHaveNone() {
        return switch (this) {
            case LAST_WEEK -> "You didn't complete a topic last week";
            case ALL -> "You haven't completed a topic yet";
            default -> "You haven't completed a topic " + label + " yet";
        };
    }

    public static Optional<Period> byId(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id.equalsIgnoreCase(id == null ? "" : id.strip()))
                .findFirst();
    }

    public static String[] ids() {
        return Arrays.stream(values()).map(Period::id).toArray(String[]::new);
    }

    /** The score row this period reads at {@code now}. */
    public String key(Instant now, ZoneId zone) {
        return switch (this) {
            case WEEK -> weekKey(now, zone);
            case LAST_WEEK -> weekKey(now.atZone(zone).minusWeeks(1).toInstant(), zone);
            case MONTH -> monthKey(now, zone);
            case ALL -> ALL_KEY;
        };
    }

    /** "Week of 5 Jan 2026", "January 2026", "All time". */
    public String title(Instant now, ZoneId zone) {
        return switch (this) {
            case WEEK -> "Week of " + DAY.format(monday(now, zone));
            case LAST_WEEK -> "Week of " + DAY.format(monday(now, zone).minusWeeks(1));
            case MONTH -> MONTH_NAME.format(now.atZone(zone));
            case ALL -> "All time";
        };
    }

    /** Key of the ISO week containing {@code at}: "w" and its Monday. */
    static String weekKey(Instant at, ZoneId zone) {
        return "w" + monday(at, zone);
    }

    /** Key of the month containing {@code at}: "m2026-01". */
    static String monthKey(Instant at, ZoneId zone) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return String.format(Locale.ROOT, "m%04d-%02d", d.getYear(), d.getMonthValue());
    }

    static LocalDate monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
