package org.roadmapbot.nudges;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.phrasing.Fact;
import org.roadmapbot.phrasing.LlmPhraser;
import org.roadmapbot.progress.ProgressCommand;
import org.roadmapbot.progress.ProgressReport;
import org.roadmapbot.progress.ProgressService;
import org.roadmapbot.progress.TopicResources;

/**
 * Writes a member's weekly nudge from their progress and the roadmap data: current phase and
 * where they are in it, the next topics with resources, the phase goal, a line that fits their
 * pace, and buttons that mark a topic done (carrying the server, since a DM has none).
 * Optionally reworded by the LLM phraser, with its guards and plain fallback.
 */
public final class NudgeComposer {

    static final String TITLE = "Your weekly roadmap nudge";
    private static final int NEXT_COUNT = 3;

    private final KnowledgeBase kb;
    private final ProgressService progress;
    private final Optional<LlmPhraser> phraser;

    public NudgeComposer(ProgressService progress, Optional<LlmPhraser> phraser) {
        this.kb = progress.knowledge();
        this.progress = progress;
        this.phraser = phraser;
    }

    /** The nudge as a direct message. */
    public Reply compose(String guildId, String memberId) {
        Optional<ProgressReport> report = progress.report(guildId, memberId);
        Reply plain = report.isEmpty()
                ? startHere()
                : report.get().currentPhase().isEmpty() ? finished(report.get()) : inPhase(guildId, report.get());
        return phrased(guildId, memberId, plain, report);
    }

    /**
     * The same nudge for a study channel (the member's DMs are closed): names the member without
     * a ping (allowed mentions are off) and drops the buttons, which would mark the topic for
     * whoever pressed them.
     */
    public static Reply forChannel(String memberId, Reply direct) {
        Reply.Builder b = Reply.builder(
                        "<@" + memberId + ">, your weekly roadmap nudge (I couldn't DM you, so it's here; "
                                + "`/nudge off` stops it):\n\n" + direct.content())
                .title(direct.title())
                .footer(direct.footer())
                .sources(direct.sources());
        direct.fields().forEach(f -> b.field(f.name(), f.value(), f.inline()));
        return b.build();
    }

    private Reply startHere() {
        Phase first = kb.phases().get(0);
        String tracks =
                kb.roadmap().tracks().stream().map(t -> "`" + t.id() + "`").collect(Collectors.joining(" or "));
        String paces =
                kb.roadmap().paces().stream().map(p -> "`" + p.id() + "`").collect(Collectors.joining(", "));
        List<Topic> firstTopics = first.topics().stream()
                .filter(t -> t.track() == null)
                .limit(NEXT_COUNT)
                .toList();
        Reply.Builder b = Reply.builder(
                        "👋 **Start here.** You haven't started the roadmap in this server yet. Pick a track and a "
                                + "pace with `/progress start` (track " + tracks + "; pace " + paces
                                + ") and I'll follow along.\n"
                                + "Phase 1 of " + kb.phases().size() + " is **" + first.title() + "** (months "
                                + first.months() + "). "
                                + "Its goal: " + first.goal())
                .title(TITLE)
                .footer(
                        "Weekly nudge · /nudge pause or /nudge off to change it · Source: roadmap phases of the bundled guide")
                .sources(List.of(first.id()));
        for (Topic t : firstTopics) {
            b.field(
                    "Phase 1 · " + t.name(),
                    Text.truncate(t.details() + "\n" + TopicResources.line(kb, t), 1024),
                    false);
        }
        return b.build();
    }

    private Reply finished(ProgressReport r) {
        return Reply.builder("🏁 You've handled every topic of the " + r.track().name() + " track — amazing work. "
                        + "This week: polish a portfolio project (`/projects`) and start applying.")
                .title(TITLE)
                .footer("Weekly nudge · /nudge off to stop it")
                .build();
    }

    private Reply inPhase(String guildId, ProgressReport r) {
        Phase phase = r.currentPhase().orElseThrow();
        ProgressReport.PhaseCount count = r.phases().stream()
                .filter(pc -> pc.phase().id().equals(phase.id()))
                .findFirst()
                .orElseThrow();
        int inScope = count.total() - count.skipped();
        List<Topic> next = r.next().subList(0, Math.min(NEXT_COUNT, r.next().size()));
        String text = "**Phase " + phase.number() + " of " + kb.phases().size() + ": " + phase.title() + "** — "
                + count.done() + " of " + inScope + " topics done in this phase, " + r.percent() + "% of the "
                + r.track().name() + " track.\n"
                + "Phase goal: " + phase.goal() + "\n"
                + "Next up: "
                + next.stream()
                        .map(t -> "**" + t.name() + "**"
                                + r.progress()
                                        .state(t.id())
                                        .map(s -> " (" + s.label() + ")")
                                        .orElse(""))
                        .collect(Collectors.joining(", "))
                + ".\n" + encouragement(r);
        Reply.Builder b = Reply.builder(text)
                .title(TITLE)
                .footer(
                        "Weekly nudge · /nudge pause or /nudge off to change it · Source: roadmap phases and courses of the bundled guide")
                .sources(next.stream().map(t -> kb.phaseOf(t).id()).distinct().toList());
        for (Topic t : next) {
            b.field(
                    "Phase " + kb.phaseOf(t).number() + " · " + t.name(),
                    Text.truncate(t.details() + "\n" + TopicResources.line(kb, t), 1024),
                    false);
            b.button(new Reply.Button(
                    ProgressCommand.doneButtonId(guildId, t.id()),
                    Text.truncate("Mark " + t.name() + " done", 80),
                    Reply.Button.Style.SUCCESS));
        }
        return b.build();
    }

    /** One line that fits the member's pace (ProgressReport's schedule against their chosen pace). */
    static String encouragement(ProgressReport r) {
        String pace = r.pace().name().toLowerCase(Locale.ROOT);
        return switch (r.onSchedule()) {
            case BEHIND ->
                "You're a little behind your " + pace
                        + " pace — that's fine. One topic this week gets you moving again; " + "small steps add up.";
            case ON_TRACK -> "You're on track for your " + pace + " pace. Keep the rhythm going!";
            case AHEAD ->
                "You're ahead of your " + pace
                        + " pace — great work. Keep going, and leave time for practice projects.";
            case FINISHED -> "Every phase done — time for portfolio projects.";
        };
    }

    private Reply phrased(String guildId, String memberId, Reply plain, Optional<ProgressReport> report) {
        if (phraser.isEmpty()) {
            return plain;
        }
        // The next topics' descriptions: the model may use them, the guard checks it against them.
        List<Fact> facts = new ArrayList<>();
        report.ifPresent(r -> r.next().stream()
                .limit(NEXT_COUNT)
                .forEach(t -> facts.add(new Fact(t.id(), t.name() + ": " + t.details()))));
        LlmPhraser.Outcome outcome = phraser.get().phraseNudge(guildId, memberId, plain.content(), facts);
        if (!outcome.phrased()) {
            return plain;
        }
        return new Reply(
                outcome.markedText(),
                plain.title(),
                plain.fields(),
                plain.footer(),
                plain.ephemeral(),
                plain.error(),
                plain.attachments(),
                plain.buttons(),
                plain.sources());
    }
}
