package org.roadmapbot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.Database;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;

/**
 * A fresh {@link TestBot} for each test, on a database of its own (H2 in a new temporary folder,
 * or whatever {@code factory} opens there: a subclass runs the same tests on PostgreSQL), closed
 * and its folder deleted after the test. Register it with
 * {@code @RegisterExtension final BotPerTest bot = new BotPerTest(this::newBot);}.
 */
public final class BotPerTest implements BeforeEachCallback, AfterEachCallback {

    private final Function<Path, TestBot> factory;
    private Path dir;
    private TestBot bot;

    public BotPerTest(Function<Path, TestBot> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("roadmap-bot-test");
        bot = factory.apply(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            TempFiles.deleteTree(dir);
        }
    }

    /** The test's bot. */
    public TestBot get() {
        return bot;
    }

    public Reply run(String guild, String member, String command, String sub, Object... keyValues) {
        return bot.run(guild, member, command, sub, keyValues);
    }

    public Reply press(String guild, String member, String customId) {
        return bot.press(guild, member, customId);
    }

    public ProgressRepository repository() {
        return bot.repository;
    }

    public ProgressService progress() {
        return bot.progress;
    }

    public PersonalData personalData() {
        return bot.personalData;
    }

    public Database database() {
        return bot.database;
    }

    public CommandRouter router() {
        return bot.router;
    }

    public MutableClock clock() {
        return bot.clock;
    }
}
