package org.roadmapbot.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.MemberDirectory;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.UserError;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseException;
import org.roadmapbot.faq.ServerFaqs;
import org.roadmapbot.insights.AskLog;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.leaderboard.LeaderboardPosts;
import org.roadmapbot.leaderboard.LeaderboardService;
import org.roadmapbot.nudges.NudgeService;
import org.roadmapbot.ops.Health;
import org.roadmapbot.ops.HealthChecks;
import org.roadmapbot.ops.MicrometerBotMetrics;
import org.roadmapbot.ops.OpsConfig;
import org.roadmapbot.ops.OpsServer;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.schedule.JobScheduler;
import org.roadmapbot.schedule.MessengerSlot;

/**
 * The bot's life cycle in one place: builds the parts the features share (knowledge, database,
 * scheduler, metrics), hands them to {@link Features}, which lists every command and scheduled
 * job, routes the commands through one {@link CommandRouter}, and closes everything in reverse
 * order. Every adapter (console, ask, Discord) starts the bot through here.
 *
 * <p>Two shapes: the whole bot ({@link #start}) opens the database at start-up; a one-shot ask
 * ({@link #startForAsk}) starts the knowledge features only and opens the database on the first
 * question that needs member data, and only when there is one to open.
 */
public final class Application implements AutoCloseable {

    private final AppConfig config;
    private final Clock clock;
    /** Always counted (cheap); served on ROADMAP_BOT_HTTP_PORT by {@link #serveOps}. */
    private final MicrometerBotMetrics metrics = new MicrometerBotMetrics();

    private final MessengerSlot messenger = new MessengerSlot();
    private final Features.Knowledge knowledge;
    /** The whole bot's member data; null for a one-shot ask. */
    private final MemberData members;
    /** A one-shot ask's progress, opened on first need; null for the whole bot. */
    private final LazyProgress lazyProgress;

    private final Features features;
    private final CommandRouter router;
    private OpsServer opsServer;

    private Application(AppConfig config, Clock clock, List<Command> extraCommands) {
        this.config = config;
        this.clock = clock;
        this.lazyProgress = null;
        // The database (pool, migrations) opens while the knowledge loads and is indexed: each
        // takes hundreds of milliseconds at start-up, and the first answer waits for both.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> openDatabase(config));
        Features.Knowledge loaded;
        try {
            loaded = loadKnowledge(config, metrics);
        } catch (RuntimeException | Error e) {
            // Don't leave the database open behind a data error: wait for it, then close it.
            opening.handle((db, failure) -> {
                        if (db != null) {
                            db.close();
                        }
                        return null;
                    })
                    .join();
            throw e;
        }
        this.knowledge = loaded;
        Database database;
        try {
            database = opened(opening);
        } catch (RuntimeException e) {
            knowledge.phraser().ifPresent(LlmPhraser::close);
            throw e;
        }
        MemberData built;
        try {
            built = MemberData.on(
                    database,
                    config,
                    knowledge.base(),
                    knowledge.answers(),
                    knowledge.phraser(),
                    messenger,
                    metrics,
                    clock);
        } catch (RuntimeException e) {
            knowledge.phraser().ifPresent(LlmPhraser::close);
            database.close();
            throw e;
        }
        this.members = built;
        try {
            this.features = Features.all(
                    knowledge,
                    members,
                    clock,
                    messenger,
                    config.discord().map(d -> d.messageContentIntent()).orElse(false),
                    extraCommands,
                    metrics);
            features.jobs().forEach(members.scheduler()::register);
            this.router = new CommandRouter(features.commands(), features.steps(), metrics);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A one-shot ask: knowledge features only; member data is opened by {@link LazyProgress} on first need. */
    private Application(AppConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.members = null;
        this.knowledge = loadKnowledge(config, metrics);
        this.lazyProgress = new LazyProgress();
        this.features = Features.knowledgeOnly(knowledge, lazyProgress::command, metrics);
        this.router = new CommandRouter(features.commands(), features.steps(), metrics);
    }

    /** Starts the whole bot: knowledge, the database (migrated), every command and scheduled job. */
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

    /**
     * Starts what a one-shot {@code ask} needs: the knowledge commands, with no database. A personal
     * question ("how far am I?") opens the database on first need when the data directory holds one
     * (or ROADMAP_BOT_DB_URL names one); in an empty folder nothing is created.
     */
    public static Application startForAsk(AppConfig config) {
        return new Application(config);
    }

    private static Features.Knowledge loadKnowledge(AppConfig config, BotMetrics metrics) {
        KnowledgeBase base =
                config.knowledgeDir().map(KnowledgeLoader::loadFrom).orElseGet(KnowledgeLoader::loadBundled);
        AnswerService answers = new AnswerService(base);
        return new Features.Knowledge(base, answers, LlmPhraser.start(config.phrasing(), base, metrics));
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

    public AppConfig config() {
        return config;
    }

    public KnowledgeBase knowledge() {
        return knowledge.base();
    }

    public AnswerService answers() {
        return knowledge.answers();
    }

    public CommandRouter router() {
        return router;
    }
    /** LLM phrasing when configured (nudges may phrase their messages with it). */
    public Optional<LlmPhraser> phraser() {
        return knowledge.phraser();
    }
    /** What the bot counts; adapters and features report to it (see {@link org.roadmapbot.core.BotMetrics}). */
    public MicrometerBotMetrics metrics() {
        return metrics;
    }
    /** What scheduled jobs deliver through; filled by {@link #startScheduler(Messenger)}. */
    public Messenger messenger() {
        return messenger;
    }
    /** Every command and scheduled job of this bot. */
    Features features() {
        return features;
    }

    public Database database() {
        return members().database();
    }

    public ProgressService progress() {
        return members().progress();
    }

    public PersonalData personalData() {
        return members().personalData();
    }
    /** Quartz on the bot's database; not firing until {@link #startScheduler(Messenger)}. */
    public JobScheduler scheduler() {
        return members().scheduler();
    }

    public NudgeService nudges() {
        return members().nudges();
    }

    public LeaderboardService leaderboards() {
        return members().leaderboards();
    }

    public LeaderboardPosts leaderboardPosts() {
        return members().leaderboardPosts();
    }
    /** Every server's curated answers (issue 18). */
    public ServerFaqs faqs() {
        return members().faqs();
    }
    /** What members ask, counted for /insights. */
    public AskLog askLog() {
        return members().askLog();
    }
    /** What the bot answers of members' messages in channels (mentions, a help channel); nothing for a one-shot ask. */
    public ChannelMessages channelMessages() {
        return features.channelMessages();
    }

    /**
     * /ask with a server's FAQ, never counted for /insights (nobody asked the bot in a server): one-shot
     * {@code ask --guild}. A one-shot ask without a database has no FAQ: the plain /ask.
     */
    public Command serverAsk() {
        return features.serverAsk();
    }

    private MemberData members() {
        if (members == null) {
            throw new IllegalStateException("a one-shot ask has no member data besides progress");
        }
        return members;
    }

    /**
     * Serves /health and /metrics when ROADMAP_BOT_HTTP_PORT is set (nothing otherwise): database,
     * scheduler and the adapter's {@code gateway} status. Stopped by {@link #close()}.
     */
    public Optional<OpsServer> serveOps(Supplier<Health.Status> gateway) {
        Optional<Integer> port = config.ops().httpPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        Health health = new Health(List.of(
                HealthChecks.database(database()), HealthChecks.gateway(gateway), HealthChecks.scheduler(scheduler())));
        try {
            opsServer = OpsServer.start(config.ops().httpHost(), port.get(), health, metrics);
            return Optional.of(opsServer);
        } catch (IOException | RuntimeException e) {
            health.close();
            throw new StartupException(
                    "cannot serve health and metrics on " + config.ops().httpHost() + ":" + port.get() + " ("
                            + e.getMessage() + "); choose another " + OpsConfig.HTTP_PORT,
                    e);
        }
    }

    /** Who is still in a server (Discord); until set, everyone with progress counts as present. */
    public void useMemberDirectory(MemberDirectory directory) {
        leaderboards().useDirectory(directory);
    }

    /**
     * Connects scheduled work to an adapter that can deliver (Discord DMs and posts, the console's
     * printer, a test's collector) and starts firing jobs, including misfires from downtime: each
     * kind of job of {@link Features} is reconciled with its feature's table first.
     */
    public void startScheduler(Messenger deliverer) {
        messenger.set(deliverer);
        // Other processes' changes to a server's curated answers reach this one's cache; asks are written.
        members().start();
        try {
            features.jobs().forEach(job -> job.reconcile().run());
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        scheduler().start();
    }

    /** Reverse order of start: the ops port, the member data (scheduler first, database last), phrasing. */
    @Override
    public void close() {
        if (opsServer != null) {
            opsServer.close();
        }
        if (members != null) {
            members.close();
        }
        if (lazyProgress != null) {
            lazyProgress.close();
        }
        knowledge.phraser().ifPresent(LlmPhraser::close);
    }

    /**
     * A one-shot ask's member data: opened on the first question that needs it, and only when a
     * database exists to read (a member with no database has no progress). Read-only use: the
     * scheduler and the other features stay off.
     */
    private final class LazyProgress {
        private Database database;
        private Optional<ProgressCommand> command;

        synchronized Optional<ProgressCommand> command() {
            if (command == null) {
                command = Database.exists(config.database(), config.dataDir()) ? Optional.of(open()) : Optional.empty();
            }
            return command;
        }

        private ProgressCommand open() {
            try {
                database = openDatabase(config);
            } catch (StartupException e) {
                // E.g. a running bot holds the embedded file: the general questions still get answers.
                throw new UserError(
                        "I couldn't open the bot's data to answer from your progress: " + e.getMessage() + ".");
            }
            return new ProgressCommand(
                    new ProgressService(knowledge.base(), new ProgressRepository(database.dataSource()), clock));
        }

        synchronized void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
