package org.roadmapbot.core;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a request's options against the command's spec, whatever adapter built it. */
final class OptionValidator {

    private OptionValidator() {}

    static void validate(CommandSpec spec, CommandRequest request) {
        List<OptionSpec> options = spec.optionsFor(request.subcommand())
                .orElseThrow(() -> new UserError(
                        spec.subcommands().isEmpty()
                                ? "`/" + spec.name() + "` has no subcommands."
                                : "`/" + spec.name() + "` needs a subcommand: " + subcommandList(spec) + "."));
        Set<String> known = new HashSet<>();
        for (OptionSpec option : options) {
            known.add(option.name());
            Object value = request.options().get(option.name());
            if (value == null) {
                if (option.required()) {
                    throw new UserError("`/" + request.path() + "` needs the option `" + option.name() + "` ("
                            + option.description() + ").");
                }
                continue;
            }
            check(request.path(), option, value);
        }
        for (String name : request.options().keySet()) {
            if (!known.contains(name)) {
                throw new UserError("`/" + request.path() + "` has no option `" + Text.code(name) + "`. "
                        + (options.isEmpty() ? "It takes no options." : "Options: " + optionList(options) + "."));
            }
        }
    }

    private static void check(String path, OptionSpec option, Object value) {
        String name = "`" + option.name() + "`";
        switch (option.type()) {
            case STRING, USER, CHANNEL -> {
                if (!(value instanceof String text)) {
                    throw new UserError(name + " must be text.");
                }
                int limit = option.maxLength() > 0 ? option.maxLength() : 6000;
                if (text.codePointCount(0, text.length()) > limit) {
                    throw new UserError(name + " is too long: please keep it under " + limit + " characters.");
                }
                // Blank is refused whether or not the option is required: one rule for empty values
                // (an empty filter is a mistake to point out, not a silent "no filter").
                if (option.type() == OptionType.STRING && text.isBlank()) {
                    throw new UserError(name + " cannot be empty"
                            + (option.required() ? "." : ": give a value or leave the option out."));
                }
                if (!option.choices().isEmpty()
                        && option.choices().stream().noneMatch(c -> c.equalsIgnoreCase(text.strip()))) {
                    throw new UserError(name + " must be one of: " + String.join(", ", option.choices()) + ".");
                }
            }
            case INTEGER, NUMBER -> {
                if (!(value instanceof Number number)
                        || (option.type() == OptionType.INTEGER && !(value instanceof Long))) {
                    throw new UserError(name + " must be "
                            + (option.type() == OptionType.INTEGER ? "a whole number." : "a number."));
                }
                double d = number.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new UserError(name + " must be a number.");
                }
                if (option.minValue() != null && d < option.minValue()) {
                    throw new UserError(name + " must be at least " + format(option.minValue()) + ".");
                }
                if (option.maxValue() != null && d > option.maxValue()) {
                    throw new UserError(name + " must be at most " + format(option.maxValue()) + ".");
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw new UserError(name + " must be true or false.");
                }
            }
            default -> throw new IllegalStateException("unhandled option type " + option.type() + " in " + path);
        }
    }

    static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    private static String subcommandList(CommandSpec spec) {
        return String.join(
                ", ", spec.subcommands().stream().map(s -> "`" + s.name() + "`").toList());
    }

    private static String optionList(List<OptionSpec> options) {
        return String.join(", ", options.stream().map(o -> "`" + o.name() + "`").toList());
    }
}
