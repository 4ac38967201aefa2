package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.H2Backup;
import org.roadmapbot.testing.CapturedOutput;
import org.roadmapbot.testing.ChildJvm;
import org.roadmapbot.testing.HoldDatabase;

/** `backup`, `restore` and `compact` for a stopped bot: what they do, and how they refuse. */
class BackupCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void backupThenRestoreOverAChangedDatabaseBringsTheBackupBack() throws Exception {
        Path data = dir.resolve("data");
        mark(data, "m1", "git-basics");
        Path zip = dir.resolve("b.zip");
        assertThat(Main.execute("backup", "--data-dir", data.toString(), "--to", zip.toString()))
                .isZero();
        assertThat(output.out()).contains("Backed up");
        mark(data, "m2", "git-basics"); // after the backup

        byte[] current = Files.readAllBytes(data.resolve(H2Backup.STORE_FILE));
        assertThat(Main.execute("restore", "--data-dir", data.toString(), "--from", zip.toString()))
                .isEqualTo(2);
        assertThat(errorLine()).contains("already holds a database", "--force");
        assertThat(Files.readAllBytes(data.resolve(H2Backup.STORE_FILE)))
                .as("nothing changed")
                .isEqualTo(current);

        assertThat(Main.execute("restore", "--data-dir", data.toString(), "--from", zip.toString(), "--force"))
                .isZero();
        assertThat(data.resolve(H2Backup.STORE_FILE + H2Backup.REPLACED_SUFFIX)).exists();
        try (Application app = Application.start(new AppConfig(data, Optional.empty()))) {
            assertThat(show(app, "m1").content()).doesNotContain("haven't started");
            assertThat(show(app, "m2").content())
                    .as("the change made after the backup")
                    .contains("haven't started");
        }
    }

    @Test
    void backupRefusesAnExistingFileAndARunningBot() throws Exception {
        Path data = dir.resolve("data");
        mark(data, "m1", "git-basics");
        Path taken = Files.writeString(dir.resolve("taken.zip"), "keep me");
        assertThat(Main.execute("backup", "--data-dir", data.toString(), "--to", taken.toString()))
                .isEqualTo(2);
        assertThat(errorLine()).contains("already exists");
        assertThat(Files.readString(taken)).isEqualTo("keep me");

        Process bot = ChildJvm.start(HoldDatabase.class, data.toString());
        try {
            BufferedReader childOut = ChildJvm.stdout(bot);
            ChildJvm.awaitLine(childOut, "READY");
            Path zip = dir.resolve("running.zip");
            output.reset();
            assertThat(Main.execute("backup", "--data-dir", data.toString(), "--to", zip.toString()))
                    .isEqualTo(2);
            assertThat(errorLine()).contains("in use by a running bot");
            assertThat(zip).doesNotExist();
            output.reset();
            Path other = dir.resolve("other.zip");
            Files.copy(taken, other);
            assertThat(Main.execute("restore", "--data-dir", data.toString(), "--from", other.toString(), "--force"))
                    .isEqualTo(2);
        } finally {
            bot.getOutputStream().close();
            bot.waitFor();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void restoreRefusesWhatIsNotABackupAndChangesNothing() throws Exception {
        Path data = dir.resolve("data");
        mark(data, "m1", "git-basics");
        byte[] current = Files.readAllBytes(data.resolve(H2Backup.STORE_FILE));
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "hello");
        Path otherZip = dir.resolve("other.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        for (Path bad : new Path[] {notZip, otherZip, dir.resolve("missing.zip")}) {
            output.reset();
            assertThat(Main.execute("restore", "--data-dir", data.toString(), "--from", bad.toString(), "--force"))
                    .as(bad.toString())
                    .isEqualTo(2);
            assertThat(errorLine()).startsWith("roadmap-bot: cannot start: restore: ");
            assertThat(Files.readAllBytes(data.resolve(H2Backup.STORE_FILE))).isEqualTo(current);
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(H2Backup.STORE_FILE);
        }
    }

    @Test
    void compactShrinksAStoppedBotsFileAndKeepsItsData() throws Exception {
        Path data = dir.resolve("data");
        mark(data, "m1", "git-basics");
        assertThat(Main.execute("compact", "--data-dir", data.toString())).isZero();
        assertThat(output.out()).containsPattern("Compacted .*: [0-9.]+ MB -> [0-9.]+ MB");
        try (Application app = Application.start(new AppConfig(data, Optional.empty()))) {
            assertThat(show(app, "m1").content()).doesNotContain("haven't started");
        }
        output.reset();
        assertThat(Main.execute(
                        "compact", "--data-dir", dir.resolve("nothing-here").toString()))
                .isEqualTo(2);
        assertThat(errorLine()).contains("no database in");
    }

    private String errorLine() {
        String text = output.err().strip();
        assertThat(text.lines()).as("one line, no stack trace: " + text).hasSize(1);
        return text;
    }

    private void mark(Path data, String member, String topic) {
        try (Application app = Application.start(new AppConfig(data, Optional.empty()))) {
            run(app, member, "start", Map.of("track", "python", "pace", "part-time"));
            Reply done = run(app, member, "done", Map.of("topic", topic));
            assertThat(done.error()).as(done.content()).isFalse();
        }
        output.reset(); // the application's own log lines
    }

    private static Reply show(Application app, String member) {
        return run(app, member, "show", Map.of());
    }

    private static Reply run(Application app, String member, String sub, Map<String, Object> options) {
        return app.router().dispatch(new CommandRequest("g", member, "Member", false, "progress", sub, options));
    }
}
