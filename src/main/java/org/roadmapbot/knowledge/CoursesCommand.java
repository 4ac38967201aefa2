package org.roadmapbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.Numbers;

/** /courses [language] [max_price] [format] — the course finder. */
public final class CoursesCommand implements Command {

    public static final String NAME = "courses";
    public static final String LANGUAGE = "language";
    public static final String MAX_PRICE = "max_price";
    public static final String FORMAT = "format";

    private static final CommandSpec SPEC = CommandSpec.of(
            NAME,
            "Find a backend course by language, price and format",
            OptionSpec.string(LANGUAGE, "Language or stack it teaches, e.g. Go, Python, Node.js", false, 40)
                    .withAutocomplete(),
            OptionSpec.number(MAX_PRICE, "Highest price in US$ per month (0 = free only)", false, 0, 100_000),
            OptionSpec.string(FORMAT, "How it teaches, e.g. interactive, project-based, gamified", false, 40)
                    .withAutocomplete());

    private final KnowledgeBase kb;
    private final Handlers handlers = Handlers.of(SPEC, this::find);

    public CoursesCommand(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply find(CommandRequest request) {
        CourseFilter filter = new CourseFilter(
                request.string(LANGUAGE)
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElse(null),
                request.number(MAX_PRICE).orElse(null),
                request.string(FORMAT)
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElse(null));
        List<Course> found = filter.apply(kb.courses());
        String criteria = describe(filter);
        if (found.isEmpty()) {
            return Reply.builder("No course in the guide matches " + criteria + ".\n"
                            + "Languages and stacks: " + String.join(", ", CourseFilter.languages(kb.courses())) + ".\n"
                            + "Formats: " + String.join(", ", CourseFilter.formats(kb.courses())) + ".")
                    .ephemeral(true)
                    .build();
        }
        Reply.Builder reply = Reply.builder(
                        found.size() + (found.size() == 1 ? " course matches " : " courses match ") + criteria + ":\n"
                                + found.stream().map(CoursesCommand::line).collect(Collectors.joining("\n")))
                .title("Backend courses")
                .footer("Source: \"" + kb.coursesFile().section() + "\"")
                .sources(found.stream().map(Course::id).toList());
        for (Course c : found) {
            reply.field(c.provider() + " — " + c.name(), details(c), false);
        }
        return reply.build();
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        List<String> values = new ArrayList<>(
                switch (option) {
                    case LANGUAGE -> CourseFilter.languages(kb.courses());
                    case FORMAT -> CourseFilter.formats(kb.courses());
                    default -> List.<String>of();
                });
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        return values.stream()
                .filter(v -> v.toLowerCase(Locale.ROOT).contains(prefix))
                .map(v -> new Choice(v, v))
                .toList();
    }

    private static String line(Course c) {
        return "• **" + c.provider() + " — " + c.name() + "** · " + c.price().text() + " · "
                + String.join(", ", c.stack()) + " · " + c.format();
    }

    private static String details(Course c) {
        return "Price: " + c.price().text() + "\nStack: " + String.join(", ", c.stack()) + "\nFormat: " + c.format()
                + (c.hours() == null ? "" : "\nLength: " + Numbers.plain(c.hours()) + " hours")
                + "\nBest for: " + c.bestFor();
    }

    private static String describe(CourseFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.language() != null) {
            parts.add("language **" + Text.escape(f.language()) + "**");
        }
        if (f.maxMonthlyUsd() != null) {
            parts.add(f.maxMonthlyUsd() == 0 ? "**free**" : "at most **" + Numbers.usd(f.maxMonthlyUsd()) + "/month**");
        }
        if (f.format() != null) {
            parts.add("format **" + Text.escape(f.format()) + "**");
        }
        return parts.isEmpty() ? "(no filter)" : String.join(", ", parts);
    }
}
