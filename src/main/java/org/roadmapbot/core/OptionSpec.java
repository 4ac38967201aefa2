package org.roadmapbot.core;

import java.util.List;
import java.util.Objects;

/**
 * One option of a slash command, described once for every adapter: the console parses and
 * checks typed text against it, the Discord adapter registers it, and the router validates
 * every request with it before a handler runs.
 *
 * @param minValue  smallest accepted INTEGER/NUMBER, or null
 * @param maxValue  largest accepted INTEGER/NUMBER, or null
 * @param maxLength longest accepted STRING, or 0 for Discord's own limit
 * @param choices   fixed values (shown as choices in Discord); empty when free-form
 */
public record OptionSpec(
        String name,
        String description,
        OptionType type,
        boolean required,
        Double minValue,
        Double maxValue,
        int maxLength,
        List<String> choices,
        boolean autocomplete) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("option name must be lower-case, 1-32 chars: " + name);
        }
        if (description.isEmpty() || description.length() > 100) {
            throw new IllegalArgumentException("option description must be 1-100 chars: " + name);
        }
    }

    public static OptionSpec string(String name, String description, boolean required, int maxLength) {
        return new OptionSpec(name, description, OptionType.STRING, required, null, null, maxLength, List.of(), false);
    }

    public static OptionSpec integer(String name, String description, boolean required, long min, long max) {
        return new OptionSpec(
                name, description, OptionType.INTEGER, required, (double) min, (double) max, 0, List.of(), false);
    }

    public static OptionSpec number(String name, String description, boolean required, double min, double max) {
        return new OptionSpec(name, description, OptionType.NUMBER, required, min, max, 0, List.of(), false);
    }

    public static OptionSpec bool(String name, String description, boolean required) {
        return new OptionSpec(name, description, OptionType.BOOLEAN, required, null, null, 0, List.of(), false);
    }

    public static OptionSpec of(String name, String description, OptionType type, boolean required) {
        return new OptionSpec(name, description, type, required, null, null, 0, List.of(), false);
    }

    public OptionSpec withChoices(String... values) {
        return new OptionSpec(
                name, description, type, required, minValue, maxValue, maxLength, List.of(values), autocomplete);
    }

    public OptionSpec withAutocomplete() {
        return new OptionSpec(name, description, type, required, minValue, maxValue, maxLength, choices, true);
    }
}
