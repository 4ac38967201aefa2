package org.roadmapbot.knowledge;

import java.util.List;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.ProjectsFile;
import org.roadmapbot.knowledge.data.ProjectsFile.Project;

/** /projects [level] — the four portfolio projects of increasing complexity. */
public final class ProjectsCommand implements Command {

    public static final String NAME = "projects";
    public static final String LEVEL = "level";

    private final KnowledgeBase kb;
    private final Handlers handlers;

    public ProjectsCommand(KnowledgeBase kb) {
        this.kb = kb;
        String[] levels = kb.projectsFile().projects().stream()
                .map(Project::level)
                .distinct()
                .toArray(String[]::new);
        this.handlers = Handlers.of(
                CommandSpec.of(
                        NAME,
                        "Portfolio projects to build, from beginner to capstone",
                        OptionSpec.string(LEVEL, "Which project: " + String.join(", ", levels), false, 20)
                                .withChoices(levels)),
                this::projects);
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply projects(CommandRequest request) {
        ProjectsFile file = kb.projectsFile();
        List<Project> chosen = request.string(LEVEL)
                .map(level -> file.projects().stream()
                        .filter(p -> p.level().equalsIgnoreCase(level.strip()))
                        .toList())
                .orElse(file.projects());
        StringBuilder text = new StringBuilder();
        List<Reply.Field> fields = new java.util.ArrayList<>();
        if (chosen.size() > 1) {
            text.append(file.intro()).append("\n\n");
        }
        for (Project p : chosen) {
            text.append("**")
                    .append(capitalize(p.level()))
                    .append(": ")
                    .append(p.title())
                    .append("**\n")
                    .append(p.description())
                    .append("\n\n");
            fields.add(new Reply.Field(
                    capitalize(p.level()) + ": " + p.title(),
                    String.join(" · ", p.features()) + (p.why() == null ? "" : "\n" + p.why()),
                    false));
        }
        text.append("Present each project with: ").append(file.presentation());
        Reply.Builder reply = Reply.builder(text.toString().strip())
                .title("Backend portfolio projects")
                .footer("Source: \"" + file.section() + "\"")
                .sources(chosen.stream().map(Project::id).toList());
        fields.forEach(f -> reply.field(f.name(), f.value(), f.inline()));
        return reply.build();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
