package org.roadmapbot.phrasing;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The three prompt templates from the repository's {@code prompts/} folder (bundled in the jar),
 * loaded and checked once at start-up, and filled by LangChain4j's {@link PromptTemplate}:
 * placeholders are {@code {{name}}}, values are inserted in one pass (text inside a value, such as
 * a member's question, is never read as a placeholder), and a missing value is an error. What
 * LangChain4j leaves to the caller is checked here: each template uses exactly its placeholders,
 * so a broken template stops start-up instead of reaching the model.
 */
public final class PromptTemplates {

    static final String FACTS = "facts";
    static final String KEEP = "keep";
    static final String QUESTION = "question";
    static final String MESSAGE = "message";
    static final String MAX_CHARS = "max_chars";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final PromptTemplate system;
    private final PromptTemplate answer;
    private final PromptTemplate nudge;

    /** @throws IllegalArgumentException a template is empty or does not use exactly its placeholders */
    public PromptTemplates(String system, String answer, String nudge) {
        this.system = checked("system.txt", system, Set.of(MAX_CHARS));
        this.answer = checked("answer.txt", answer, Set.of(FACTS, KEEP, QUESTION));
        this.nudge = checked("nudge.txt", nudge, Set.of(FACTS, KEEP, MESSAGE));
    }

    /** Loads {@code prompts/system.txt}, {@code answer.txt} and {@code nudge.txt} from the classpath. */
    public static PromptTemplates loadBundled() {
        return new PromptTemplates(resource("system.txt"), resource("answer.txt"), resource("nudge.txt"));
    }

    /** The system prompt: the rules, with the output limit. */
    String system(int maxChars) {
        return system.apply(Map.of(MAX_CHARS, String.valueOf(maxChars))).text();
    }

    /** The user prompt of an answer: the facts, what to keep, and the member's question (already delimited). */
    String answer(String facts, String keep, String question) {
        return answer.apply(Map.of(FACTS, facts, KEEP, keep, QUESTION, question))
                .text();
    }

    /** The user prompt of a nudge: the facts it may use, what to keep, and the plain message. */
    String nudge(String facts, String keep, String message) {
        return nudge.apply(Map.of(FACTS, facts, KEEP, keep, MESSAGE, message)).text();
    }

    /** The raw template texts, in the order system, answer, nudge (for tests and the guard). */
    String[] texts() {
        return new String[] {system.template(), answer.template(), nudge.template()};
    }

    /** The fixed wording of all three templates, with placeholders removed: what must never be echoed. */
    String instructionsText() {
        return String.join("\n", texts()).replaceAll(PLACEHOLDER.pattern(), " ");
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

    private static PromptTemplate checked(String name, String template, Set<String> needed) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("prompt template " + name + " is empty");
        }
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(r -> found.add(r.group(1)));
        if (!found.containsAll(needed)) {
            throw new IllegalArgumentException(
                    "prompt template " + name + " must use " + new TreeSet<>(needed) + " but uses " + found);
        }
        Set<String> unknown = new TreeSet<>(found);
        unknown.removeAll(needed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("prompt template " + name + " uses unknown placeholders " + unknown);
        }
        return PromptTemplate.from(template);
    }
}
