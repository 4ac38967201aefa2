package org.roadmapbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.db.Database;
import org.roadmapbot.faq.FaqStore;
import org.roadmapbot.faq.ServerFaqs;
import org.roadmapbot.insights.AskLog;
import org.roadmapbot.insights.InsightsStore;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.leaderboard.LeaderboardPosts;
import org.roadmapbot.leaderboard.LeaderboardService;
import org.roadmapbot.leaderboard.ScheduleStore;
import org.roadmapbot.leaderboard.ScoreStore;
import org.roadmapbot.nudges.NudgeComposer;
import org.roadmapbot.nudges.NudgeRepository;
import org.roadmapbot.nudges.NudgeService;
import org.roadmapbot.ops.MicrometerBotMetrics;
import org.roadmapbot.ops.ScheduledBackups;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.schedule.JobScheduler;

/**
 * The database and every service over member data: progress (with the leaderboard scores that
 * commit with it), privacy, nudges, leaderboards, backups and the scheduler they share, and each
 * server's curated answers (/faq) with what members ask of them (/insights). Built once the
 * database is open; closed in the reverse order of start.
 */
record MemberData(
        Database database,
        ProgressService progress,
        PersonalData personalData,
        JobScheduler scheduler,
        NudgeService nudges,
        LeaderboardService leaderboards,
        LeaderboardPosts leaderboardPosts,
        ScheduledBackups backups,
        ServerFaqs faqs,
        InsightsStore insights,
        AskLog askLog) {

    /** How long a stop waits for sends already handed to the messenger to be recorded. */
    private static final Duration DELIVERIES_ON_STOP = Duration.ofSeconds(10);

    /** Builds the services on an open, migrated database; closes nothing on failure (the caller owns the database). */
    static MemberData on(
            Database database,
            AppConfig config,
            KnowledgeBase knowledge,
            AnswerService answers,
            Optional<LlmPhraser> phraser,
            Messenger messenger,
            MicrometerBotMetrics metrics,
            Clock clock) {
        database.bindMetrics(metrics.registry());
        ProgressRepository progressRepository = new ProgressRepository(database.dataSource());
        // Leaderboard scores commit with every progress change; built from the history on first start.
        ScoreStore scores = new ScoreStore(
                database.dataSource(), knowledge, config.leaderboard().zone(), clock);
        progressRepository.addListener(scores);
        scores.ensureBuilt();
        ProgressService progress = new ProgressService(knowledge, progressRepository, clock);
        // Created here, started by whoever can deliver (the Discord bot, the console): the jobs of
        // app/Features are registered on it first.
        JobScheduler scheduler = JobScheduler.create(database.dataSource(), config.scheduler());
        try {
            scheduler.onJobRun(metrics::scheduledJob);
            NudgeService nudges = new NudgeService(
                    new NudgeRepository(database.dataSource()),
                    new NudgeComposer(progress, phraser),
                    scheduler,
                    messenger,
                    config.nudges(),
                    clock,
                    metrics);
            // Features with member data outside PersonalData.TABLES register a holder here.
            PersonalData personalData = new PersonalData(database.dataSource(), List.of(nudges.personalData()));
            LeaderboardService leaderboards = new LeaderboardService(scores, knowledge, config.leaderboard(), clock);
            LeaderboardPosts posts = new LeaderboardPosts(
                    leaderboards, new ScheduleStore(database.dataSource()), scheduler, messenger, metrics);
            ScheduledBackups backups =
                    new ScheduledBackups(scheduler, database, config.ops(), clock, metrics.registry());
            // A server's own curated answers, searched with the bundled entries (issue 18), and what members ask.
            ServerFaqs faqs =
                    new ServerFaqs(new FaqStore(database.dataSource()), answers, clock, ServerFaqs.DEFAULT_CACHE_BYTES);
            InsightsStore insights = new InsightsStore(database.dataSource());
            AskLog askLog = new AskLog(insights, guild -> faqs.settings(guild).keepQuestions(), clock);
            faqs.onSettingsSaved((guild, settings) -> {
                if (!settings.keepQuestions()) {
                    askLog.flush();
                    insights.forgetAll(guild);
                }
            });
            return new MemberData(
                    database,
                    progress,
                    personalData,
                    scheduler,
                    nudges,
                    leaderboards,
                    posts,
                    backups,
                    faqs,
                    insights,
                    askLog);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
    }

    /** Starts the background work of the features: other processes' FAQ changes reach this one's cache, asks are written. */
    void start() {
        faqs.start();
        askLog.start();
    }

    /**
     * Reverse order of start: the scheduler (running jobs finish), the sends they handed over, the
     * FAQ refresher and the last asks, the database last.
     */
    void close() {
        scheduler.close();
        // Jobs hand their sends to the messenger and return: let those outcomes be recorded first.
        nudges.awaitDeliveries(DELIVERIES_ON_STOP);
        leaderboardPosts.awaitPosts(DELIVERIES_ON_STOP);
        faqs.close();
        askLog.close();
        database.close();
    }
}
