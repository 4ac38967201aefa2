package org.roadmapbot.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.core.Text;
import org.roadmapbot.core.UserError;

/**
 * The one time-zone parser of every command that takes a {@code timezone} option ({@code /nudge on},
 * {@code /leaderboard schedule}) and of the zone settings: IANA names in any case
 * ("europe/berlin"), common abbreviations mapped to a named zone ("EST" → America/New_York, said in
 * the reply), and UTC offsets as fixed zones ("+05:30", "GMT+2", "UTC-3").
 */
public final class TimeZones {

    /** A zone understood from what was typed, and a note saying how when it wasn't a plain IANA name. */
    public record Parsed(ZoneId zone, Optional<String> note) {}

    /** Lower-case name → canonical name, for every region id the JDK knows (tzdb). */
    private static final Map<String, String> BY_LOWER = new TreeMap<>();

    private static final Map<String, String> ABBREVIATIONS = abbreviations();
    /** "+5", "+05:30", "-0330", "UTC+2", "GMT-3:30", "utc + 5". */
    private static final Pattern OFFSET =
            Pattern.compile("(?:(?:utc|gmt|ut)\\s*)?([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Left out: "SystemV/..." (obsolete aliases nobody means), the JDK's three-letter ids (EST, MST,
            // HST: fixed offsets without daylight saving, not what a member typing EST means) and the POSIX
            // legacy names (EST5EDT) that used to be suggested for "EST"; abbreviations are mapped instead.
            boolean legacy = id.startsWith("SystemV/") || id.length() <= 3 || id.matches("[A-Z]+\\d[A-Z]*");
            if (!legacy || id.equals("UTC")) {
                BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
    }

    private TimeZones() {}

    /** The zone for what a member typed, or empty when it names none. */
    public static Optional<Parsed> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("gmt") || lower.equals("z") || lower.equals("ut")) {
            return Optional.of(new Parsed(
                    ZoneId.of("UTC"), lower.equals("utc") ? Optional.empty() : Optional.of(text + " → UTC")));
        }
        String named = ABBREVIATIONS.get(lower);
        if (named != null) {
            return Optional.of(
                    new Parsed(ZoneId.of(named), Optional.of(text.toUpperCase(Locale.ROOT) + " → " + named)));
        }
        String id = BY_LOWER.get(lower.replace(' ', '_'));
        if (id != null) {
            return Optional.of(new Parsed(ZoneId.of(id), Optional.empty()));
        }
        return offset(text)
                .map(
                        offset -> new Parsed(
                                offset,
                                Optional.of(
                                        text + " → " + label(offset)
                                                + " (a fixed offset: it does not follow daylight saving; a city name such as Europe/Berlin does)")));
    }

    /** As {@link #parse}, or a polite error naming close matches and saying that nothing was changed. */
    public static Parsed require(String typed) {
        return parse(typed).orElseThrow(() -> {
            List<String> close = matching(typed, 3);
            return new UserError("`" + Text.code(typed.strip()) + "` isn't a time zone I know. Use a name such as "
                    + "Europe/Berlin or America/New_York, an abbreviation such as EST or CET, or an offset such as UTC+2"
                    + (close.isEmpty()
                            ? ""
                            : " (did you mean "
                                    + String.join(
                                            ", ",
                                            close.stream()
                                                    .map(z -> "`" + z + "`")
                                                    .toList()) + "?)")
                    + ". Nothing was changed.");
        });
    }

    /** How a zone is shown to members: the IANA name, or "UTC+05:30" for a fixed offset. */
    public static String label(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId();
    }

    /** Zone names for autocomplete: abbreviations and names containing what was typed, best first. */
    public static List<String> matching(String typed, int max) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        List<String> hits = new ArrayList<>();
        String abbreviated = ABBREVIATIONS.get(q);
        if (abbreviated != null) {
            hits.add(abbreviated);
        }
        for (Map.Entry<String, String> e : BY_LOWER.entrySet()) {
            boolean wanted = q.isEmpty()
                    ? e.getValue().contains("/") && !e.getValue().startsWith("Etc/")
                    : e.getKey().contains(q);
            if (wanted && !hits.contains(e.getValue())) {
                hits.add(e.getValue());
            }
        }
        List<String> ranked = new ArrayList<>(hits.subList(abbreviated == null ? 0 : 1, hits.size()));
        ranked.sort(Comparator.comparingInt((String id) -> rank(id.toLowerCase(Locale.ROOT), q))
                .thenComparing(id -> id));
        if (abbreviated != null) {
            ranked.add(0, abbreviated);
        }
        return ranked.size() > max ? ranked.subList(0, max) : ranked;
    }

    private static Optional<ZoneOffset> offset(String text) {
        Matcher m = OFFSET.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        try {
            // A ZoneOffset (id "+05:30"), not "UTC+05:30": java.util.TimeZone, which Quartz uses, reads
            // the former correctly and silently takes the latter for GMT.
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static int rank(String id, String q) {
        if (q.isEmpty()) {
            return 0;
        }
        String city = id.substring(id.lastIndexOf('/') + 1);
        if (id.equals(q) || city.equals(q)) {
            return 0;
        }
        if (city.startsWith(q)) {
            return 1;
        }
        if (id.startsWith(q)) {
            return 2;
        }
        return 3;
    }

    private static Map<String, String> abbreviations() {
        Properties file = new Properties();
        try (InputStream in = TimeZones.class.getResourceAsStream("/schedule/zone-abbreviations.properties")) {
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        // ZoneId.of fails here, at class load, for a misspelt zone in the file; a test loads the class.
        file.forEach((k, v) -> map.put(
                ((String) k).toLowerCase(Locale.ROOT), ZoneId.of((String) v).getId()));
        return Map.copyOf(map);
    }
}
