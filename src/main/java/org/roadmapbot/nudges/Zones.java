package org.roadmapbot.nudges;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** IANA time zone names: strict validation (any case), suggestions, autocomplete. */
final class Zones {

    /** Lower-case name -> canonical name, for every region id the JDK knows (tzdb). */
    private static final Map<String, String> BY_LOWER = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            // "SystemV/..." are obsolete aliases nobody means; everything else is a valid IANA name.
            if (!id.startsWith("SystemV/")) {
                BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
    }

    private Zones() {
    }

    /** The zone for an IANA name typed in any case ("europe/berlin"), or empty. */
    static Optional<ZoneId> resolve(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String id = BY_LOWER.get(typed.strip().toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
    }

    /** Zone names containing what was typed (spaces as underscores), prefix and city matches first. */
    static List<String> matching(String typed, int max) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> e : BY_LOWER.entrySet()) {
            if (q.isEmpty() ? e.getValue().contains("/") && !e.getValue().startsWith("Etc/") : e.getKey().contains(q)) {
                hits.add(e.getValue());
            }
        }
        hits.sort(Comparator.comparingInt((String id) -> rank(id.toLowerCase(Locale.ROOT), q)).thenComparing(id -> id));
        return hits.size() > max ? hits.subList(0, max) : hits;
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
}
