package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.console.ConsoleSession;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.knowledge.data.DataError;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.testing.CapturedOutput;
import org.roadmapbot.testing.ChildJvm;
import org.roadmapbot.testing.HoldDatabase;

class ApplicationDatabaseTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private AppConfig config() {
        return new AppConfig(dir, Optional.empty());
    }

    @Test
    void progressSurvivesARestartThroughTheConsole() {
        CommandRequest caller = new CommandRequest("1", "1", "console", false, "help", null, Map.of());
        try (Application app = Application.start(config())) {
            ConsoleSession console = new ConsoleSession(app.router(), caller, false);
            assertThat(console.handle("/progress start track:python pace:full-time")
                            .error())
                    .isFalse();
            assertThat(console.handle("/progress done topic:\"how http works\"").content())
                    .contains("Marked **How HTTP works** done");
        }
        try (Application app = Application.start(config())) {
            ConsoleSession console = new ConsoleSession(app.router(), caller, false);
            Reply show = console.handle("/progress show");
            assertThat(show.content()).contains("Python track").contains("1/25 topics done");
            assertThat(app.progress().progress("1", "1").state("http-basics")).contains(TopicState.DONE);
            assertThat(app.router().spec("progress")).isPresent();
            assertThat(app.router().spec("privacy")).isPresent();
        }
    }

    @Test
    void askStillAnswersWithTheDatabaseOpen() {
        try (Application app = Application.start(config())) {
            Reply reply = app.router()
                    .dispatch(new CommandRequest(
                            "1",
                            "1",
                            "console",
                            false,
                            "ask",
                            null,
                            Map.of("question", "How long does it take to become a backend developer?")));
            // The right entry, not just any: the answer names it and says what it holds.
            assertThat(reply.sources()).containsExactly("faq-how-long");
            assertThat(reply.content())
                    .contains("6-10 months of full-time study")
                    .contains("10-15 months part-time");
        }
    }

    @Test
    void askAnswersPersonalQuestionsFromTheAskersProgressOnceTheyStarted() {
        try (Application app = Application.start(config())) {
            Reply before = ask(app, "1", "What should I study next?");
            assertThat(before.content()).doesNotContain("Next for you");

            app.router()
                    .dispatch(new CommandRequest(
                            "1",
                            "1",
                            "console",
                            false,
                            "progress",
                            "start",
                            Map.of("track", "python", "pace", "full-time")));
            app.router()
                    .dispatch(new CommandRequest(
                            "1", "1", "console", false, "progress", "done", Map.of("topic", "pick-primary-language")));

            Reply next = ask(app, "1", "What should I study next?");
            Reply standing = ask(app, "1", "how far am I?");
            Reply general = ask(app, "1", "How long does it take to become a backend developer?");
            Reply someoneElse = ask(app, "2", "What should I study next?");

            assertThat(next.content()).startsWith("Next for you").contains("Variables, functions and control flow");
            assertThat(next.sources()).containsExactly("phase-1");
            assertThat(standing.content()).contains("Python track").contains("1/25 topics done");
            assertThat(standing.sources()).containsExactly("roadmap");
            assertThat(general.content()).doesNotContain("Next for you").doesNotContain("topics done");
            assertThat(general.sources()).containsExactly("faq-how-long");
            assertThat(someoneElse.content()).doesNotContain("Next for you");
        }
    }

    private static Reply ask(Application app, String member, String question) {
        return app.router()
                .dispatch(new CommandRequest("1", member, "console", false, "ask", null, Map.of("question", question)));
    }

    @Test
    void aDataErrorAtStartLeavesTheDatabaseFreeForTheNextProcess() throws Exception {
        // The database opens while the knowledge loads; a data error must not leave it open (locked).
        Path noData = Files.createDirectories(dir.resolve("no-data"));
        assertThatThrownBy(() -> Application.start(new AppConfig(dir, Optional.of(noData))))
                .isInstanceOf(DataError.class);

        Process holder = ChildJvm.start(HoldDatabase.class, dir.toString());
        try {
            ChildJvm.awaitLine(ChildJvm.stdout(holder), "READY");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aLockedDatabaseStopsStartWithOneMessageAndNoStackTrace() throws Exception {
        Process holder = ChildJvm.start(HoldDatabase.class, dir.toString());
        try {
            BufferedReader out = ChildJvm.stdout(holder);
            ChildJvm.awaitLine(out, "READY");

            assertThatThrownBy(() -> Application.start(config()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("in use by another process");

            output.reset();
            int exit = Main.execute("console", "--data-dir", dir.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(output.err())
                    .startsWith("roadmap-bot: cannot start: the database")
                    .contains("in use by another process")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");

            // A one-shot ask needs no database for a general question, so the running bot's lock is no obstacle;
            // a personal question says politely that it cannot read the progress now.
            output.reset();
            assertThat(Main.execute("ask", "--data-dir", dir.toString(), "how much is boot.dev?"))
                    .isZero();
            assertThat(Main.execute("ask", "--data-dir", dir.toString(), "how far am I?"))
                    .isEqualTo(1);
            assertThat(output.out())
                    .contains("$49")
                    .contains("I couldn't open the bot's data to answer from your progress")
                    .contains("in use by another process")
                    .doesNotContain("Exception");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void databaseSettingsComeFromTheEnvironment() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                DatabaseConfig.URL,
                "jdbc:postgresql://db:5432/bot",
                DatabaseConfig.USER,
                "bot",
                DatabaseConfig.PASSWORD,
                "s3cret",
                AppConfig.DATA_DIR,
                "/tmp/x"));

        assertThat(config.database().jdbcUrl(config.dataDir())).isEqualTo("jdbc:postgresql://db:5432/bot");
        assertThat(config.database().user()).isEqualTo("bot");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.withDataDir(dir).database()).isEqualTo(config.database());
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(DatabaseConfig.URL, "mysql://x")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("ROADMAP_BOT_DB_URL");
    }
}
