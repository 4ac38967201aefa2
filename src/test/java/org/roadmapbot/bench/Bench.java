package org.roadmapbot.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `bench`: every figure of the project in one table. Runs each `bench <feature>` subcommand in
 * turn, in this process, with its default options (smaller ones with --quick), collects the
 * `| figure | value |` rows it prints and prints them under one header with the machine.
 *
 * <p>The benchmarks live in test sources, so the bot's jar carries none of them; they run from
 * Maven's test classpath, built and started by the {@code bench} profile:
 * {@code mvn -B -Pbench -DskipTests verify} (all), {@code -Dbench.args="load --duration 10m"} (one,
 * with its options). Benchmarks that measure memory start fresh JVMs of their own.
 *
 * <p>Extension point: a feature adds its benchmark as a subcommand here (`subcommands` below)
 * that prints a markdown table of `| figure | value |` rows ({@link BenchSetup#header}); it then
 * appears in this table with no other change. `bench <feature>` runs one alone.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Print all of the project's figures in one table (or run one: bench <feature>).",
        subcommands = {
            AnswersBench.class,
            StartupBench.class,
            ProgressBench.class,
            NudgeBench.class,
            LeaderboardBench.class,
            LoadBench.class,
            StorageBench.class,
            PhrasingBench.class,
            DiscordBench.class,
            FaqBench.class
        })
public final class Bench implements Callable<Integer> {

    /** `bench [--quick] [--only a,b]`, or `bench <feature> [options]`; exits with the run's status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        // "--only load" names one benchmark, though "load" is also a subcommand: without this, picocli would run
        // the subcommand and reject "--only" as missing its value.
        return new CommandLine(new Bench())
                .setAllowSubcommandsAsOptionParameters(true)
                .execute(args);
    }

    /** Smaller runs for --quick, per subcommand; subcommands not listed run with their defaults. */
    private static final Map<String, List<String>> QUICK = Map.of(
            "answers", List.of("--questions", "2000", "--warmup", "500"),
            "startup", List.of("--runs", "1"),
            "progress", List.of("--members", "2000", "--writes", "2000", "--shows", "500"),
            "load",
                    List.of(
                            "--duration",
                            "5s",
                            "--max-duration",
                            "3s",
                            "--warmup",
                            "2s",
                            "--members",
                            "200",
                            "--threads",
                            "8"),
            "nudges", List.of("--members", "500", "--commands", "100", "--shows", "200"),
            "leaderboard", List.of("--members", "2000"),
            "storage", List.of("--members", "2000", "--duration", "10s", "--every", "5s"),
            "phrasing", List.of("--asks", "100", "--stalled", "2"),
            "discord", List.of("--commands", "40", "--warm-up", "40"),
            "faq", List.of("--servers", "200", "--cold", "20", "--warm", "10", "--asks", "500"));

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Short runs of every benchmark (a smoke test, not the README figures).")
    boolean quick;

    @Option(names = "--only", split = ",", description = "Run only these benchmarks, e.g. --only answers,load.")
    List<String> only;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<String[]> rows = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            String name = sub.getKey();
            if (only != null && !only.contains(name)) {
                continue;
            }
            System.err.printf(Locale.ROOT, "bench: running %s…%n", name);
            long start = System.nanoTime();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            int code;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                List<String> args = quick ? QUICK.getOrDefault(name, List.of()) : List.of();
                // A fresh CommandLine per run: picocli keeps option values on the command object.
                code = new CommandLine(
                                sub.getValue().getCommandSpec().userObject().getClass())
                        .execute(args.toArray(String[]::new));
            } catch (RuntimeException e) {
                code = -1;
            } finally {
                System.setOut(out);
            }
            System.err.printf(Locale.ROOT, "bench: %s done in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
            List<String[]> own = tableRows(captured.toString(StandardCharsets.UTF_8));
            if (code != 0 || own.isEmpty()) {
                failed.add(name);
            }
            own.stream().filter(r -> !r[0].equals("machine")).forEach(r -> rows.add(new String[] {name, r[0], r[1]}));
        }
        out.println("| bench | figure | value |");
        out.println("|---|---|---|");
        rows.forEach(r -> out.printf(Locale.ROOT, "| %s | %s | %s |%n", r[0], r[1], r[2]));
        out.printf(Locale.ROOT, "| machine | | %s |%n", Machine.describe());
        if (!failed.isEmpty()) {
            System.err.println("bench: these benchmarks failed or printed no figures: " + String.join(", ", failed));
            return 1;
        }
        return 0;
    }

    /** The body rows of a markdown `| figure | value |` table (header and separator skipped). */
    static List<String[]> tableRows(String text) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("|") || !t.endsWith("|") || t.startsWith("|---") || t.equals("| figure | value |")) {
                continue;
            }
            // Split on the first unescaped '|' after the figure: values may contain "\|".
            String inner = t.substring(1, t.length() - 1);
            int bar = -1;
            for (int i = 0; i < inner.length(); i++) {
                if (inner.charAt(i) == '|' && (i == 0 || inner.charAt(i - 1) != '\\')) {
                    bar = i;
                    break;
                }
            }
            if (bar < 0) {
                continue;
            }
            rows.add(new String[] {
                inner.substring(0, bar).strip(), inner.substring(bar + 1).strip()
            });
        }
        return rows;
    }
}
