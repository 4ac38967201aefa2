package org.roadmapbot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.HelpCommand;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.knowledge.CoursesCommand;
import org.roadmapbot.knowledge.KnowledgeBase;
import org.roadmapbot.knowledge.KnowledgeLoader;
import org.roadmapbot.knowledge.ProjectsCommand;
import org.roadmapbot.knowledge.RoadmapCommand;
import org.roadmapbot.phrasing.LlmPhraser;

/**
 * Wiring in one place: builds every feature by hand and registers its commands in one list.
 * Every adapter (console, ask, Discord) starts the bot through here.
 */
public final class Application implements AutoCloseable {

    private final AppConfig config;
    private final KnowledgeBase knowledge;
    private final AnswerService answers;
    private final CommandRouter router;
    private final Optional<LlmPhraser> phraser;

    private Application(AppConfig config, List<Command> extraCommands) {
        this.config = config;
        this.knowledge = config.knowledgeDir().map(KnowledgeLoader::loadFrom).orElseGet(KnowledgeLoader::loadBundled);
        this.answers = new AnswerService(knowledge);
        List<Command> commands = new ArrayList<>();
        this.phraser = LlmPhraser.start(config.phrasing());
        commands.add(new AskCommand(answers, phraser.<AskCommand.Phraser>map(p -> p).orElse(AskCommand.Phraser.PLAIN)));
        commands.add(new RoadmapCommand(knowledge));
        commands.add(new CoursesCommand(knowledge));
        commands.add(new ProjectsCommand(knowledge));
        commands.addAll(extraCommands);
        List<CommandRouter> self = new ArrayList<>(1);
        commands.add(new HelpCommand(() -> self.get(0).specs()));
        this.router = new CommandRouter(commands);
        self.add(router);
    }

    /** Starts the knowledge-only core (no database): enough for console questions and `ask`. */
    public static Application start(AppConfig config) {
        return new Application(config, List.of());
    }

    /** As {@link #start(AppConfig)}, with more commands registered like the built-in ones (tests). */
    public static Application start(AppConfig config, List<Command> extraCommands) {
        return new Application(config, extraCommands);
    }

    public AppConfig config() { return config; }
    public KnowledgeBase knowledge() { return knowledge; }
    public AnswerService answers() { return answers; }
    public CommandRouter router() { return router; }
    /** LLM phrasing when configured (nudges may phrase their messages with it). */
    public Optional<LlmPhraser> phraser() { return phraser; }

    @Override
    public void close() {
        // Later features (database, scheduler) close here in reverse order.
        phraser.ifPresent(LlmPhraser::close);
    }
}
