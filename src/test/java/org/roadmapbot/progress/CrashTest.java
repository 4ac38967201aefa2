package org.roadmapbot.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.testing.ChildJvm;

/**
 * Nothing acknowledged is lost: a separate JVM writes progress changes and prints each after
 * its commit; it is killed with SIGKILL mid-run; every printed change must be in the database,
 * which must open (and migrate) cleanly.
 */
class CrashTest {

    private static final int KILL_AFTER = 300;

    @TempDir
    Path dir;

    @Test
    void everyPrintedChangeSurvivesKillDashNine() throws Exception {
        Process writer = ChildJvm.start(CrashWriter.class, dir.toString());
        List<String> printed = new ArrayList<>();
        boolean aliveAtKill;
        try {
            BufferedReader out = ChildJvm.stdout(writer);
            ChildJvm.awaitLine(out, "READY");
            String line;
            while (printed.size() < KILL_AFTER && (line = out.readLine()) != null) {
                printed.add(line);
            }
            aliveAtKill = writer.isAlive();
            writer.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close()
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }

        assertThat(aliveAtKill).as("the writer was killed mid-run").isTrue();
        assertThat(writer.exitValue()).isNotZero();
        assertThat(printed).hasSize(KILL_AFTER);

        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            ProgressRepository repository = new ProgressRepository(db.dataSource());
            for (String line : printed) {
                String[] parts = line.split(" ");
                String member = parts[1];
                MemberProgress progress = repository.load(CrashWriter.GUILD, member);
                if (parts[2].equals("start")) {
                    assertThat(progress.enrollment()).as(line).isPresent();
                } else {
                    assertThat(progress.state(parts[3])).as(line).contains(TopicState.DONE);
                    assertThat(repository.events(CrashWriter.GUILD, member))
                            .as(line)
                            .anyMatch(
                                    e -> e.kind().equals("done") && e.topicId().equals(parts[3]));
                }
            }
        }
    }
}
