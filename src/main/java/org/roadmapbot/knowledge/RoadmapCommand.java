package org.roadmapbot.knowledge;

import java.util.stream.Collectors;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/** /roadmap [phase] — the whole plan at a glance, or one phase with its topics. */
public final class RoadmapCommand implements Command {

    public static final String NAME = "roadmap";
    public static final String PHASE = "phase";

    private final KnowledgeBase kb;
    private final Handlers handlers;

    public RoadmapCommand(KnowledgeBase kb) {
        this.kb = kb;
        this.handlers = Handlers.of(
                CommandSpec.of(
                        NAME,
                        "The backend roadmap: all phases, or one phase in detail",
                        OptionSpec.integer(
                                PHASE,
                                "Phase number (1-" + kb.phases().size() + ")",
                                false,
                                1,
                                kb.phases().size())),
                this::roadmap);
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply roadmap(CommandRequest request) {
        return request.integer(PHASE)
                .map(n -> phase(kb.phase(n.intValue()).orElseThrow()))
                .orElseGet(this::overview);
    }

    private Reply overview() {
        RoadmapFile r = kb.roadmap();
        Reply.Builder reply = Reply.builder("**" + r.title() + "**\n" + r.summary())
                .title(r.title())
                .footer("Source: \"" + r.section() + "\" · /roadmap phase:<n> for details")
                .sources(java.util.List.of("roadmap"));
        for (Phase p : r.phases()) {
            reply.field("Phase " + p.number() + " · months " + p.months() + " · " + p.title(), p.goal(), false);
        }
        reply.field(
                "Tracks",
                r.tracks().stream().map(t -> t.name() + ": " + t.description()).collect(Collectors.joining("\n")),
                false);
        reply.field(
                "Pace",
                r.paces().stream()
                        .map(p -> p.name() + ": " + p.months() + " months")
                        .collect(Collectors.joining("\n")),
                false);
        return reply.build();
    }

    private Reply phase(Phase p) {
        Reply.Builder reply = Reply.builder(
                        "**Phase " + p.number() + " (months " + p.months() + "): " + p.title() + "**\n" + p.summary())
                .title("Phase " + p.number() + ": " + p.title())
                .footer("Source: \"" + p.section() + "\" (entry " + p.id() + ")")
                .sources(java.util.List.of(p.id()));
        reply.field("Topics", p.topics().stream().map(this::topicLine).collect(Collectors.joining("\n")), false);
        p.tracks().forEach((track, text) -> reply.field(trackName(track) + " track", text, true));
        reply.field("Goal", p.goal(), false);
        reply.field("Milestone", p.milestone(), false);
        return reply.build();
    }

    private String topicLine(Topic t) {
        return "• **" + t.name() + "** — " + t.details()
                + (t.track() == null ? "" : " _(" + trackName(t.track()) + ")_") + " `" + t.id() + "`";
    }

    private String trackName(String id) {
        return kb.roadmap().tracks().stream()
                .filter(t -> t.id().equals(id))
                .map(RoadmapFile.Track::name)
                .findFirst()
                .orElse(id);
    }
}
