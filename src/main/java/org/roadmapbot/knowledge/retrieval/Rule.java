package org.roadmapbot.knowledge.retrieval;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One rule of {@code knowledge/rules.json}: a pattern found anywhere in a question, the effect it
 * has, why it exists, and examples it must match and counterexamples it must not (RulesTest checks
 * each). A rule without examples, or with a broken pattern, does not load.
 *
 * <p>Effects: {@code decline} (not a question for the guide), {@code intent:<name>} (a personal
 * question), {@code rewrite:<text>} (the match is written so), {@code phase}, {@code month},
 * {@code phase:last} (a phase reference; group {@code n} or {@code n2} holds the number),
 * {@code concept:<words>} (a need said in a member's words is written as the guide's concept; questions only),
 * {@code compare}, {@code split} (where a second part of the question starts),
 * {@code attribute:<name>}, {@code qualifier:<name>}, {@code superlative:<name>}, {@code kind:<name>} (the
 * question asks for a thing of that kind: "which course…").
 */
public record Rule(
        String id, String why, String pattern, String effect, List<String> examples, List<String> counterexamples) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effect, "effect of rule " + id);
        if (examples == null || examples.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has no examples");
        }
        counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
        examples = List.copyOf(examples);
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule '" + id + "' has a broken pattern: " + e.getDescription(), e);
        }
    }

    public Matcher matcher(String text) {
        return compiled().matcher(text);
    }

    public boolean matches(String text) {
        return matcher(text).find();
    }

    /** The effect's kind ("attribute") and argument ("price"); the argument is "" when there is none. */
    public String kind() {
        int colon = effect.indexOf(':');
        return colon < 0 ? effect : effect.substring(0, colon);
    }

    public String argument() {
        int colon = effect.indexOf(':');
        return colon < 0 ? "" : effect.substring(colon + 1);
    }

    private Pattern compiled() {
        return PATTERNS.computeIfAbsent(pattern, Pattern::compile);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();
}
