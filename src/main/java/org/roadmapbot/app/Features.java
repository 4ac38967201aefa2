package org.roadmapbot.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.roadmapbot.askanywhere.AskAboutMessage;
import org.roadmapbot.askanywhere.MessageAnswers;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandStep;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.faq.CuratedAsk;
import org.roadmapbot.faq.FaqCommand;
import org.roadmapbot.insights.FeedbackAsk;
import org.roadmapbot.insights.InsightsCommand;
import org.roadmapbot.insights.RecentAnswers;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.knowledge.CoursesCommand;
import org.roadmapbot.knowledge.ProjectsCommand;
import org.roadmapbot.knowledge.RoadmapCommand;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.retrieval.KnowledgeAnalyzer;
import org.roadmapbot.leaderboard.LeaderboardCommand;
import org.roadmapbot.leaderboard.LeaderboardPosts;
import org.roadmapbot.nudges.NudgeCommand;
import org.roadmapbot.nudges.NudgeJob;
import org.roadmapbot.ops.ScheduledBackups;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.progress.PersonalAsk;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.schedule.ScheduledJob;
import org.roadmapbot.smalltalk.SmallTalk;
import org.roadmapbot.smalltalk.SmallTalkAsk;

/**
 * Every feature of the bot in one list, as Together-Java/TJ-Bot's {@code Features}: each slash
 * command and message-menu entry (in the order {@code /help} shows them), the steps the router runs
 * for every command besides the built-in ones, each kind of scheduled job with the service that
 * runs it, and what answers members' messages in channels (mentions, a help channel). A new
 * feature is added here and nowhere else; services don't register anything themselves.
 * {@link Application} builds the parts the features share (knowledge, database, scheduler) and runs
 * their life cycle.
 *
 * @param commands every slash command; the router adds {@code /help}, built from this list
 * @param steps    steps after the built-in ones (options, moderators): the LLM quota when phrasing is on
 * @param jobs     every kind of scheduled job; none for a one-shot ask
 * @param channelMessages what the bot answers of members' messages in channels; none for a one-shot ask
 * @param serverAsk /ask with the server's FAQ but not counted for /insights (one-shot {@code ask --guild});
 *                  the plain /ask for a one-shot ask without a database
 */
record Features(
        List<Command> commands,
        List<CommandStep> steps,
        List<ScheduledJob> jobs,
        ChannelMessages channelMessages,
        Command serverAsk) {

    Features {
        commands = List.copyOf(commands);
        steps = List.copyOf(steps);
        jobs = List.copyOf(jobs);
    }

    /** What the knowledge features use: the bundled data, the answers over it, optional phrasing. */
    record Knowledge(KnowledgeBase base, AnswerService answers, Optional<LlmPhraser> phraser) {}

    /**
     * The whole bot: knowledge, progress, privacy, nudges, leaderboards, the server FAQ and insights,
     * answers where members ask (a message's menu, mentions, a help channel), and the scheduled jobs.
     *
     * @param messageContentIntent whether the bot reads messages' content (a help channel needs it)
     */
    static Features all(
            Knowledge knowledge,
            MemberData members,
            Clock clock,
            Messenger messenger,
            boolean messageContentIntent,
            List<Command> extraCommands,
            BotMetrics metrics) {
        ProgressCommand progress = new ProgressCommand(members.progress());
        List<Command> knowledgeCommands = knowledgeCommands(knowledge, () -> Optional.of(progress), metrics);
        // /ask: personal answers from progress (PersonalAsk), then the server's FAQ when it has the answer,
        // and as members use it counted for /insights with rating buttons.
        Command serverAsk = new CuratedAsk(knowledgeCommands.get(0), AskCommand.QUESTION, members.faqs());
        FeedbackAsk memberAsk = new FeedbackAsk(serverAsk, AskCommand.QUESTION, members.askLog(), new RecentAnswers());
        SmallTalk smallTalk = SmallTalk.load();
        List<Command> commands = new ArrayList<>();
        // Small talk ("hi", "thanks") outermost: answered kindly and not counted as an unanswered question.
        commands.add(new SmallTalkAsk(memberAsk, AskCommand.QUESTION, smallTalk));
        commands.addAll(knowledgeCommands.subList(1, knowledgeCommands.size()));
        commands.add(progress);
        commands.add(
                new PrivacyCommand(members.personalData(), members.progress().repository(), clock));
        commands.add(new NudgeCommand(members.nudges()));
        commands.add(new LeaderboardCommand(members.leaderboards(), members.leaderboardPosts()));
        FaqCommand faq = new FaqCommand(members.faqs(), messageContentIntent);
        commands.add(faq);
        commands.add(new InsightsCommand(
                members.insights(), members.askLog(), members.faqs(), faq, KnowledgeAnalyzer::create, clock));
        // Answers where members ask: "Apps → Ask Roadmap Bot" on a message.
        commands.add(new AskAboutMessage(memberAsk, AskCommand.QUESTION, AskCommand.MAX_QUESTION_LENGTH, messenger));
        commands.addAll(extraCommands);
        List<ScheduledJob> jobs = List.of(
                // Weekly nudges: one job per member, and the one-shot "look again" triggers of sends in flight.
                new ScheduledJob(NudgeJob.class, () -> new NudgeJob(members.nudges()), members.nudges()::reconcile),
                // Weekly leaderboard posts: one job per server that scheduled one.
                new ScheduledJob(
                        LeaderboardPosts.PostJob.class,
                        () -> new LeaderboardPosts.PostJob(members.leaderboardPosts()),
                        members.leaderboardPosts()::reconcile),
                // Online backups of the embedded database, when ROADMAP_BOT_BACKUP_DIR is set.
                new ScheduledJob(
                        ScheduledBackups.BackupJob.class, members.backups()::job, members.backups()::reconcile));
        // Mentions and help-channel posts.
        ChannelMessages channelMessages = new MessageAnswers(
                memberAsk, AskCommand.QUESTION, AskCommand.MAX_QUESTION_LENGTH, members.faqs(), smallTalk, clock);
        return new Features(commands, steps(knowledge), jobs, channelMessages, serverAsk);
    }

    /**
     * A one-shot {@code ask}: the knowledge commands only, no scheduled job. {@code progress} opens
     * member data on first need (a personal question, when a database exists), else is empty.
     */
    static Features knowledgeOnly(
            Knowledge knowledge, Supplier<Optional<ProgressCommand>> progress, BotMetrics metrics) {
        List<Command> commands = new ArrayList<>(knowledgeCommands(knowledge, progress, metrics));
        commands.set(0, new SmallTalkAsk(commands.get(0), AskCommand.QUESTION, SmallTalk.load()));
        return new Features(commands, steps(knowledge), List.of(), ChannelMessages.NONE, commands.get(0));
    }

    /** /ask (with personal answers) first, then the other knowledge commands. */
    private static List<Command> knowledgeCommands(
            Knowledge knowledge, Supplier<Optional<ProgressCommand>> progress, BotMetrics metrics) {
        AskCommand ask = new AskCommand(
                knowledge.answers(),
                knowledge.phraser().<AskCommand.Phraser>map(p -> p).orElse(AskCommand.Phraser.PLAIN),
                metrics);
        return List.of(
                // /ask answers "what should I do next?" from the asker's progress once they have started.
                new PersonalAsk(ask, AskCommand.QUESTION, knowledge.answers()::personalIntent, progress),
                new RoadmapCommand(knowledge.base()),
                new CoursesCommand(knowledge.base()),
                new ProjectsCommand(knowledge.base()));
    }

    /**
     * The LLM quota as a step of every /ask: the member's allowance ({@code PhrasingQuota.Decision})
     * is looked up before the answer is built, and the phrasing reads it from the request.
     */
    private static List<CommandStep> steps(Knowledge knowledge) {
        return knowledge
                .phraser()
                .map(p -> List.of(
                        CommandStep.quota(Set.of(AskCommand.NAME), (guild, member) -> p.allowance(guild, member))))
                .orElse(List.of());
    }
}
