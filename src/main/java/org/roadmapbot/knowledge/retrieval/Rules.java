package org.roadmapbot.knowledge.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.roadmapbot.core.JsonResource;

/** The rules of {@code knowledge/rules.json}, and what they find in a question. */
public final class Rules {

    public static final String RESOURCE = "/knowledge/rules.json";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8));

    private record File(String comment, List<Rule> rules) {}

    /** A phase named in a question: by number, by a month it holds, or as the last one. */
    public record PhaseReference(String kind, int number) {}

    private final List<Rule> rules;
    /** Each rule's pattern compiled once, with its effect's kind and argument: every question runs them all. */
    private final List<Compiled> compiled;

    private record Compiled(Rule rule, java.util.regex.Pattern pattern, String kind, String argument) {
        boolean matches(String text) {
            return pattern.matcher(text).find();
        }
    }

    private Rules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.compiled = rules.stream()
                .map(r -> new Compiled(r, java.util.regex.Pattern.compile(r.pattern()), r.kind(), r.argument()))
                .toList();
    }

    public static Rules load() {
        return new Rules(JsonResource.read(RESOURCE, File.class).rules());
    }

    public List<Rule> all() {
        return rules;
    }

    /** The effects of every rule that fires on the text, e.g. "attribute:price", "compare". */
    public Set<String> effects(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (Compiled c : compiled) {
            if (!c.kind().equals("rewrite")
                    && !c.kind().equals("concept")
                    && !c.kind().equals("split")
                    && !c.kind().equals("clause")
                    && !c.kind().equals("choice")
                    && !found.contains(c.rule().effect())
                    && c.matches(text)) {
                found.add(c.rule().effect());
            }
        }
        return found;
    }

    /** The arguments of the effects of one kind that fire ("attribute" → price, hours). */
    public Set<String> arguments(String kind, String text) {
        Set<String> found = new LinkedHashSet<>();
        for (Compiled c : compiled) {
            if (c.kind().equals(kind) && c.matches(text)) {
                found.add(c.argument());
            }
        }
        return found;
    }

    /**
     * The words of the rules' examples, of four letters or more, in lower case: the words the rules read. A
     * contraction's halves are no words ("haven't" is not "haven", which would take "havent").
     */
    public List<String> exampleWords() {
        List<String> words = new ArrayList<>();
        for (Rule r : all()) {
            for (String example : r.examples()) {
                for (String w : example.toLowerCase(Locale.ROOT).split("[^a-z'’]+")) {
                    if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                        words.add(w);
                    }
                }
            }
        }
        return words;
    }

    /** The options of every choice in the text ("pino or winston" → pino, winston): groups a and b of a choice rule. */
    public List<String> options(String text) {
        List<String> options = new ArrayList<>();
        for (Compiled c : compiled) {
            if (c.kind().equals("choice")) {
                Matcher m = c.pattern().matcher(text);
                while (m.find()) {
                    options.add(m.group("a"));
                    options.add(m.group("b"));
                }
            }
        }
        return options;
    }

    public boolean fires(String effect, String text) {
        return compiled.stream().anyMatch(c -> c.rule().effect().equals(effect) && c.matches(text));
    }

    /** The text with every rewrite rule applied, in file order. */
    public String rewrite(String text) {
        String out = text;
        for (Compiled c : compiled) {
            if (c.kind().equals("rewrite")) {
                out = c.pattern().matcher(out).replaceAll(c.argument());
            }
        }
        return out;
    }

    /**
     * The question with each need it states in its own words written as the concept the guide uses
     * ("my API keeps hitting the database for the same data" → caching): questions only, never the data.
     */
    public String concepts(String text) {
        String out = text;
        for (Compiled c : compiled) {
            if (c.kind().equals("concept")) {
                out = c.pattern().matcher(out).replaceAll(" " + c.argument() + " ");
            }
        }
        return out;
    }

    /** The text without the phases it names ("is Docker in phase 2" → "is Docker in "). */
    public String withoutPhases(String text) {
        String out = text;
        for (Compiled c : compiled) {
            if (c.kind().equals("phase") || c.kind().equals("month")) {
                out = c.pattern().matcher(out).replaceAll(" ");
            }
        }
        return out;
    }

    /** The phases the text names, and the text with those names replaced by the phase's key word. */
    public List<PhaseReference> phases(String text) {
        List<PhaseReference> found = new ArrayList<>();
        for (Compiled c : compiled) {
            if (!c.kind().equals("phase") && !c.kind().equals("month")) {
                continue;
            }
            Matcher m = c.pattern().matcher(text);
            while (m.find()) {
                if (c.argument().equals("last")) {
                    found.add(new PhaseReference("last", 0));
                    continue;
                }
                String n = group(m, "n");
                if (n == null) {
                    n = group(m, "n2");
                }
                Integer value = n == null ? null : number(n);
                if (value != null) {
                    found.add(new PhaseReference(c.kind(), value));
                }
            }
        }
        return found;
    }

    /** The parts of a question that asks several things (one part when it asks one). */
    public List<String> parts(String text) {
        for (Compiled c : compiled) {
            if (c.kind().equals("split")) {
                List<String> parts = new ArrayList<>();
                Matcher m = c.pattern().matcher(text);
                int from = 0;
                while (from <= text.length()) {
                    boolean more = m.find();
                    String p = text.substring(from, more ? m.start() : text.length());
                    // What follows a question and asks nothing ("… devs? want to show my partner lol", "… ? cheers")
                    // is the message's story, no part of its own; "price? hours?" asks twice.
                    boolean asked = more && m.group().contains("?");
                    if (!p.isBlank() && (parts.isEmpty() || asked || asks(p))) {
                        parts.add(p.strip());
                    }
                    if (!more) {
                        break;
                    }
                    from = m.end();
                }
                if (parts.size() == 1) {
                    // One question in a story: the message is asked whole (its asking clause is found in it).
                    return List.of(text);
                }
                return parts;
            }
        }
        return List.of(text);
    }

    /**
     * The asking clause of a chatty message: the last clause with a question in it ("?" or a
     * question word first), when the message has several; else empty.
     */
    public java.util.Optional<String> askingClause(String text) {
        for (Compiled c : compiled) {
            if (c.kind().equals("clause")) {
                String[] clauses = c.pattern().split(text.strip());
                if (clauses.length < 2) {
                    return java.util.Optional.empty();
                }
                for (int i = clauses.length - 1; i >= 0; i--) {
                    String clause = clauses[i].strip();
                    if (clause.endsWith("?") || QUESTION_START.matcher(clause).find()) {
                        return clause.length() < text.strip().length()
                                ? java.util.Optional.of(clause)
                                : java.util.Optional.empty();
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a part of a message asks something: a question mark, or a question word anywhere in it. */
    private static boolean asks(String part) {
        String p = part.strip();
        return p.endsWith("?")
                || QUESTION_START.matcher(p).find()
                || QUESTION_WORD.matcher(p).find();
    }

    private static final java.util.regex.Pattern QUESTION_WORD =
            java.util.regex.Pattern.compile("(?i)\\b(?:how|what|which|who|when|where|why)\\b");

    private static final java.util.regex.Pattern QUESTION_START = java.util.regex.Pattern.compile(
            "(?i)^(?:how|what|which|who|when|where|why|is|are|do|does|can|could|should|would)\\b");

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer number(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("(st|nd|rd|th)$", "");
        if (w.chars().allMatch(Character::isDigit) && !w.isEmpty()) {
            return Integer.parseInt(w);
        }
        return NUMBERS.get(word.toLowerCase(Locale.ROOT));
    }
}
