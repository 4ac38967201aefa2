package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roadmapbot.testing.CapturedOutput;

/** `bench` collects every subcommand's figures into one table (quick runs: a smoke test, not figures). */
class BenchTest {

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void benchPrintsOneTableWithEveryChosenBenchmarkAndTheMachine() {
        int code = Bench.execute("--quick", "--only", "startup,load");
        String table = output.out();

        assertThat(code).as(table).isZero();
        assertThat(table).startsWith("| bench | figure | value |\n|---|---|---|\n");
        assertThat(table)
                .contains("| startup | start-up to first answer, fresh JVM")
                .contains("| startup | memory after start-up: live heap after full GC |")
                .contains("| load | commands/s sustained (2,000/s offered for 5 s) |")
                .contains("| load | errors | 0 |")
                // Measured in a fresh JVM with the documented flags (all of jvm.options), and it says so.
                .contains("| load | JVM flags | `" + String.join(" ", DocumentedJvm.flags()) + " MALLOC_ARENA_MAX=2` |")
                // The collections of the soak, none forced by the bench: the collector's own, with what they promoted
                // (its young collector by the name the JVM gives it: "PS Scavenge" with jvm.options, "Copy" if serial).
                .containsPattern("\\| load \\| collections during the soak \\(count, total pause, longest\\) \\| "
                        + ".*(?:PS Scavenge|Copy) [\\d,]+ \\([0-9.]+ s, longest [\\d,]+ ms\\)")
                .containsPattern("\\| load \\| full collections / promoted to the old generation during the soak \\| "
                        + "[\\d,]+ / \\d+ MB \\([0-9.]+ KB a command\\) \\|")
                .doesNotContain("forced by the heap watch")
                .containsPattern(
                        "\\| load \\| process resident memory at the end of the soak / peak until then \\| \\d+ MB / \\d+ MB \\|")
                .containsPattern("\\| machine \\| \\| \\d+ cores.*Java 17");
        assertThat(table).doesNotContain("| answers |").doesNotContainPattern("(?m)^\\| figure \\| value \\|$");
    }

    @Test
    void onlyWithOneNameRunsThatBenchmarkInTheTable() {
        int code = Bench.execute("--quick", "--only", "startup");
        String table = output.out();

        assertThat(code).as(table).isZero();
        assertThat(table)
                .startsWith("| bench | figure | value |\n|---|---|---|\n")
                .contains("| startup | start-up to first answer, fresh JVM")
                // The Docker image's set-up too: the documented flags and a class-data archive made first.
                .containsPattern("\\| startup \\| start-up to first answer, fresh JVM with the documented flags and a "
                        + "class-data archive, as the Docker image \\(median of 1\\) \\| \\d+ ms \\|")
                .doesNotContain("| load |")
                .doesNotContain("| answers |");
    }

    @Test
    void storageBenchComparesTheFileWithACompactedCopyAndACleanRestartBringsItBack() {
        int code = Bench.execute("storage", "--members", "300", "--duration", "4s", "--every", "2s");
        String table = output.out();

        assertThat(code).as(table).isZero();
        assertThat(table)
                .containsPattern(
                        "\\| H2 file / compacted copy after seeding \\| [0-9.,]+ MB / [0-9.,]+ MB \\([0-9.]+×\\) \\|")
                .containsPattern("\\| H2 file every 2 s at 10 writes/s \\(MB\\) \\| \\d+, \\d+ \\|")
                .containsPattern("\\| compacted copy before / after the writes \\| [0-9.,]+ MB / [0-9.,]+ MB \\|")
                .containsPattern("\\| largest file / compacted copy ratio at 10 writes/s \\| [0-9.]+× \\|");
        java.util.regex.Matcher restart = java.util.regex.Pattern.compile(
                        "\\| H2 file / compacted copy after a clean restart \\| .* \\(([0-9.]+)×\\) \\|")
                .matcher(table);
        assertThat(restart.find()).as(table).isTrue();
        // The goal: after a clean stop (which compacts) the file is at most twice its live data.
        assertThat(Double.parseDouble(restart.group(1))).isLessThanOrEqualTo(2.0);
    }

    @Test
    void everyBenchmarkPrintsItsHelp() {
        assertThat(Bench.execute("--help")).isZero();
        assertThat(output.out())
                .contains("Usage: bench")
                .contains("answers")
                .contains("discord")
                .contains("phrasing")
                .contains("storage");
        output.reset();
        assertThat(Bench.execute("load", "--help")).isZero();
        assertThat(output.out()).contains("Usage: bench load").contains("10 % leaderboard share");
    }

    @Test
    void tableRowsAreReadFromAnyBenchmarksMarkdown() {
        List<String[]> rows = Bench.tableRows("""
                some log line
                | figure | value |
                |---|---|
                | nudges scheduled/s | 1,234 |
                | mix | a \\| b |
                not a row
                """);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("nudges scheduled/s", "1,234");
        assertThat(rows.get(1)).containsExactly("mix", "a \\| b");
    }
}
