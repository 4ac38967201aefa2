package org.roadmapbot.phrasing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No link and no mention the facts don't have: URLs, markdown and masked links, bare domains
 * ("udemy.com", "bit.ly/x", "scrimba dot com"), e-mail addresses, and every Discord mention form
 * (@everyone, @here, @name, {@code <@id>}, {@code <@!id>}, {@code <@&role>}, {@code <#channel>},
 * {@code </command:id>}, custom emoji and timestamps). Run after {@link HiddenCharacters}, so a
 * zero-width space or a fullwidth "＠" cannot split or disguise one.
 */
final class LinksAndMentions {

    private static final Pattern URL =
            Pattern.compile("(?i)\\b(?:https?|hxxps?|ftp)\\s*:\\s*/\\s*/\\S*|\\bwww\\s*\\.\\s*\\S+");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\s*\\(|\\]\\s*<|\\[[^\\]]*\\]\\s*\\[");
    /** A dotted name ending in letters: a domain unless the facts or the question write it (Node.js, boot.dev). */
    private static final Pattern DOTTED = Pattern.compile(
            "(?i)(?<![\\p{L}\\d@])[\\p{L}\\d][\\p{L}\\d-]*(?:\\.[\\p{L}\\d-]+)*\\.[a-z]{2,24}\\b(?:/\\S*)?");

    private static final Pattern SPELLED_DOMAIN = Pattern.compile(
            "(?i)\\b[\\p{L}\\d-]+\\s*(?:\\(dot\\)|\\[dot]|\\bdot\\b)\\s*(?:com|org|net|io|dev|co|gg|ly|app|ai|edu|gov|xyz|me|tv|info)\\b");
    private static final Pattern MENTION =
            Pattern.compile("@|<\\s*[@#:/]|<a:|<t:|\\bdiscord\\.gg\\b", Pattern.CASE_INSENSITIVE);
    /** Dotted abbreviations that are no domain. */
    private static final Pattern ABBREVIATION = Pattern.compile("(?i)e\\.g|i\\.e|u\\.s|a\\.m|p\\.m|etc");

    private LinksAndMentions() {}

    static Optional<String> check(String output, String factsAndQuestion) {
        String allowed = factsAndQuestion.toLowerCase(Locale.ROOT);
        Matcher mention = MENTION.matcher(output);
        while (mention.find()) {
            if (!allowed.contains(mention.group().toLowerCase(Locale.ROOT))) {
                return Optional.of("added a mention ('" + mention.group() + "')");
            }
        }
        Matcher url = URL.matcher(output);
        while (url.find()) {
            if (!allowed.contains(url.group().toLowerCase(Locale.ROOT))) {
                return Optional.of("added a link");
            }
        }
        if (MARKDOWN_LINK.matcher(output).find()) {
            return Optional.of("added a markdown link");
        }
        Matcher spelled = SPELLED_DOMAIN.matcher(output);
        if (spelled.find()) {
            return Optional.of("added a spelled-out domain ('" + spelled.group() + "')");
        }
        Matcher dotted = DOTTED.matcher(output);
        while (dotted.find()) {
            String found = dotted.group().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            if (ABBREVIATION.matcher(found).matches() || found.matches("[\\d.]+")) {
                continue;
            }
            if (!allowed.contains(found) && !allowed.replace(" ", "").contains(found)) {
                return Optional.of("added a domain or dotted name ('" + dotted.group() + "')");
            }
        }
        return Optional.empty();
    }
}
