package org.roadmapbot.core;

import java.util.List;

/**
 * /help — every command the bot has, generated from the same specs Discord registers. The router
 * adds it, with its own list of commands ({@link CommandRouter}).
 */
public final class HelpCommand implements Command {

    public static final String NAME = "help";

    static final CommandSpec SPEC = CommandSpec.of(NAME, "What I can do and how to ask");

    private final List<CommandSpec> specs;
    private final Handlers handlers = Handlers.of(SPEC, this::help);

    /** @param specs every command's spec, this one's included, in the order to list them */
    HelpCommand(List<CommandSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply help(CommandRequest request) {
        StringBuilder text = new StringBuilder("I'm the study assistant for the backend-developer roadmap. "
                + "Ask me anything about it with `/ask`, or use a command:\n");
        for (CommandSpec spec : specs) {
            if (spec.moderatorOnly() && !request.moderator()) {
                continue;
            }
            if (spec.kind() == CommandSpec.Kind.MESSAGE) {
                text.append("• On any message: Apps → **")
                        .append(spec.name())
                        .append("** — ")
                        .append(spec.description())
                        .append('\n');
            } else if (spec.subcommands().isEmpty()) {
                text.append("• `/")
                        .append(spec.name())
                        .append(usage(spec.options()))
                        .append("` — ")
                        .append(spec.description())
                        .append('\n');
            } else {
                for (CommandSpec.SubcommandSpec sub : spec.subcommands()) {
                    if (sub.moderatorOnly() && !request.moderator()) {
                        continue;
                    }
                    text.append("• `/")
                            .append(spec.name())
                            .append(' ')
                            .append(sub.name())
                            .append(usage(sub.options()))
                            .append("` — ")
                            .append(sub.description())
                            .append('\n');
                }
            }
        }
        text.append("\nAnswers come from the bundled roadmap guide, and each one names the entry it used.");
        return Reply.builder(text.toString())
                .title("Roadmap Study Bot — help")
                .ephemeral(true)
                .build();
    }

    private static String usage(List<OptionSpec> options) {
        StringBuilder usage = new StringBuilder();
        for (OptionSpec o : options) {
            usage.append(' ')
                    .append(o.required() ? "" : "[")
                    .append(o.name())
                    .append(':')
                    .append(o.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(o.required() ? "" : "]");
        }
        return usage.toString();
    }
}
