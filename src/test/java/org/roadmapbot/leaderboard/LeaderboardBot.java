package org.roadmapbot.leaderboard;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.InMemoryMemberDirectory;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.ops.MicrometerBotMetrics;
import org.roadmapbot.privacy.PersonalData;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.ProgressRepository;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.progress.TopicChange;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.schedule.JobScheduler;
import org.roadmapbot.schedule.ScheduledJob;
import org.roadmapbot.schedule.SchedulerConfig;
import org.roadmapbot.testing.MutableClock;
import org.roadmapbot.testing.TestBot;

/**
 * Progress, privacy and leaderboards wired as Application wires them, on a real H2 file in a
 * temp directory, with an in-memory member directory and a messenger that collects.
 */
final class LeaderboardBot implements AutoCloseable {

    static final String G = "100";

    final Database database;
    final MutableClock clock;
    final ProgressRepository repository;
    final ProgressService progress;
    final ScoreStore scores;
    final LeaderboardService service;
    final JobScheduler scheduler;
    final LeaderboardPosts posts;
    final CommandRouter router;
    final InMemoryMemberDirectory directory = new InMemoryMemberDirectory(false);
    final CollectingMessenger messenger = new CollectingMessenger();
    /** What the posts report to the operator (the same metrics the bot serves on /metrics). */
    final MicrometerBotMetrics metrics = new MicrometerBotMetrics();

    final List<Topic> topics;

    LeaderboardBot(Path dir) {
        this(dir, LeaderboardConfig.defaults(), TestBot.T0);
    }

    LeaderboardBot(Path dir, LeaderboardConfig config, Instant start) {
        this(DatabaseConfig.embedded(), dir, config, start);
    }

    LeaderboardBot(DatabaseConfig databaseConfig, Path dir, LeaderboardConfig config, Instant start) {
        KnowledgeBase kb = TestBot.knowledge();
        this.topics = kb.topicsForTrack("python");
        this.clock = new MutableClock(start);
        this.database = Database.open(databaseConfig, dir);
        this.repository = new ProgressRepository(database.dataSource());
        this.scores = new ScoreStore(database.dataSource(), kb, config.zone(), clock);
        repository.addListener(scores);
        scores.ensureBuilt();
        this.progress = new ProgressService(kb, repository, clock);
        this.scheduler = JobScheduler.create(database.dataSource(), SchedulerConfig.defaults());
        this.service = new LeaderboardService(scores, kb, config, clock);
        service.useDirectory(directory);
        this.posts =
                new LeaderboardPosts(service, new ScheduleStore(database.dataSource()), scheduler, messenger, metrics);
        scheduler.register(new ScheduledJob(
                LeaderboardPosts.PostJob.class, () -> new LeaderboardPosts.PostJob(posts), posts::reconcile));
        PersonalData personalData = new PersonalData(database.dataSource(), List.of());
        List<Command> commands = List.of(
                new ProgressCommand(progress),
                new PrivacyCommand(personalData, repository, clock),
                new LeaderboardCommand(service, posts));
        this.router = new CommandRouter(commands);
    }

    /** Moves the clock forward to {@code when}. */
    void at(String when) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(when)));
    }

    /** The member starts the Python track (part-time) now. */
    void start(String member) {
        progress.start(G, member, "python", "part-time");
    }

    /** Marks topic number {@code index} of the Python track done, now, then moves the clock a minute. */
    void done(String member, int index) {
        progress.change(TopicChange.set(G, member, topics.get(index).id(), TopicState.DONE));
        clock.advance(Duration.ofMinutes(1));
    }

    void undo(String member, int index) {
        progress.change(TopicChange.clear(G, member, topics.get(index).id()));
        clock.advance(Duration.ofMinutes(1));
    }

    Reply run(String member, boolean moderator, String command, String sub, Object... keyValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put((String) keyValues[i], keyValues[i + 1]);
        }
        return router.dispatch(new CommandRequest(G, member, "Member " + member, moderator, command, sub, options));
    }

    Reply press(String member, String customId) {
        return router.button(
                new CommandRequest(G, member, "Member " + member, false, "press", null, Map.of()), customId);
    }

    /** Ranked member ids of page {@code page}. */
    List<String> ranking(Period period) {
        service.clearCache();
        return service.board(G, period, 1, LeaderboardService.MAX_TOP, null, null).entries().stream()
                .map(Board.Entry::memberId)
                .toList();
    }

    @Override
    public void close() {
        scheduler.close();
        database.close();
    }

    /** Collects posts and DMs; channels in {@code blocked} refuse, members in {@code dmsClosed} too. */
    static final class CollectingMessenger implements Messenger {
        final List<String[]> dms = new CopyOnWriteArrayList<>();
        final List<Object[]> posts = new CopyOnWriteArrayList<>();
        final Set<String> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> dmsClosed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public java.util.concurrent.CompletableFuture<Void> sendDirect(
                String guildId, String memberId, Reply message, String deliveryKey) {
            if (dmsClosed.contains(memberId)) {
                return Messenger.failed(new DeliveryException(DeliveryException.Reason.DMS_CLOSED, "DMs closed"));
            }
            dms.add(new String[] {guildId, memberId, message.content()});
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> postToChannel(
                String guildId, String channelId, Reply message, String deliveryKey) {
            if (blocked.contains(channelId)) {
                return Messenger.failed(
                        new DeliveryException(DeliveryException.Reason.NO_PERMISSION, "missing permission"));
            }
            posts.add(new Object[] {guildId, channelId, message});
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean canPost(String guildId, String channelId) {
            return !blocked.contains(channelId);
        }

        List<Reply> postsTo(String channelId) {
            List<Reply> out = new ArrayList<>();
            for (Object[] p : posts) {
                if (p[1].equals(channelId)) {
                    out.add((Reply) p[2]);
                }
            }
            return out;
        }
    }
}
