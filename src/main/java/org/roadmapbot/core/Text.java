package org.roadmapbot.core;

import java.util.regex.Pattern;

/** Text helpers for anything that shows member-controlled text back on Discord. */
public final class Text {

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>#\\[\\]()-])");
    private static final Pattern MENTION = Pattern.compile("@(everyone|here|[!&]?\\d+)", Pattern.CASE_INSENSITIVE);

    private Text() {}

    /**
     * Makes member text safe to show: markdown characters escaped and mention syntax broken
     * with a zero-width space, so "@everyone" in a display name stays text even if allowed
     * mentions were misconfigured.
     */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String noControls = raw.replaceAll("\\p{Cntrl}", " ");
        String escaped = MARKDOWN.matcher(noControls).replaceAll("\\\\$1");
        return MENTION.matcher(escaped).replaceAll("@\u200B$1").replace("<@", "<\u200B@");
    }

    /** For text shown inside `code`: backticks would end the span, and it must stay short. */
    public static String code(String raw) {
        String cleaned = raw == null ? "" : raw.replaceAll("[`\\p{Cntrl}]", "").replace("@", "@\u200B");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned;
    }

    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
