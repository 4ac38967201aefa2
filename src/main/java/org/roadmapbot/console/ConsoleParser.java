package org.roadmapbot.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Text;
import org.roadmapbot.knowledge.AskCommand;

/**
 * Reads a console line the way Discord users type commands: {@code /courses language:Go
 * max_price:0}, {@code /progress done topic:"http basics"}. Values may be quoted; unquoted
 * values run to the next {@code option:}. A line without a leading slash is an /ask.
 */
public final class ConsoleParser {

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    public ConsoleParser(List<CommandSpec> commandSpecs) {
        commandSpecs.forEach(s -> specs.put(s.name(), s));
    }

    /** A parsed line: a request, or a message saying what was wrong with it. */
    public sealed interface Parsed permits Parsed.Request, Parsed.Invalid, Parsed.Blank {
        record Request(CommandRequest request) implements Parsed {}

        record Invalid(String message) implements Parsed {}

        record Blank() implements Parsed {}
    }

    public Parsed parse(String line, CommandRequest caller) {
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty()) {
            return new Parsed.Blank();
        }
        if (!trimmed.startsWith("/")) {
            return new Parsed.Request(caller.withOptions(AskCommand.NAME, null, Map.of(AskCommand.QUESTION, trimmed)));
        }
        String rest = trimmed.substring(1).strip();
        String name = firstWord(rest).toLowerCase(Locale.ROOT);
        rest = rest.substring(Math.min(rest.length(), firstWord(rest).length())).strip();
        CommandSpec spec = specs.get(name);
        if (spec == null) {
            return new Parsed.Invalid(
                    name.isEmpty()
                            ? "Type a command after the slash, e.g. `/help`."
                            : "I don't know the command `/" + Text.code(name) + "`. Try `/help` to see what I can do.");
        }
        String subcommand = null;
        List<OptionSpec> options = spec.options();
        if (!spec.subcommands().isEmpty()) {
            String sub = firstWord(rest).toLowerCase(Locale.ROOT);
            Optional<CommandSpec.SubcommandSpec> found = spec.subcommand(sub);
            if (found.isEmpty()) {
                return new Parsed.Invalid((sub.isEmpty()
                                ? "`/" + name + "` needs a subcommand: "
                                : "`/" + name + "` has no subcommand `" + Text.code(sub) + "`. Choose one of: ")
                        + String.join(
                                ", ",
                                spec.subcommands().stream()
                                        .map(s -> "`" + s.name() + "`")
                                        .toList()) + ".");
            }
            subcommand = found.get().name();
            options = found.get().options();
            rest = rest.substring(firstWord(rest).length()).strip();
        }
        try {
            Map<String, Object> values =
                    parseOptions(rest, options, spec.name() + (subcommand == null ? "" : " " + subcommand));
            return new Parsed.Request(caller.withOptions(spec.name(), subcommand, values));
        } catch (IllegalArgumentException e) {
            return new Parsed.Invalid(e.getMessage());
        }
    }

    private static Map<String, Object> parseOptions(String text, List<OptionSpec> options, String path) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return values;
        }
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        options.forEach(o -> byName.put(o.name(), o));
        // A single string option may be given without its name: "/ask how long does it take".
        if (!OPTION_START.matcher(text).lookingAt()) {
            List<OptionSpec> strings = options.stream()
                    .filter(o -> o.type() == org.roadmapbot.core.OptionType.STRING)
                    .toList();
            if (options.size() == 1 && strings.size() == 1) {
                values.put(strings.get(0).name(), unquote(text));
                return values;
            }
            throw new IllegalArgumentException("Give options as `name:value`"
                    + (options.isEmpty()
                            ? "; `/" + path + "` takes none."
                            : ", e.g. `/" + path + " " + options.get(0).name() + ":...`."));
        }
        int pos = 0;
        while (pos < text.length()) {
            Matcher m = OPTION_START.matcher(text);
            m.region(pos, text.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException(
                        "I couldn't read `" + Text.code(text.substring(pos)) + "`: give options as `name:value`.");
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            OptionSpec spec = byName.get(name);
            if (spec == null) {
                throw new IllegalArgumentException("`/" + path + "` has no option `" + Text.code(name) + "`. "
                        + (options.isEmpty()
                                ? "It takes no options."
                                : "Options: "
                                        + String.join(
                                                ", ",
                                                options.stream()
                                                        .map(o -> "`" + o.name() + "`")
                                                        .toList()) + "."));
            }
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("The option `" + name + "` is given twice.");
            }
            pos = m.end();
            String raw;
            if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
                char quote = text.charAt(pos);
                StringBuilder value = new StringBuilder();
                int i = pos + 1;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length()) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (c == quote) {
                        closed = true;
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException(
                            "The value of `" + name + "` has an opening quote but no closing one.");
                }
                raw = value.toString();
                pos = i;
            } else {
                int end = nextOptionStart(text, pos, byName, isFreeText(spec));
                raw = text.substring(pos, end).strip();
                pos = end;
            }
            if (raw.isBlank()) {
                // One rule for every option: a name with nothing after it is a mistake, not "no filter".
                String example = example(spec);
                throw new IllegalArgumentException("`" + name + ":` has no value: give one"
                        + (example.isEmpty() ? "" : " (e.g. `" + name + ":" + example + "`)")
                        + " or leave the option out.");
            }
            values.put(name, convert(spec, raw));
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
        return values;
    }

    private static final Pattern OPTION_START = Pattern.compile("([A-Za-z0-9_]{1,32}):");

    private static final Pattern NEXT_OPTION = Pattern.compile("\\s+([A-Za-z0-9_]{1,32}):");

    /**
     * Where an unquoted value ends. Free text (a question) may itself contain "word:", so it runs to
     * the next known option name; any other value (a number, a choice, a topic, a zone) ends at the
     * next {@code word:}, so an unknown option after it is reported as unknown instead of being read
     * as part of that value ({@code pace:part-time extra:1}).
     */
    private static int nextOptionStart(String text, int from, Map<String, OptionSpec> byName, boolean freeText) {
        Matcher m = NEXT_OPTION.matcher(text);
        int search = from;
        while (m.find(search)) {
            if (!freeText || byName.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
                return m.start();
            }
            search = m.end();
        }
        return text.length();
    }

    private static boolean isFreeText(OptionSpec spec) {
        return spec.type() == org.roadmapbot.core.OptionType.STRING
                && spec.choices().isEmpty()
                && !spec.autocomplete();
    }

    private static String example(OptionSpec spec) {
        return switch (spec.type()) {
            case INTEGER, NUMBER ->
                spec.minValue() == null ? "1" : String.valueOf(spec.minValue().longValue());
            case BOOLEAN -> "true";
            default -> spec.choices().isEmpty() ? "" : spec.choices().get(0);
        };
    }

    /** Text typed for an option becomes the value Discord would send for its type. */
    static Object convert(OptionSpec spec, String raw) {
        String value = raw.strip();
        String name = "`" + spec.name() + "`";
        switch (spec.type()) {
            case INTEGER -> {
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            name + " must be a whole number, not `" + Text.code(value) + "`.");
                }
            }
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(value.startsWith("$") ? value.substring(1) : value);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a number, not `" + Text.code(value) + "`.");
                }
            }
            case BOOLEAN -> {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default ->
                        throw new IllegalArgumentException(
                                name + " must be true or false, not `" + Text.code(value) + "`.");
                };
            }
            case USER, CHANNEL -> {
                Matcher mention = Pattern.compile("<[@#][!&]?(\\d+)>").matcher(value);
                return mention.matches() ? mention.group(1) : value;
            }
            default -> {
                return raw;
            }
        }
    }

    private static String unquote(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i);
    }
}
