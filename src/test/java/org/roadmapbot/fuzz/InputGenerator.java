package org.roadmapbot.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.OptionSpec;

/**
 * Generates requests for one command path from its spec alone (so commands added later are
 * covered without changes here): typed requests as the Discord adapter builds them, with valid,
 * hostile, out-of-range, wrongly typed, missing and unknown options; and console lines as a
 * member types them.
 */
final class InputGenerator {

    /** A command, or one subcommand of it: what a member can run. */
    record Path(CommandSpec spec, CommandSpec.SubcommandSpec sub) {
        String subName() {
            return sub == null ? null : sub.name();
        }

        List<OptionSpec> options() {
            return sub == null ? spec.options() : sub.options();
        }

        @Override
        public String toString() {
            return "/" + spec.name() + (sub == null ? "" : " " + sub.name());
        }

        static List<Path> all(List<CommandSpec> specs) {
            List<Path> paths = new ArrayList<>();
            for (CommandSpec spec : specs) {
                if (spec.subcommands().isEmpty()) {
                    paths.add(new Path(spec, null));
                } else {
                    spec.subcommands().forEach(s -> paths.add(new Path(spec, s)));
                }
            }
            return paths;
        }
    }

    static final String GUILD = "900000000000000001";
    static final List<String> GUILDS = List.of(GUILD, "900000000000000002");
    /** Members 0-2 are enrolled before fuzzing starts; the others are not. */
    static final List<String> MEMBERS = List.of(
            "800000000000000001",
            "800000000000000002",
            "800000000000000003",
            "800000000000000004",
            "800000000000000005",
            "1");

    private final CommandRouter router;
    private final List<String> corpus;

    InputGenerator(CommandRouter router, List<String> corpus) {
        this.router = router;
        this.corpus = List.copyOf(corpus);
    }

    CommandRequest caller(SplittableRandom random) {
        String guild = GUILDS.get(random.nextInt(10) == 0 ? 1 : 0);
        String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
        String name =
                random.nextBoolean() ? "Member " + member.substring(member.length() - 1) : HostileStrings.next(random);
        return new CommandRequest(guild, member, name, random.nextInt(4) == 0, "help", null, Map.of());
    }

    /** A typed request, as an adapter would build it (values already typed, possibly wrongly). */
    CommandRequest request(Path path, SplittableRandom random) {
        CommandRequest caller = caller(random);
        String command = path.spec().name();
        String sub = path.subName();
        int corrupt = random.nextInt(100);
        if (corrupt < 2) {
            command = command.toUpperCase(Locale.ROOT);
        } else if (corrupt < 5) {
            sub = random.nextBoolean() ? null : HostileStrings.pick(random);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec option : path.options()) {
            int include = random.nextInt(100);
            if (include < (option.required() ? 88 : 55)) {
                options.put(option.name(), value(path, option, caller, random));
            }
        }
        if (random.nextInt(10) == 0) {
            String unknown = random.nextBoolean() ? "unknown_option" : HostileStrings.pick(random);
            options.putIfAbsent(unknown, random.nextBoolean() ? HostileStrings.next(random) : random.nextLong());
        }
        return caller.withOptions(command, sub, options);
    }

    /** A console line: "/command sub name:value ...", with quoting mistakes and junk mixed in. */
    String consoleLine(Path path, CommandRequest caller, SplittableRandom random) {
        StringBuilder line = new StringBuilder(random.nextInt(20) == 0 ? "  /" : "/");
        line.append(
                random.nextInt(15) == 0
                        ? path.spec().name().toUpperCase(Locale.ROOT)
                        : path.spec().name());
        if (path.sub() != null && random.nextInt(25) != 0) {
            line.append(' ').append(path.sub().name());
        } else if (random.nextInt(25) == 0) {
            line.append(' ').append(HostileStrings.pick(random));
        }
        for (OptionSpec option : path.options()) {
            if (random.nextInt(100) < (option.required() ? 85 : 50)) {
                line.append(' ').append(option.name()).append(':').append(typed(path, option, caller, random));
            }
        }
        int extra = random.nextInt(100);
        if (extra < 8) {
            line.append(" unknown:").append(HostileStrings.next(random));
        } else if (extra < 14 && !path.options().isEmpty()) {
            OptionSpec twice = path.options().get(random.nextInt(path.options().size()));
            line.append(' ').append(twice.name()).append(":x");
        } else if (extra < 22) {
            line.append(' ').append(HostileStrings.next(random));
        } else if (extra < 26) {
            line.append(" \"unclosed");
        }
        return line.toString();
    }

    private String typed(Path path, OptionSpec option, CommandRequest caller, SplittableRandom random) {
        Object value = random.nextInt(100) < 55 ? valid(path, option, caller, random) : HostileStrings.next(random);
        String text = String.valueOf(value);
        return switch (random.nextInt(6)) {
            case 0 -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 1 -> "'" + text + "'";
            case 2 -> "\"" + text; // maybe unclosed
            default -> text;
        };
    }

    /** 45 % valid, 35 % the right type but hostile or out of range, 20 % the wrong type. */
    Object value(Path path, OptionSpec option, CommandRequest caller, SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 45) {
            return valid(path, option, caller, random);
        }
        if (kind < 80) {
            return hostileOfType(option, random);
        }
        return wrongType(random);
    }

    Object valid(Path path, OptionSpec option, CommandRequest caller, SplittableRandom random) {
        if (!option.choices().isEmpty()) {
            String choice = option.choices().get(random.nextInt(option.choices().size()));
            return switch (random.nextInt(4)) {
                case 0 -> choice.toUpperCase(Locale.ROOT);
                case 1 -> " " + choice + " ";
                default -> choice;
            };
        }
        if (option.autocomplete() && random.nextInt(4) != 0) {
            String typed = random.nextBoolean() ? "" : HostileStrings.pick(random);
            List<Command.Choice> choices = router.autocomplete(
                    caller.withOptions(path.spec().name(), path.subName(), Map.of()), option.name(), typed);
            if (!choices.isEmpty()) {
                return choices.get(random.nextInt(choices.size())).value();
            }
        }
        return switch (option.type()) {
            case STRING -> corpus.get(random.nextInt(corpus.size()));
            case INTEGER -> {
                long min = option.minValue() == null ? -1000 : option.minValue().longValue();
                long max = option.maxValue() == null ? 1000 : option.maxValue().longValue();
                yield random.nextLong(min, max + 1);
            }
            case NUMBER -> {
                double min = option.minValue() == null ? -1000 : option.minValue();
                double max = option.maxValue() == null ? 1000 : option.maxValue();
                yield random.nextBoolean()
                        ? (double) Math.round(min + random.nextDouble() * (max - min))
                        : min + random.nextDouble() * (max - min);
            }
            case BOOLEAN -> random.nextBoolean();
            case USER -> MEMBERS.get(random.nextInt(MEMBERS.size()));
            case CHANNEL -> "700000000000000001";
        };
    }

    private static Object hostileOfType(OptionSpec option, SplittableRandom random) {
        return switch (option.type()) {
            case STRING, USER, CHANNEL -> HostileStrings.next(random);
            case INTEGER -> {
                long min = option.minValue() == null ? 0 : option.minValue().longValue();
                long max = option.maxValue() == null ? 0 : option.maxValue().longValue();
                long[] values = {
                    min - 1, max + 1, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, min - 1_000_000, max * 1000 + 7
                };
                yield values[random.nextInt(values.length)];
            }
            case NUMBER -> {
                double min = option.minValue() == null ? 0 : option.minValue();
                double max = option.maxValue() == null ? 0 : option.maxValue();
                double[] values = {
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    -0.0,
                    Double.MAX_VALUE,
                    -Double.MAX_VALUE,
                    Double.MIN_VALUE,
                    min - 0.001,
                    max + 1e-9,
                    max * 10 + 1,
                    Math.nextDown(min)
                };
                yield values[random.nextInt(values.length)];
            }
            case BOOLEAN -> random.nextBoolean();
        };
    }

    private static Object wrongType(SplittableRandom random) {
        Object[] values = {
            "12",
            "true",
            HostileStrings.pick(random),
            5L,
            -3L,
            7,
            1.5,
            -0.5,
            true,
            false,
            List.of("x"),
            Map.of("k", "v"),
            new BigDecimal("1e400"),
            'c',
            (short) 1,
            (byte) 2,
            3.5f,
            new Object()
        };
        return values[random.nextInt(values.length)];
    }
}
