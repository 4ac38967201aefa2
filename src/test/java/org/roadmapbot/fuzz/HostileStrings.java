package org.roadmapbot.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Strings a member (or a broken client) could send: huge, empty, control characters, SQL and
 * markdown metacharacters, mass mentions, right-to-left text, emoji and broken surrogates,
 * numbers in the wrong shape. Deterministic for a given random source.
 *
 * <p>Never produces stack-trace-like text ("Exception", "at org."), so a reply that contains
 * such text must have leaked it rather than echoed the input.
 */
public final class HostileStrings {

    static final List<String> FRAGMENTS = List.of(
            "",
            " ",
            "   ",
            "\t",
            "\n",
            "\r\n",
            "\u0000",
            "\u0001\u0002\u0003",
            "\u0007",
            "\u001b[31m",
            "\u007f",
            "\u0085",
            "\u00a0",
            "\u2028",
            "\u2029",
            "\ufeff",
            "\u200b",
            "\u200d",
            "\u2060",
            // SQL
            "'",
            "''",
            "\"",
            "' OR '1'='1",
            "'; DROP TABLE member_track; --",
            "\"; DELETE FROM topic_progress; --",
            "1; UPDATE member_settings SET leaderboard_hidden = TRUE",
            "%",
            "_",
            "%_%",
            "\\",
            "\\'",
            "NULL",
            "null",
            "/* comment */",
            "--",
            ";",
            "$1",
            "?",
            "E'\\x00'",
            "CHR(0)",
            "'||(SELECT version())||'",
            // markdown and Discord syntax
            "**bold**",
            "*",
            "_italic_",
            "__",
            "~~strike~~",
            "`",
            "``",
            "```",
            "```java\ncode\n```",
            "||spoiler||",
            "> quote",
            ">>> block",
            "# heading",
            "-# small",
            "[link](https://evil.example)",
            "<https://x.y>",
            "<t:0:R>",
            "<:emoji:123456789012345678>",
            "<a:anim:1>",
            "\\*not bold\\*",
            "|",
            "#",
            "-",
            "()",
            "[]",
            // mentions
            "@everyone",
            "@here",
            "@everyone @here",
            "@@everyone",
            "@ everyone",
            "@Everyone",
            "@HERE",
            "<@123456789012345678>",
            "<@!123456789012345678>",
            "<@&123456789012345678>",
            "<#123456789012345678>",
            "<@0>",
            "<@>",
            "@",
            "@\u200beveryone",
            "\uff20everyone",
            "everyone@",
            "@everyone\u0000",
            "`@everyone`",
            // right-to-left, combining, emoji, surrogates
            "\u202e",
            "\u202egnirts desrever",
            "\u200f",
            "مرحبا",
            "שלום",
            "\u0645\u0631\u062d\u0628\u0627 \u202b abc",
            "e\u0301\u0301\u0301\u0301",
            "Z̴̡̢͈̈́a̸̧͚͐l̷̳̓g̷͉̾ơ̸̪",
            "😀",
            "👩‍💻",
            "🏳️‍🌈",
            "🇩🇪",
            "\ud83d",
            "\ude00",
            "\ud83d\ud83d",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "ｆｕｌｌｗｉｄｔｈ",
            "İ",
            "ß",
            "ǅ",
            "ﬁ",
            "\u0130stanbul",
            // numbers in the wrong shape
            "0",
            "-0",
            "-1",
            "1.5",
            "1e309",
            "-1e309",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "010",
            "1_000",
            "1,000",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "٣",
            "½",
            "−1",
            "$",
            "$-5",
            "5$",
            "true",
            "false",
            "yes",
            "TRUE",
            "1.0.0",
            // other injections
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "#{7*7}",
            "%s%s%s%n",
            "%x",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "C:\\Windows\\system32",
            "file:///etc/shadow",
            "javascript:alert(1)",
            "{\"a\":1}",
            "[1,2]",
            "topic:",
            "track:python",
            "pace:",
            ":",
            "::",
            "a:b:c",
            "progress:done:http-basics",
            "privacy:confirm-delete",
            // plausible words
            "http-basics",
            "HTTP-BASICS",
            " http basics ",
            "git",
            "python",
            "javascript",
            "full-time",
            "part-time",
            "beginner",
            "capstone",
            "Go",
            "free",
            "interactive",
            "how do I learn sql?",
            "what should I do next?",
            "how far am I",
            "my progress");

    private HostileStrings() {}

    /** One hostile string: a fragment, a mix of fragments, random code points, or something huge. */
    public static String next(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 40) {
            return pick(random);
        }
        if (kind < 70) {
            StringBuilder mix = new StringBuilder();
            int parts = random.nextInt(2, 6);
            for (int i = 0; i < parts; i++) {
                mix.append(pick(random));
                if (random.nextBoolean()) {
                    mix.append(' ');
                }
            }
            return mix.toString();
        }
        if (kind < 88) {
            return randomCodePoints(random, random.nextInt(0, 80));
        }
        if (kind < 96) {
            // Just past common limits: 40, 100, 500, 2000, 6000.
            int[] sizes = {41, 101, 501, 2001, 4001, 6001};
            return repeatToLength(pick(random) + "x", sizes[random.nextInt(sizes.length)]);
        }
        return repeatToLength(pick(random) + "@everyone ", random.nextInt(10_000, 100_001));
    }

    static String pick(SplittableRandom random) {
        return FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
    }

    private static String repeatToLength(String unit, int length) {
        String base = unit.isEmpty() ? "x" : unit;
        StringBuilder out = new StringBuilder(length + base.length());
        while (out.length() < length) {
            out.append(base);
        }
        return out.toString();
    }

    /** Code points from every awkward range: ASCII, controls, Latin-1, RTL, CJK, emoji, lone surrogates. */
    private static String randomCodePoints(SplittableRandom random, int length) {
        int[][] ranges = {
            {0x20, 0x7e},
            {0x20, 0x7e},
            {0x00, 0x1f},
            {0x80, 0xff},
            {0x590, 0x6ff},
            {0x200b, 0x206f},
            {0x4e00, 0x4fff},
            {0x1f300, 0x1f6ff},
            {0xd800, 0xdfff},
            {0xfff0, 0xffff},
            {0x1d400, 0x1d7ff}
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            out.appendCodePoint(random.nextInt(range[0], range[1] + 1));
        }
        String text = out.toString();
        // Keep the "no leaked stack trace" check meaningful (see the class comment).
        return text.replace("Exception", "Exc3ption").replace("at org.", "at_org.");
    }
}
