package org.roadmapbot.progress;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.CommandSpec.SubcommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.OptionType;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;
import org.roadmapbot.core.UserError;
import org.roadmapbot.images.ProgressCardImage;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Pace;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.knowledge.data.RoadmapFile.Track;

/**
 * /progress — a member's own journey through the roadmap: choose a track and pace, mark topics
 * done / in progress / skipped (or undo), see where they stand and what to study next. Only
 * the asker's own progress is ever changed; {@code show member:} only reads another's.
 */
public final class ProgressCommand implements Command {

    public static final String NAME = "progress";
    public static final String START = "start";
    public static final String DONE = "done";
    public static final String STUDYING = "studying";
    public static final String SKIP = "skip";
    public static final String UNDO = "undo";
    public static final String SHOW = "show";
    public static final String NEXT = "next";

    public static final String TRACK = "track";
    public static final String PACE = "pace";
    public static final String TOPIC = "topic";
    public static final String MEMBER = "member";

    /** Custom id of the button that marks a topic done: {@code 2:progress:done:<topicId>}. */
    public static String doneButtonId(String topicId) {
        return topicButtonId(DONE, topicId);
    }

    /**
     * As {@link #doneButtonId(String)}, carrying the server: {@code 2:progress:done:<guildId>:<topicId>}.
     * For buttons in a DM (a nudge), where the press arrives without a server.
     */
    public static String doneButtonId(String guildId, String topicId) {
        return guildId == null || guildId.isEmpty()
                ? doneButtonId(topicId)
                : ButtonId.of(NAME, DONE, guildId, topicId).encode();
    }

    private static String topicButtonId(String action, String topicId) {
        return ButtonId.of(NAME, action, topicId).encode();
    }

    private static final String NEXT_BUTTON = ButtonId.of(NAME, NEXT).encode();

    private static final int NEXT_COUNT = 3;
    /** Discord user ids are snowflakes; the console uses short ids. Anything else is not a member. */
    private static final java.util.regex.Pattern MEMBER_ID = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,32}");

    private static final int BAR_WIDTH = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ProgressService service;
    private final KnowledgeBase kb;
    private final TopicMatcher matcher;
    private final Handlers handlers;

    public ProgressCommand(ProgressService service) {
        this.service = service;
        this.kb = service.knowledge();
        this.matcher = new TopicMatcher(kb);
        String[] tracks = kb.roadmap().tracks().stream().map(Track::id).toArray(String[]::new);
        String[] paces = kb.roadmap().paces().stream().map(Pace::id).toArray(String[]::new);
        OptionSpec topic = OptionSpec.string(TOPIC, "Topic name or id, e.g. http-basics", true, 100)
                .withAutocomplete();
        CommandSpec spec = CommandSpec.withSubcommands(
                NAME,
                "Track your progress through the backend roadmap",
                SubcommandSpec.of(
                        START,
                        "Choose your track and pace (again to switch; your topics are kept)",
                        OptionSpec.string(TRACK, "Language track", true, 40).withChoices(tracks),
                        OptionSpec.string(PACE, "How fast you study", true, 40).withChoices(paces)),
                SubcommandSpec.of(DONE, "Mark a topic done", topic),
                SubcommandSpec.of(STUDYING, "Mark a topic as in progress", topic),
                SubcommandSpec.of(SKIP, "Skip a topic (you know it already, or it's not for you)", topic),
                SubcommandSpec.of(UNDO, "Remove the mark from a topic", topic),
                SubcommandSpec.of(
                        SHOW,
                        "Your progress (or another member's, read-only)",
                        OptionSpec.of(MEMBER, "Whose progress to show (default: yours)", OptionType.USER, false)),
                SubcommandSpec.of(NEXT, "What to study next, with resources"));
        this.handlers = Handlers.builder(spec)
                .subcommand(START, this::start)
                .subcommand(DONE, request -> change(request, Optional.of(TopicState.DONE)))
                .subcommand(STUDYING, request -> change(request, Optional.of(TopicState.IN_PROGRESS)))
                .subcommand(SKIP, request -> change(request, Optional.of(TopicState.SKIPPED)))
                .subcommand(UNDO, request -> change(request, Optional.empty()))
                .subcommand(SHOW, this::show)
                .subcommand(NEXT, this::next)
                // Topic buttons: <topic>, or <guild>:<topic> from a DM (a nudge), where the press has no server.
                .button(DONE, 1, 2, (presser, button) -> pressed(presser, button, Optional.of(TopicState.DONE)))
                .button(
                        STUDYING,
                        1,
                        2,
                        (presser, button) -> pressed(presser, button, Optional.of(TopicState.IN_PROGRESS)))
                .button(SKIP, 1, 2, (presser, button) -> pressed(presser, button, Optional.of(TopicState.SKIPPED)))
                .button(UNDO, 1, 2, (presser, button) -> pressed(presser, button, Optional.empty()))
                .button(NEXT, (presser, button) -> next(presser))
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** A topic button: {@code [topic]}, or {@code [guild, topic]} when it was sent in a DM. */
    private Reply pressed(CommandRequest presser, ButtonId button, Optional<TopicState> target) {
        String topicId = button.arg(button.args().size() - 1);
        if (button.args().size() == 2) {
            String guildId = button.arg(0);
            if (!presser.guildId().isEmpty() && !presser.guildId().equals(guildId)) {
                throw new UserError("That button belongs to another server.");
            }
            presser = presser.inGuild(guildId);
        }
        Topic topic = kb.topic(topicId)
                .orElseThrow(() -> new UserError(
                        "That topic is no longer part of the roadmap. `/progress next` shows what's current."));
        return apply(presser, requireEnrollment(presser), topic, target);
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        if (!option.equals(TOPIC)) {
            return List.of();
        }
        MemberProgress progress = service.progress(request.guildId(), request.memberId());
        String trackId = progress.enrollment().map(Enrollment::trackId).orElse(null);
        List<Topic> candidates = new ArrayList<>(kb.topicsForTrack(trackId));
        if (UNDO.equals(request.subcommand())) {
            candidates.removeIf(t -> progress.state(t.id()).isEmpty());
        } else {
            // Not-yet-handled topics first, in roadmap order: usually what the member means.
            candidates.sort((a, b) -> Boolean.compare(
                    progress.state(a.id()).isPresent(), progress.state(b.id()).isPresent()));
        }
        return matcher.suggest(typed, candidates, 25).stream()
                .map(t -> new Choice(
                        Text.truncate(
                                t.name() + " · phase " + kb.phaseOf(t).number()
                                        + progress.state(t.id())
                                                .map(s -> " · " + s.label())
                                                .orElse(""),
                                100),
                        t.id()))
                .toList();
    }

    // ---- start ----

    private Reply start(CommandRequest request) {
        Track track = kb.roadmap().tracks().stream()
                .filter(t -> t.id().equalsIgnoreCase(
                                request.string(TRACK).orElseThrow().strip()))
                .findFirst()
                .orElseThrow();
        Pace pace = kb.roadmap().paces().stream()
                .filter(p -> p.id().equalsIgnoreCase(
                                request.string(PACE).orElseThrow().strip()))
                .findFirst()
                .orElseThrow();
        Optional<Enrollment> current = service.repository().enrollment(request.guildId(), request.memberId());
        if (current.isPresent()
                && current.get().trackId().equals(track.id())
                && current.get().paceId().equals(pace.id())) {
            throw new UserError("You're already on the " + track.name() + " track at the "
                    + pace.name().toLowerCase(Locale.ROOT)
                    + " pace (since " + date(current.get()) + "), so nothing changed. "
                    + "To switch, run `/progress start` with another track or pace; your topics are kept.");
        }
        Optional<Enrollment> before = service.start(request.guildId(), request.memberId(), track.id(), pace.id());
        ProgressReport report =
                service.report(request.guildId(), request.memberId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        if (before.isEmpty()) {
            text.append("🚀 You're on the **")
                    .append(track.name())
                    .append("** track at the **")
                    .append(pace.name().toLowerCase(Locale.ROOT))
                    .append("** pace (")
                    .append(pace.months())
                    .append(" months), starting ")
                    .append(DATE.format(report.startedOn()))
                    .append(".\n")
                    .append("Expected finish: between ")
                    .append(DATE.format(report.finishEarliest()))
                    .append(" and ")
                    .append(DATE.format(report.finishLatest()))
                    .append(".\n");
        } else {
            Enrollment old = before.get();
            text.append("🔀 Switched from ")
                    .append(trackName(old.trackId()))
                    .append(" / ")
                    .append(paceName(old.paceId()))
                    .append(" to **")
                    .append(track.name())
                    .append("** / **")
                    .append(pace.name().toLowerCase(Locale.ROOT))
                    .append("** (")
                    .append(pace.months())
                    .append(" months). Your start date (")
                    .append(DATE.format(report.startedOn()))
                    .append(") and your topic marks are kept; ")
                    .append("you're ")
                    .append(report.percent())
                    .append("% through.\n")
                    .append("Expected finish: between ")
                    .append(DATE.format(report.finishEarliest()))
                    .append(" and ")
                    .append(DATE.format(report.finishLatest()))
                    .append(".\n");
        }
        report.next().stream()
                .findFirst()
                .ifPresent(t -> text.append("First up: **")
                        .append(t.name())
                        .append("** (phase ")
                        .append(kb.phaseOf(t).number())
                        .append("). "));
        text.append("`/progress next` shows what to study; `/progress done topic:<topic>` marks a topic done.");
        Reply.Builder reply = Reply.builder(text.toString())
                .title("Progress — " + track.name() + " track")
                .ephemeral(true);
        reply.button(new Reply.Button(NEXT_BUTTON, "What should I study next?", Reply.Button.Style.PRIMARY));
        return reply.build();
    }

    // ---- done / studying / skip / undo ----

    private Reply change(CommandRequest request, Optional<TopicState> target) {
        String typed = request.string(TOPIC).orElseThrow().strip();
        Enrollment enrollment = requireEnrollment(request);
        TopicMatcher.Result match = matcher.find(typed, enrollment.trackId());
        if (match instanceof TopicMatcher.NotFound notFound) {
            return unknownTopic(typed, notFound.suggestions(), target);
        }
        return apply(request, enrollment, ((TopicMatcher.Found) match).topic(), target);
    }

    private Reply apply(CommandRequest request, Enrollment enrollment, Topic topic, Optional<TopicState> target) {
        if (topic.track() != null && !topic.track().equals(enrollment.trackId())) {
            throw new UserError(
                    "**" + topic.name() + "** is on the " + trackName(topic.track()) + " track, and you're on "
                            + trackName(enrollment.trackId()) + ". Pick a topic of your track (`/progress next`), "
                            + "or switch with `/progress start`.");
        }
        Optional<TopicState> before =
                service.change(new TopicChange(request.guildId(), request.memberId(), topic.id(), target));
        if (before.equals(target)) {
            return Reply.error(
                    target.isEmpty()
                            ? "Nothing to undo: **" + topic.name() + "** has no mark (it's not started)."
                            : "**" + topic.name() + "** is already marked "
                                    + target.get().label() + ", so nothing changed.");
        }
        ProgressReport report =
                service.report(request.guildId(), request.memberId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        List<Reply.Button> buttons = new ArrayList<>();
        if (target.isEmpty()) {
            text.append("↩️ Removed the *")
                    .append(before.orElseThrow().label())
                    .append("* mark from **")
                    .append(topic.name())
                    .append("**; it's back to not started.");
        } else {
            switch (target.get()) {
                case DONE ->
                    text.append("✅ Marked **")
                            .append(topic.name())
                            .append("** done")
                            .append(before.isPresent() ? " (was " + before.get().label() + ")" : "")
                            .append('.');
                case IN_PROGRESS ->
                    text.append("📖 **")
                            .append(topic.name())
                            .append("** is now in progress. ")
                            .append(TopicResources.line(kb, topic));
                case SKIPPED ->
                    text.append("⏭️ Skipped **")
                            .append(topic.name())
                            .append("**: it no longer counts toward your percent.");
            }
            buttons.add(new Reply.Button(topicButtonId(UNDO, topic.id()), "Undo", Reply.Button.Style.SECONDARY));
        }
        text.append("\nYou're ")
                .append(report.percent())
                .append("% through the ")
                .append(report.track().name())
                .append(" track (")
                .append(report.done())
                .append('/')
                .append(report.total() - report.skipped())
                .append(" topics done).");
        if (target.equals(Optional.of(TopicState.DONE))) {
            Phase phase = kb.phaseOf(topic);
            boolean phaseFinished =
                    report.phases().stream().anyMatch(p -> p.phase().equals(phase) && p.finished());
            if (report.currentPhase().isEmpty()) {
                text.append("\n🏁 That's every topic of your track. Congratulations — time to build and apply!");
            } else if (phaseFinished) {
                text.append("\n🎉 Phase ")
                        .append(phase.number())
                        .append(" (")
                        .append(phase.title())
                        .append(") complete! Milestone: ")
                        .append(phase.milestone());
            }
        }
        if (report.currentPhase().isPresent()) {
            buttons.add(new Reply.Button(NEXT_BUTTON, "What next?", Reply.Button.Style.PRIMARY));
        }
        Reply.Builder reply = Reply.builder(text.toString()).ephemeral(true);
        buttons.forEach(reply::button);
        return reply.build();
    }

    private Reply unknownTopic(String typed, List<Topic> suggestions, Optional<TopicState> target) {
        StringBuilder text = new StringBuilder("I don't know the topic `")
                .append(Text.code(typed))
                .append("`.");
        List<Reply.Button> buttons = new ArrayList<>();
        if (suggestions.isEmpty()) {
            text.append(" Use a topic name or id from `/roadmap phase:<n>` (for example `http-basics`).");
        } else {
            text.append(" Did you mean: ")
                    .append(suggestions.stream()
                            .map(t -> "**" + t.name() + "** (`" + t.id() + "`)")
                            .collect(Collectors.joining(", ")))
                    .append('?');
            String action = target.map(s -> switch (s) {
                        case DONE -> DONE;
                        case IN_PROGRESS -> STUDYING;
                        case SKIPPED -> SKIP;
                    })
                    .orElse(UNDO);
            for (Topic t : suggestions.subList(0, Math.min(3, suggestions.size()))) {
                buttons.add(new Reply.Button(
                        topicButtonId(action, t.id()),
                        Text.truncate(verb(action) + " " + t.name(), 80),
                        Reply.Button.Style.SECONDARY));
            }
        }
        Reply.Builder reply = Reply.builder(text.toString()).ephemeral(true).error(true);
        buttons.forEach(reply::button);
        return reply.build();
    }

    private static String verb(String action) {
        return switch (action) {
            case DONE -> "Mark done:";
            case STUDYING -> "Start studying:";
            case SKIP -> "Skip:";
            default -> "Undo:";
        };
    }

    // ---- show ----

    private Reply show(CommandRequest request) {
        String target = request.string(MEMBER).map(String::strip).orElse(request.memberId());
        boolean self = target.equals(request.memberId());
        if (!MEMBER_ID.matcher(target).matches()) {
            throw new UserError("I couldn't tell which member you mean: pick them from the member list.");
        }
        String who = self ? Text.escape(request.displayName()) : "<@" + target + ">";
        if (!self && service.repository().leaderboardHidden(request.guildId(), target)) {
            return Reply.builder(who + " keeps their progress private.")
                    .ephemeral(true)
                    .build();
        }
        Optional<ProgressReport> maybe = service.report(request.guildId(), target);
        if (maybe.isEmpty()) {
            return Reply.builder(
                            self
                                    ? "You haven't started the roadmap here yet. Choose a track and pace with `/progress start` "
                                            + "(tracks: "
                                            + ids(kb.roadmap().tracks().stream()
                                                    .map(Track::id)
                                                    .toList()) + "; paces: "
                                            + ids(kb.roadmap().paces().stream()
                                                    .map(Pace::id)
                                                    .toList()) + ")."
                                    : who + " hasn't started the roadmap in this server yet.")
                    .ephemeral(true)
                    .build();
        }
        ProgressReport r = maybe.get();
        StringBuilder text = new StringBuilder("**")
                .append(who)
                .append("** · ")
                .append(r.track().name())
                .append(" track · ")
                .append(r.pace().name().toLowerCase(Locale.ROOT))
                .append(" pace (")
                .append(r.pace().months())
                .append(" months)\n");
        if (r.currentPhase().isPresent()) {
            Phase p = r.currentPhase().get();
            text.append("Phase ")
                    .append(p.number())
                    .append(" of ")
                    .append(kb.phases().size())
                    .append(": ")
                    .append(p.title());
        } else {
            text.append("Every phase complete 🏁");
        }
        text.append(" · **")
                .append(r.percent())
                .append("%** complete (")
                .append(r.done())
                .append('/')
                .append(r.total() - r.skipped())
                .append(" topics done");
        if (r.skipped() > 0) {
            text.append(", ").append(r.skipped()).append(" skipped");
        }
        if (r.inProgress() > 0) {
            text.append(", ").append(r.inProgress()).append(" in progress");
        }
        text.append(")\nStarted ")
                .append(DATE.format(r.startedOn()))
                .append(" · expected finish between ")
                .append(DATE.format(r.finishEarliest()))
                .append(" and ")
                .append(DATE.format(r.finishLatest()))
                .append(" · ")
                .append(scheduleText(r.onSchedule()));
        Reply.Builder reply = Reply.builder(text.toString())
                .title("Progress — " + r.track().name() + " track")
                .ephemeral(!self);
        for (ProgressReport.PhaseCount pc : r.phases()) {
            reply.field(
                    "Phase " + pc.phase().number() + " · " + pc.phase().title(),
                    "`" + bar(pc.done(), pc.total() - pc.skipped()) + "` " + pc.done() + "/"
                            + (pc.total() - pc.skipped()) + " done"
                            + (pc.skipped() > 0 ? ", " + pc.skipped() + " skipped" : "")
                            + (pc.inProgress() > 0 ? ", " + pc.inProgress() + " in progress" : ""),
                    false);
        }
        if (self && r.currentPhase().isPresent()) {
            reply.button(new Reply.Button(NEXT_BUTTON, "What next?", Reply.Button.Style.PRIMARY));
        }
        reply.attachment(
                new Reply.Attachment(CARD_FILE, "image/png", card(self ? request.displayName() : null, target, r)));
        return reply.footer("Pace from the guide: " + r.pace().description()).build();
    }

    /** The progress card picture attached to /progress show; the reply's text carries the same facts. */
    public static final String CARD_FILE = "progress_card.png";

    static byte[] card(String displayName, String memberId, ProgressReport r) {
        String tail = memberId.length() > 4 ? memberId.substring(memberId.length() - 4) : memberId;
        List<ProgressCardImage.PhaseBar> bars = r.phases().stream()
                .map(pc -> new ProgressCardImage.PhaseBar(
                        "Phase " + pc.phase().number() + " · " + pc.phase().title(),
                        pc.done(),
                        pc.total() - pc.skipped()))
                .toList();
        String status = r.percent() + "% · "
                + switch (r.onSchedule()) {
                    case AHEAD -> "ahead of pace";
                    case ON_TRACK -> "on track";
                    case BEHIND -> "behind pace";
                    case FINISHED -> "finished";
                };
        return ProgressCardImage.render(new ProgressCardImage.Card(
                displayName,
                "Member …" + tail,
                r.track().name() + " track · " + r.pace().name().toLowerCase(Locale.ROOT) + " pace",
                status,
                r.percent(),
                bars));
    }

    private static String scheduleText(ProgressReport.Schedule schedule) {
        return switch (schedule) {
            case AHEAD -> "ahead of your pace 🚀";
            case ON_TRACK -> "on track";
            case BEHIND -> "a bit behind your pace: `/progress next` shows the next step";
            case FINISHED -> "finished 🎉";
        };
    }

    /** A text bar that reads the same in a screen reader's "n/m" next to it. */
    static String bar(int done, int total) {
        int filled = total <= 0 ? BAR_WIDTH : (int) Math.round((double) BAR_WIDTH * done / total);
        return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    }

    // ---- next ----

    private Reply next(CommandRequest request) {
        requireEnrollment(request);
        ProgressReport r = service.report(request.guildId(), request.memberId()).orElseThrow();
        if (r.next().isEmpty()) {
            return Reply.builder("🏁 You've handled every topic on the "
                            + r.track().name() + " track. Time to build portfolio projects (`/projects`) and apply!")
                    .ephemeral(true)
                    .build();
        }
        List<Topic> next = r.next().subList(0, Math.min(NEXT_COUNT, r.next().size()));
        Phase phase = r.currentPhase().orElse(kb.phaseOf(next.get(0)));
        Reply.Builder reply = Reply.builder("Next for you (phase " + phase.number() + ": " + phase.title() + ", "
                        + r.percent() + "% done so far):\n"
                        + next.stream()
                                .map(t -> "• **" + t.name() + "**"
                                        + r.progress()
                                                .state(t.id())
                                                .map(s -> " (" + s.label() + ")")
                                                .orElse(""))
                                .collect(Collectors.joining("\n")))
                .title("What to study next")
                .ephemeral(true)
                .footer("Source: roadmap phases and courses of the bundled guide")
                .sources(next.stream().map(t -> kb.phaseOf(t).id()).distinct().toList());
        for (Topic t : next) {
            reply.field(
                    "Phase " + kb.phaseOf(t).number() + " · " + t.name(),
                    Text.truncate(t.details() + "\n" + TopicResources.line(kb, t), 1024),
                    false);
            reply.button(new Reply.Button(
                    doneButtonId(t.id()), Text.truncate("Mark " + t.name() + " done", 80), Reply.Button.Style.SUCCESS));
        }
        return reply.build();
    }

    // ---- helpers ----

    /** Whether the member has chosen a track in this server (a personal /ask is answered from their progress then). */
    boolean started(String guildId, String memberId) {
        return service.repository().enrollment(guildId, memberId).isPresent();
    }

    private Enrollment requireEnrollment(CommandRequest request) {
        return service.repository()
                .enrollment(request.guildId(), request.memberId())
                .orElseThrow(() -> new UserError("Start first: choose a track and pace with `/progress start` (tracks: "
                        + ids(kb.roadmap().tracks().stream().map(Track::id).toList()) + "; paces: "
                        + ids(kb.roadmap().paces().stream().map(Pace::id).toList()) + ")."));
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
    }

    private String trackName(String id) {
        return kb.roadmap().tracks().stream()
                .filter(t -> t.id().equals(id))
                .map(Track::name)
                .findFirst()
                .orElse(id);
    }

    private String paceName(String id) {
        return kb.roadmap().paces().stream()
                .filter(p -> p.id().equals(id))
                .map(p -> p.name().toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse(id);
    }

    private static String date(Enrollment e) {
        return DATE.format(LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC));
    }
}
