package org.roadmapbot.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series of a Prometheus scrape (`/metrics`, {@code MicrometerBotMetrics.scrape()}). */
public final class Series {

    private Series() {}

    /** The value of {@code name{labels}} (labels as scraped, in Micrometer's order); fails the test when absent. */
    public static double value(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? Pattern.quote(name) : Pattern.quote(name + "{" + labels + "}");
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        if (!m.find()) {
            throw new AssertionError("no series " + name + "{" + labels + "} in:\n"
                    + scrape.lines().filter(l -> l.startsWith(name)).reduce("", (a, b) -> a + b + "\n"));
        }
        return Double.parseDouble(m.group(1));
    }
}
