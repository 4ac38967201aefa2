package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.testing.ChildJvm;

/**
 * kill -9 after the file has been overwriting freed chunks for a while: with the shortened retention
 * time ({@link H2Housekeeping#RETENTION_MILLIS}) chunks are reused after 10 s, so the writer runs for
 * two retention periods before it is killed. Every printed (= committed) row must be there, and the
 * file must open cleanly.
 */
class ChunkReuseCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyCommittedRowSurvivesKillDashNineWhileFreedChunksAreReused() throws Exception {
        Process writer = ChildJvm.start(ChunkReuseCrashWriter.class, dir.toString());
        Set<String> printed = new HashSet<>();
        boolean aliveAtKill;
        try {
            BufferedReader out = ChildJvm.stdout(writer);
            ChildJvm.awaitLine(out, "READY");
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2L * H2Housekeeping.RETENTION_MILLIS + 3_000);
            String line;
            while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
                printed.add("m" + line);
            }
            aliveAtKill = writer.isAlive();
            writer.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close()
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(aliveAtKill).as("the writer was killed mid-run").isTrue();
        assertThat(printed).hasSizeGreaterThan(100);

        Set<String> stored = new HashSet<>();
        try (Database db = Database.open(DatabaseConfig.embedded(), dir);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT member_id FROM member_settings WHERE guild_id = 'g'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).containsAll(printed);
    }
}
