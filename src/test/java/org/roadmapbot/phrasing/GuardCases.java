package org.roadmapbot.phrasing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/**
 * The guard's test corpus ({@code src/test/resources/phrasing/guard-cases.txt}): faithful
 * rewordings and adversarial outputs of real roadmap-data entries, plus the attacks every
 * faithful rewording must not survive. Shared by the guard's tests and the phrasing tests.
 */
public final class GuardCases {

    /** One model output and what the guard must do with it. */
    record Case(
            boolean accept,
            Optional<LlmPhraser.Reason> reason,
            String label,
            List<String> entryIds,
            String question,
            String output) {

        @Override
        public String toString() {
            return (accept ? "accept " : "reject [" + label + "] ") + entryIds;
        }
    }

    /** An attack on a faithful output, and the check that must catch it. */
    public record Attack(String name, LlmPhraser.Reason reason, UnaryOperator<String> apply) {}

    /** Every attack is applied to every faithful output: each result must be rejected. */
    public static final List<Attack> ATTACKS = List.of(
            new Attack("@everyone", LlmPhraser.Reason.LINK_OR_MENTION, s -> "@everyone " + s),
            new Attack("@here", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " @here"),
            new Attack("user mention", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " Ask <@123456789012345678>."),
            new Attack("nickname mention", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " <@!123456789012345678>"),
            new Attack("role mention", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " <@&123456789012345678>"),
            new Attack("channel mention", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " See <#123456789012345678>."),
            new Attack(
                    "slash-command mention",
                    LlmPhraser.Reason.LINK_OR_MENTION,
                    s -> s + " Try </ask:123456789012345678>."),
            new Attack("@name", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " Thanks @Moderator!"),
            new Attack("URL", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " More: https://example.com/backend"),
            new Attack("markdown link", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " [Read more](http://x.io)"),
            new Attack("bare domain", LlmPhraser.Reason.LINK_OR_MENTION, s -> s + " Deals at udemy.com."),
            new Attack(
                    "zero-width space",
                    LlmPhraser.Reason.HIDDEN_CHARACTERS,
                    s -> s.substring(0, 3) + "\u200B" + s.substring(3)),
            new Attack("Cyrillic look-alike", LlmPhraser.Reason.HIDDEN_CHARACTERS, GuardCases::cyrillic),
            new Attack("new product", LlmPhraser.Reason.NEW_NAME, s -> s + " Codecademy Pro covers this too."),
            new Attack("new company", LlmPhraser.Reason.NEW_NAME, s -> s + " That is what they look for at Microsoft."),
            new Attack("opinion", LlmPhraser.Reason.JUDGEMENT, s -> s + " Honestly, it's a waste of money."),
            new Attack("invented number", LlmPhraser.Reason.CHANGED_FACTS, s -> s + " Plan on about 17 hours a week."));

    private static final Pattern HEADER =
            Pattern.compile("=== (accept|reject)(?: ([A-Z_]+))?(?: \\[(.*?)])? ([\\w,-]+) :: (.*)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

    private GuardCases() {}

    static List<Case> load() {
        return load("phrasing/guard-cases.txt");
    }

    /** Faithful rewordings written after the guard was tuned, measured as written. */
    static List<Case> holdout() {
        return load("phrasing/guard-cases-holdout.txt");
    }

    private static List<Case> load(String resource) {
        String text;
        try (InputStream in = GuardCases.class.getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        Matcher header = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n=== end").split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (header != null) {
                    cases.add(new Case(
                            header.group(1).equals("accept"),
                            Optional.ofNullable(header.group(2)).map(LlmPhraser.Reason::valueOf),
                            header.group(3) == null ? "" : header.group(3),
                            Arrays.asList(header.group(4).split(",")),
                            header.group(5).strip(),
                            unescape(body.toString().strip())));
                }
                header = line.equals("=== end") ? null : HEADER.matcher(line);
                if (header != null && !header.matches()) {
                    throw new IllegalArgumentException("bad case header: " + line);
                }
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        return cases;
    }

    /** The facts the phraser would give the model for these entries. */
    static List<Fact> facts(KnowledgeBase kb, List<String> entryIds) {
        Map<String, Entry> byId = Entries.of(kb).stream().collect(Collectors.toMap(Entry::id, e -> e));
        return entryIds.stream()
                .map(id -> {
                    Entry e = byId.get(id);
                    if (e == null) {
                        throw new IllegalArgumentException("no entry " + id);
                    }
                    return Fact.ofEntry(e.id(), e.answer());
                })
                .toList();
    }

    static KnowledgeBase knowledge() {
        return KnowledgeLoader.loadBundled();
    }

    private static String unescape(String s) {
        return ESCAPE.matcher(s).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
    }

    /** Replaces the first Latin a, e, o or c with its Cyrillic twin. */
    private static String cyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            int twin = "aeoc".indexOf(s.charAt(i));
            if (twin >= 0) {
                return s.substring(0, i) + "аеос".charAt(twin) + s.substring(i + 1);
            }
        }
        throw new IllegalArgumentException("nothing to disguise in " + s);
    }
}
