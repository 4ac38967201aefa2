package org.roadmapbot.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandStep;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.AskCommand;
import org.roadmapbot.knowledge.CoursesCommand;
import org.roadmapbot.knowledge.ProjectsCommand;
import org.roadmapbot.knowledge.RoadmapCommand;
import org.roadmapbot.knowledge.data.KnowledgeBase;
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

/**
 * Every feature of the bot in one list, as Together-Java/TJ-Bot's {@code Features}: each slash
 * command (in the order {@code /help} shows them), the steps the router runs for every command
 * besides the built-in ones, and each kind of scheduled job with the service that runs it. A new
 * feature is added here and nowhere else; services don't register anything themselves.
 * {@link Application} builds the parts the features share (knowledge, database, scheduler) and runs
 * their life cycle.
 *
 * @param commands every slash command; the router adds {@code /help}, built from this list
 * @param steps    steps after the built-in ones (options, moderators): the LLM quota when phrasing is on
 * @param jobs     every kind of scheduled job; none for a one-shot ask
 */
record Features(List<Command> commands, List<CommandStep> steps, List<ScheduledJob> jobs) {

    Features {
        commands = List.copyOf(commands);
        steps = List.copyOf(steps);
        jobs = List.copyOf(jobs);
    }

    /** What the knowledge features use: the bundled data, the answers over it, optional phrasing. */
    record Knowledge(KnowledgeBase base, AnswerService answers, Optional<LlmPhraser> phraser) {
    }

    /** The whole bot: knowledge, progress, privacy, nudges, leaderboards, and their scheduled jobs. */
    static Features all(Knowledge knowledge, MemberData members, Clock clock, List<Command> extraCommands) {
        ProgressCommand progress = new ProgressCommand(members.progress());
        List<Command> commands = new ArrayList<>(knowledgeCommands(knowledge, () -> Optional.of(progress)));
        commands.add(progress);
        commands.add(new PrivacyCommand(members.personalData(), members.progress().repository(), clock));
        commands.add(new NudgeCommand(members.nudges()));
        commands.add(new LeaderboardCommand(members.leaderboards(), members.leaderboardPosts()));
        commands.addAll(extraCommands);
        List<ScheduledJob> jobs = List.of(
                // Weekly nudges: one job per member, and the one-shot "look again" triggers of sends in flight.
                new ScheduledJob(NudgeJob.class, () -> new NudgeJob(members.nudges()), members.nudges()::reconcile),
                // Weekly leaderboard posts: one job per server that scheduled one.
                new ScheduledJob(LeaderboardPosts.PostJob.class, () -> new LeaderboardPosts.PostJob(members.leaderboardPosts()),
                        members.leaderboardPosts()::reconcile),
                // Online backups of the embedded database, when ROADMAP_BOT_BACKUP_DIR is set.
                new ScheduledJob(ScheduledBackups.BackupJob.class, members.backups()::job, members.backups()::reconcile));
        return new Features(commands, steps(knowledge), jobs);
    }

    /**
     * A one-shot {@code ask}: the knowledge commands only, no scheduled job. {@code progress} opens
     * member data on first need (a personal question, when a database exists), else is empty.
     */
    static Features knowledgeOnly(Knowledge knowledge, Supplier<Optional<ProgressCommand>> progress) {
        return new Features(knowledgeCommands(knowledge, progress), steps(knowledge), List.of());
    }

    private static List<Command> knowledgeCommands(Knowledge knowledge, Supplier<Optional<ProgressCommand>> progress) {
        AskCommand ask = new AskCommand(knowledge.answers(),
                knowledge.phraser().<AskCommand.Phraser>map(p -> p).orElse(AskCommand.Phraser.PLAIN));
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
        return knowledge.phraser()
                .map(p -> List.of(CommandStep.quota(Set.of(AskCommand.NAME), (guild, member) -> p.allowance(guild, member))))
                .orElse(List.of());
    }
}
