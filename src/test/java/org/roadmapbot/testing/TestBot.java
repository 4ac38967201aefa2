package org.roadmapbot.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;

/**
 * A fresh database (real H2 file in a temp directory, migrations applied) with the progress
 * and privacy commands behind a real router, as Application wires them.
 */
public final class TestBot implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static KnowledgeBase knowledge;

    public final Database database;
    public final MutableClock clock = new MutableClock(T0);
    public final ProgressService progress;
    public final ProgressRepository repository;
    public final PersonalData personalData;
    public final CommandRouter router;

    public TestBot(Path dir) {
        this(DatabaseConfig.embedded(), dir);
    }

    public TestBot(DatabaseConfig config, Path dir) {
        this.database = Database.open(config, dir);
        this.repository = new ProgressRepository(database.dataSource());
        this.progress = new ProgressService(knowledge(), repository, clock);
        this.personalData = new PersonalData(database.dataSource(), List.of());
        List<Command> commands =
                List.of(new ProgressCommand(progress), new PrivacyCommand(personalData, repository, clock));
        this.router = new CommandRouter(commands);
    }

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeLoader.loadBundled();
        }
        return knowledge;
    }

    /** Runs {@code /command sub key value key value...} as member {@code member} of guild {@code guild}. */
    public Reply run(String guild, String member, String command, String sub, Object... keyValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put((String) keyValues[i], keyValues[i + 1]);
        }
        return router.dispatch(new CommandRequest(guild, member, "Member " + member, false, command, sub, options));
    }

    public Reply press(String guild, String member, String customId) {
        return router.button(
                new CommandRequest(guild, member, "Member " + member, false, "press", null, Map.of()), customId);
    }

    @Override
    public void close() {
        database.close();
    }
}
