package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash images: a copy of the file taken right after a commit returned is what kill -9 leaves
 * (with WRITE_DELAY=0 every commit is written before it returns, and the OS keeps what a killed
 * process wrote). Each image must reopen with every row committed before it. The store reuses
 * freed space after 1 s here instead of the bot's 45 s, so H2 2.5.252's lost-header case (see
 * {@link H2CrashRecovery}) comes up within seconds; {@code ChunkReuseCrashTest} does the same with
 * a real kill -9 and the bot's own settings.
 */
class H2CrashRecoveryTest {

    @TempDir
    Path dir;

    record Image(Path dataDir, int lastRow) {}

    @Test
    void everyCrashImageReopensWithEveryRowCommittedBeforeIt() throws Exception {
        Path live = dir.resolve("live");
        List<Image> images = new ArrayList<>();
        DatabaseConfig config = new DatabaseConfig(
                Optional.of(ChunkReuseCrashWriter.url(live, ChunkReuseCrashWriter.withRetention(1_000))), "sa", "");
        try (Database db = Database.open(config, live);
                Connection c = db.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(ChunkReuseCrashWriter.INSERT);
                PreparedStatement hot = c.prepareStatement(ChunkReuseCrashWriter.HOT_UPDATE)) {
            long end = System.nanoTime() + 8_000_000_000L;
            for (int n = 0; System.nanoTime() < end && images.size() < 30; n++) {
                ChunkReuseCrashWriter.commitRow(insert, hot, n);
                if (n % 20 == 19) {
                    Path image = dir.resolve("image-" + n);
                    Files.createDirectory(image);
                    Files.copy(live.resolve(H2Backup.STORE_FILE), image.resolve(H2Backup.STORE_FILE));
                    images.add(new Image(image, n));
                }
                Thread.sleep(2);
            }
        }
        assertThat(images).hasSizeGreaterThan(15);

        int recovered = 0;
        List<String> wrong = new ArrayList<>();
        for (Image image : images) {
            Path file = image.dataDir().resolve(H2Backup.STORE_FILE);
            // What H2 alone reopens: a read-only look that changes nothing.
            int beforeRecovery = lastRow(DatabaseConfig.defaultUrl(image.dataDir()) + ";ACCESS_MODE_DATA=r");
            Optional<H2CrashRecovery.Recovered> recovery = H2CrashRecovery.recover(file);
            if (recovery.isPresent()) {
                recovered++;
            } else {
                assertThat(beforeRecovery)
                        .as("H2 alone reopens %s at its last row", file)
                        .isEqualTo(image.lastRow());
            }
            try (Database db = Database.open(DatabaseConfig.embedded(), image.dataDir())) {
                int last = lastRow(db);
                if (last != image.lastRow()) {
                    wrong.add("image after row " + image.lastRow() + " reopened at row " + last);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // The case this guards against came up: H2 alone would have reopened some images too early.
        assertThat(recovered)
                .as("no copy needed recovering: if H2 was upgraded and fixed its header (see H2CrashRecovery), "
                        + "H2CrashRecovery and this assertion can go")
                .isPositive();
    }

    @Test
    void aCleanlyClosedFileIsLeftAlone() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            assertThat(db.isH2()).isTrue();
        }
        Path file = dir.resolve(H2Backup.STORE_FILE);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(H2CrashRecovery.recover(file)).isEmpty();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        assertThat(H2CrashRecovery.recover(dir.resolve("missing.mv.db"))).isEmpty();
    }

    @Test
    void aFileInUseIsLeftToH2ToReport() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), dir)) {
            assertThat(H2CrashRecovery.recover(dir.resolve(H2Backup.STORE_FILE)))
                    .isEmpty();
            assertThat(lastRow(db)).isEqualTo(-1);
        }
    }

    private static int lastRow(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return lastRow(c);
        }
    }

    private static int lastRow(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            return lastRow(c);
        }
    }

    private static int lastRow(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT MAX(CAST(SUBSTRING(member_id, 2) AS INT)) FROM member_settings WHERE guild_id = 'g'")) {
            rs.next();
            int last = rs.getInt(1);
            return rs.wasNull() ? -1 : last;
        }
    }
}
