package org.roadmapbot.app;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.roadmapbot.askanywhere.AskAboutMessage;
import org.roadmapbot.askanywhere.MessageAnswers;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.HelpCommand;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseException;
import org.roadmapbot.faq.CuratedAsk;
import org.roadmapbot.faq.FaqCommand;
import org.roadmapbot.faq.FaqStore;
import org.roadmapbot.faq.ServerFaqs;
import org.roadmapbot.insights.AskLog;
import org.roadmapbot.insights.FeedbackAsk;
import org.roadmapbot.insights.InsightsCommand;
import org.roadmapbot.insights.InsightsStore;
import org.roadmapbot.insights.RecentAnswers;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.knowledge.CoursesCommand;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.knowledge.ProjectsCommand;
import org.roadmapbot.knowledge.RoadmapCommand;
import org.roadmapbot.nudges.NudgeCommand;
import org.roadmapbot.ops.Health;
import org.roadmapbot.ops.HealthChecks;
import org.roadmapbot.ops.MicrometerBotMetrics;
import org.roadmapbot.ops.OpsConfig;
import org.roadmapbot.ops.OpsServer;
import org.roadmapbot.ops.ScheduledBackups;
import org.roadmapbot.nudges.NudgeComposer;
import org.roadmapbot.nudges.NudgeRepository;
import org.roadmapbot.nudges.NudgeService;
import org.roadmapbot.leaderboard.LeaderboardCommand;
import org.roadmapbot.leaderboard.LeaderboardPosts;
import org.roadmapbot.leaderboard.LeaderboardService;
import org.roadmapbot.leaderboard.ScheduleStore;
import org.roadmapbot.leaderboard.ScoreStore;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.PersonalAsk;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.schedule.JobScheduler;
import org.roadmapbot.schedule.MessengerSlot;
import org.roadmapbot.core.MemberDirectory;
import org.roadmapbot.core.Messenger;

/**
 * Wiring in one place: builds every feature by hand and registers its commands in one list.
 * Every adapter (console, ask, Discord) starts the bot through here.
 */
public final class Application implements AutoCloseable {

    /** How long a stop waits for sends already handed to the messenger to be recorded. */
    private static final java.time.Duration DELIVERIES_ON_STOP = java.time.Duration.ofSeconds(10);

    private final AppConfig config;
    private final KnowledgeBase knowledge;
    private final AnswerService answers;
    private final Database database;
    private final ProgressService progress;
    private final PersonalData personalData;
    private final Optional<LlmPhraser> phraser;
    private final JobScheduler scheduler;
    private final NudgeService nudges;
    private final LeaderboardService leaderboards;
    private final LeaderboardPosts leaderboardPosts;
    private final ServerFaqs faqs;
    private final AskLog askLog;
    /** /ask without the FAQ and without counting, and with the server's FAQ without counting (one-shot `ask`). */
    private final Command plainAsk;
    private final Command serverAsk;
    /** /ask as members use it: the server's FAQ, counted for /insights, with rating buttons. */
    private final FeedbackAsk memberAsk;
    private final ChannelMessages channelMessages;
    private final MessengerSlot messenger = new MessengerSlot();
    private final CommandRouter router;
    /** Always counted (cheap); served on ROADMAP_BOT_HTTP_PORT by {@link #serveOps}. */
    private final MicrometerBotMetrics metrics = new MicrometerBotMetrics();
    private final Clock clock;
    private OpsServer opsServer;

    private Application(AppConfig config, Clock clock, List<Command> extraCommands) {
        this.config = config;
        this.clock = clock;
        // The database (pool, migrations) opens while the knowledge loads and is indexed: each
        // takes hundreds of milliseconds at start-up, and the first answer waits for both.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> openDatabase(config));
        try {
            this.knowledge = config.knowledgeDir().map(KnowledgeLoader::loadFrom).orElseGet(KnowledgeLoader::loadBundled);
            this.answers = new AnswerService(knowledge);
        } catch (RuntimeException | Error e) {
            // Don't leave the database open behind a data error: wait for it, then close it.
            opening.handle((db, failure) -> {
                if (db != null) {
                    db.close();
                }
                return null;
            }).join();
            throw e;
        }
        this.database = opened(opening);
        try {
            database.bindMetrics(metrics.registry());
            ProgressRepository progressRepository = new ProgressRepository(database.dataSource());
            // Leaderboard scores commit with every progress change; built from the history on first start.
            ScoreStore scores = new ScoreStore(database.dataSource(), knowledge, config.leaderboard().zone(), clock);
            progressRepository.addListener(scores);
            scores.ensureBuilt();
            this.progress = new ProgressService(knowledge, progressRepository, clock);
            this.phraser = LlmPhraser.start(config.phrasing(), knowledge);
            // Created here, started by whoever can deliver (the Discord bot, the console): features
            // register their jobs on it first.
            this.scheduler = JobScheduler.create(database.dataSource(), config.scheduler());
            scheduler.onJobRun(metrics::scheduledJob);
            // Weekly nudges: Quartz jobs on the scheduler, delivered through the messenger slot.
            this.nudges = new NudgeService(new NudgeRepository(database.dataSource()), new NudgeComposer(progress, phraser),
                    scheduler, messenger, config.nudges(), clock);
            // Features with member data outside PersonalData.TABLES register a holder here.
            this.personalData = new PersonalData(database.dataSource(), List.of(nudges.personalData()));
            this.leaderboards = new LeaderboardService(scores, knowledge, config.leaderboard(), clock);
            this.leaderboardPosts = new LeaderboardPosts(leaderboards, new ScheduleStore(database.dataSource()), scheduler, messenger);
            ProgressCommand progressCommand = new ProgressCommand(progress);
            AskCommand ask = new AskCommand(answers, phraser.<AskCommand.Phraser>map(p -> p).orElse(AskCommand.Phraser.PLAIN));
            // A server's own curated answers, searched with the bundled entries (issue 18).
            this.faqs = new ServerFaqs(new FaqStore(database.dataSource()), answers, clock, ServerFaqs.DEFAULT_CACHE_BYTES);
            InsightsStore insights = new InsightsStore(database.dataSource());
            this.askLog = new AskLog(insights, guild -> faqs.settings(guild).keepQuestions(), clock);
            faqs.onSettingsSaved((guild, settings) -> {
                if (!settings.keepQuestions()) {
                    askLog.flush();
                    insights.forgetAll(guild);
                }
            });
            List<Command> commands = new ArrayList<>();
            // /ask answers "what should I do next?" from the asker's progress once they have started,
            // from the server's FAQ when that has the answer, and counts every question for /insights.
            this.plainAsk = new PersonalAsk(ask, AskCommand.QUESTION, answers::personalIntent, progressCommand, progress);
            this.serverAsk = new CuratedAsk(plainAsk, AskCommand.QUESTION, faqs);
            this.memberAsk = new FeedbackAsk(serverAsk, AskCommand.QUESTION, askLog, new RecentAnswers());
            commands.add(memberAsk);
            commands.add(new RoadmapCommand(knowledge));
            commands.add(new CoursesCommand(knowledge));
            commands.add(new ProjectsCommand(knowledge));
            commands.add(progressCommand);
            commands.add(new PrivacyCommand(personalData, progress.repository(), clock));
            commands.add(new NudgeCommand(nudges));
            commands.add(new LeaderboardCommand(leaderboards, leaderboardPosts));
            FaqCommand faqCommand = new FaqCommand(faqs, config.discord().map(d -> d.messageContentIntent()).orElse(false));
            commands.add(faqCommand);
            commands.add(new InsightsCommand(insights, askLog, faqs, faqCommand, KnowledgeAnalyzer::create, clock));
            // Answers where members ask: a message's menu, mentions, a help channel.
            commands.add(new AskAboutMessage(memberAsk, AskCommand.QUESTION, AskCommand.MAX_QUESTION_LENGTH, messenger));
            this.channelMessages = new MessageAnswers(memberAsk, AskCommand.QUESTION, AskCommand.MAX_QUESTION_LENGTH, faqs, clock);
            commands.addAll(extraCommands);
            List<CommandRouter> self = new ArrayList<>(1);
            commands.add(new HelpCommand(() -> self.get(0).specs()));
            this.router = new CommandRouter(commands, metrics);
            self.add(router);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the core: knowledge, the database (migrated), every command. */
    public static Application start(AppConfig config) {
        return new Application(config, Clock.systemUTC(), List.of());
    }

    /** As {@link #start(AppConfig)}, with a fixed clock for tests. */
    public static Application start(AppConfig config, Clock clock) {
        return new Application(config, clock, List.of());
    }

    /** As {@link #start(AppConfig)}, with more commands registered like the built-in ones (tests). */
    public static Application start(AppConfig config, List<Command> extraCommands) {
        return new Application(config, Clock.systemUTC(), extraCommands);
    }

    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // e.g. StartupException: one clear line for the operator
            }
            throw e;
        }
    }

    private static Database openDatabase(AppConfig config) {
        try {
            return Database.open(config.database(), config.dataDir());
        } catch (DatabaseException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    public AppConfig config() { return config; }
    public KnowledgeBase knowledge() { return knowledge; }
    public AnswerService answers() { return answers; }
    public Database database() { return database; }
    public ProgressService progress() { return progress; }
    public PersonalData personalData() { return personalData; }
    public CommandRouter router() { return router; }
    /** LLM phrasing when configured (nudges may phrase their messages with it). */
    public Optional<LlmPhraser> phraser() { return phraser; }
    /** Quartz on the bot's database; not firing until {@link #startScheduler(Messenger)}. */
    public JobScheduler scheduler() { return scheduler; }
    public NudgeService nudges() { return nudges; }
    /** What scheduled jobs deliver through; filled by {@link #startScheduler(Messenger)}. */
    public Messenger messenger() { return messenger; }
    public LeaderboardService leaderboards() { return leaderboards; }
    public LeaderboardPosts leaderboardPosts() { return leaderboardPosts; }
    /** Every server's curated answers (issue 18). */
    public ServerFaqs faqs() { return faqs; }
    /** What members ask, counted for /insights. */
    public AskLog askLog() { return askLog; }
    /** /ask as members use it (counted, rated): mentions and the message menu answer through it. */
    public FeedbackAsk memberAsk() { return memberAsk; }
    /** What the bot answers of members' messages in channels (mentions, a help channel). */
    public ChannelMessages channelMessages() { return channelMessages; }

    /**
     * /ask for one-shot `ask`: from the bundled data alone, or with a server's FAQ when the caller named
     * the server ({@code ask --guild}); never counted for /insights (nobody asked the bot in a server).
     */
    public Command oneShotAsk(boolean withServerFaq) {
        return withServerFaq ? serverAsk : plainAsk;
    }
    /** What the bot counts; adapters and features report to it (see {@link org.roadmapbot.core.BotMetrics}). */
    public MicrometerBotMetrics metrics() { return metrics; }

    /**
     * Serves /health and /metrics when ROADMAP_BOT_HTTP_PORT is set (nothing otherwise): database,
     * scheduler and the adapter's {@code gateway} status. Stopped by {@link #close()}.
     */
    public Optional<OpsServer> serveOps(Supplier<Health.Status> gateway) {
        Optional<Integer> port = config.ops().httpPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        Health health = new Health(List.of(HealthChecks.database(database), HealthChecks.gateway(gateway),
                HealthChecks.scheduler(scheduler)));
        try {
            opsServer = OpsServer.start(config.ops().httpHost(), port.get(), health, metrics);
            return Optional.of(opsServer);
        } catch (IOException | RuntimeException e) {
            health.close();
            throw new StartupException("cannot serve health and metrics on " + config.ops().httpHost() + ":" + port.get()
                    + " (" + e.getMessage() + "); choose another " + OpsConfig.HTTP_PORT, e);
        }
    }

    /** Who is still in a server (Discord); until set, everyone with progress counts as present. */
    public void useMemberDirectory(MemberDirectory directory) {
        leaderboards.useDirectory(directory);
    }

    /**
     * Connects scheduled work to an adapter that can deliver (Discord DMs and posts, the console's
     * printer, a test's collector) and starts firing jobs, including misfires from downtime.
     */
    public void startScheduler(Messenger deliverer) {
        messenger.set(deliverer);
        // Other processes' changes to a server's curated answers reach this one's cache.
        faqs.start();
        askLog.start();
        nudges.reconcile();
        leaderboardPosts.reconcile();
        try {
            ScheduledBackups.configure(scheduler, database, config.ops(), clock, metrics.registry());
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        scheduler.start();
    }

    /** Reverse order of start: the scheduler (running jobs finish), phrasing, the database last. */
    @Override
    public void close() {
        if (opsServer != null) {
            opsServer.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        // Jobs hand their sends to the messenger and return: let those outcomes be recorded first.
        if (nudges != null) {
            nudges.awaitDeliveries(DELIVERIES_ON_STOP);
        }
        if (leaderboardPosts != null) {
            leaderboardPosts.awaitPosts(DELIVERIES_ON_STOP);
        }
        if (phraser != null) {
            phraser.ifPresent(LlmPhraser::close);
        }
        if (faqs != null) {
            faqs.close();
        }
        if (askLog != null) {
            askLog.close();
        }
        database.close();
    }
}
