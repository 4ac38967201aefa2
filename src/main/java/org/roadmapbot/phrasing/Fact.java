package org.roadmapbot.phrasing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fact the model may reword: the text as the bot would show it, and the roadmap-data entry
 * it comes from. The guard reads only the text, so it works on whatever retrieval hands over
 * (a whole entry's paragraph or a single structured field).
 */
public record Fact(String entryId, String text) {

    /** A "Source: …" line: attribution the bot adds under every answer itself, not a fact to reword. */
    private static final Pattern SOURCE_LINE = Pattern.compile("(?m)^Source: .*(?:\\R|$)");

    public Fact {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(text, "text");
    }

    /** An entry's text as a fact to reword: its citation line left out (the bot prints the citation). */
    public static Fact ofEntry(String entryId, String entryText) {
        return new Fact(entryId, SOURCE_LINE.matcher(entryText).replaceAll("").strip());
    }
}
