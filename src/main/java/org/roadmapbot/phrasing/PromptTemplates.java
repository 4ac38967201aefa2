package org.roadmapbot.phrasing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three prompt templates from the repository's {@code prompts/} folder (bundled in the jar),
 * loaded and checked once at start-up. Placeholders are {@code {{name}}}; values are inserted in
 * one pass, so text inside a value (a member's question) is never read as a placeholder.
 */
public record PromptTemplates(String system, String answer, String nudge) {

    static final String FACTS = "facts";
    static final String KEEP = "keep";
    static final String QUESTION = "question";
    static final String MESSAGE = "message";
    static final String MAX_CHARS = "max_chars";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public PromptTemplates {
        require("system.txt", system, Set.of(MAX_CHARS));
        require("answer.txt", answer, Set.of(FACTS, KEEP, QUESTION));
        require("nudge.txt", nudge, Set.of(FACTS, KEEP, MESSAGE));
    }

    /** Loads {@code prompts/system.txt}, {@code answer.txt} and {@code nudge.txt} from the classpath. */
    public static PromptTemplates loadBundled() {
        return new PromptTemplates(resource("system.txt"), resource("answer.txt"), resource("nudge.txt"));
    }

    /** Fills a template; every placeholder in it must have a value. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The fixed wording of all three templates, with placeholders removed: what must never be echoed. */
    String instructionsText() {
        return String.join("\n", system, answer, nudge).replaceAll(PLACEHOLDER.pattern(), " ");
    }

    private static String resource(String name) {
        String path = "prompts/" + name;
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompt template " + path, e);
        }
    }

    private static void require(String name, String template, Set<String> needed) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("prompt template " + name + " is empty");
        }
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(r -> found.add(r.group(1)));
        if (!found.containsAll(needed)) {
            throw new IllegalArgumentException("prompt template " + name + " must use " + new TreeSet<>(needed)
                    + " but uses " + found);
        }
        Set<String> unknown = new TreeSet<>(found);
        unknown.removeAll(needed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("prompt template " + name + " uses unknown placeholders " + unknown);
        }
    }
}
