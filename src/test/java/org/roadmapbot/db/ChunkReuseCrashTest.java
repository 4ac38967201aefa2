package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.testing.ChildJvm;

/**
 * kill -9 after the file has been reusing freed chunks for a while: a writer process runs as the
 * bot does for two retention periods and a bit, is killed with SIGKILL, and every row it printed
 * (= committed) must be in the database when it is opened again.
 *
 * <p>In {@code mvn verify}: one run with the bot's own settings ({@link DatabaseConfig#H2_SETTINGS},
 * 5 s retention). Other settings, and repeated runs, with system properties, e.g. H2's default
 * 45 s retention five times:
 * {@code -Dcrash.settings=";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
 * -Dcrash.retentionMillis=45000 -Dcrash.runs=5} (README, "Database file size").
 */
class ChunkReuseCrashTest {

    @TempDir
    Path dir;

    /** What a run found, for the report of a repeated run. */
    record Run(int printed, int missing, Map<String, String> settings) {}

    @Test
    void everyCommittedRowSurvivesKillDashNineWhileFreedChunksAreReused() throws Exception {
        String settings = System.getProperty("crash.settings", DatabaseConfig.H2_SETTINGS);
        long retention = Long.getLong("crash.retentionMillis", H2Housekeeping.RETENTION_MILLIS);
        int runs = Integer.getInteger("crash.runs", 1);
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run run = killOnce(dir.resolve("run-" + i), settings, 2 * retention + 4_000);
            System.out.println("kill -9 run " + (i + 1) + "/" + runs + " with " + run.settings() + ": " + run.printed()
                    + " rows committed, " + run.missing() + " missing after reopening");
            results.add(run);
        }
        for (Run run : results) {
            assertThat(run.settings()).containsEntry("WRITE_DELAY", "0");
            assertThat(run.printed()).isGreaterThan(100);
            assertThat(run.missing()).isZero();
        }
    }

    private static Run killOnce(Path dataDir, String settings, long killAfterMillis) throws Exception {
        Process writer = ChildJvm.start(ChunkReuseCrashWriter.class, dataDir.toString(), settings);
        Set<String> printed = new HashSet<>();
        Map<String, String> reported = new HashMap<>();
        boolean aliveAtKill;
        try {
            BufferedReader out = ChildJvm.stdout(writer);
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                if (line.startsWith("SETTING ")) {
                    String[] setting = line.substring("SETTING ".length()).split("=", 2);
                    reported.put(setting[0], setting[1]);
                }
            }
            assertThat(line).as("the writer started").isEqualTo("READY");
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfterMillis);
            while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
                printed.add("m" + line);
            }
            aliveAtKill = ChildJvm.killDashNine(writer);
        } finally {
            writer.destroyForcibly();
        }
        assertThat(aliveAtKill).as("the writer was killed mid-run").isTrue();

        Set<String> stored = new HashSet<>();
        try (Database db = Database.open(DatabaseConfig.embedded(), dataDir);
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT member_id FROM member_settings WHERE guild_id = 'g'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        Set<String> missing = new HashSet<>(printed);
        missing.removeAll(stored);
        return new Run(printed.size(), missing.size(), reported);
    }
}
