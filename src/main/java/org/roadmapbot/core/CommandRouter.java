package org.roadmapbot.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point of every adapter: finds the command, validates the options against
 * its spec, enforces the moderator check, and turns any failure into a polite reply. Nothing
 * thrown by a handler reaches a member as a stack trace.
 */
public final class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    /** The metrics' command name for a name no command has (one series, whatever was typed). */
    public static final String UNKNOWN_COMMAND = "unknown";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final BotMetrics metrics;

    public CommandRouter(List<Command> commandList) {
        this(commandList, BotMetrics.NONE);
    }

    /** As {@link #CommandRouter(List)}, counting every command and button by name, outcome and latency. */
    public CommandRouter(List<Command> commandList, BotMetrics metrics) {
        this.metrics = metrics;
        for (Command command : commandList) {
            String name = command.spec().name();
            if (commands.putIfAbsent(name, command) != null) {
                throw new IllegalArgumentException("two commands named " + name);
            }
        }
    }

    public List<CommandSpec> specs() {
        List<CommandSpec> specs = new ArrayList<>();
        commands.values().forEach(c -> specs.add(c.spec()));
        return Collections.unmodifiableList(specs);
    }

    public Optional<CommandSpec> spec(String name) {
        return Optional.ofNullable(commands.get(name)).map(Command::spec);
    }

    public Reply dispatch(CommandRequest request) {
        long start = System.nanoTime();
        Command command = commands.get(request.command());
        if (command == null) {
            return measured(UNKNOWN_COMMAND, false, BotMetrics.CommandOutcome.UNKNOWN, start,
                    Reply.error("I don't know the command `/" + Text.code(request.command())
                            + "`. Try `/help` to see what I can do."));
        }
        String name = command.spec().name();
        try {
            OptionValidator.validate(command.spec(), request);
            if (command.spec().isModeratorOnly(request.subcommand()) && !request.moderator()) {
                return measured(name, false, BotMetrics.CommandOutcome.FORBIDDEN, start,
                        Reply.error("Only moderators (Manage Server or the moderator role) can use `/"
                                + request.path() + "`."));
            }
            return measured(name, false, null, start, command.handle(request));
        } catch (UserError e) {
            return measured(name, false, BotMetrics.CommandOutcome.USER_ERROR, start, Reply.error(e.getMessage()));
        } catch (RuntimeException e) {
            return measured(name, false, BotMetrics.CommandOutcome.FAILED, start, unexpected(request.path(), e));
        }
    }

    public List<Command.Choice> autocomplete(CommandRequest request, String option, String typed) {
        Command command = commands.get(request.command());
        if (command == null) {
            return List.of();
        }
        try {
            List<Command.Choice> choices = command.autocomplete(request, option, typed == null ? "" : typed);
            return choices.size() > 25 ? choices.subList(0, 25) : choices;
        } catch (RuntimeException e) {
            LOG.warn("autocomplete failed for /{} {}", request.path(), option, e);
            return List.of();
        }
    }

    /** Routes a button press by the custom id's prefix ("progress:done:http-basics"). */
    public Reply button(CommandRequest presser, String customId) {
        return component(presser, customId, "button", (command, args) -> command.onButton(presser, args));
    }

    /**
     * Routes a submitted form ({@link Reply.Form}) by its custom id's prefix, as a button; {@code values}
     * are the inputs' text by id. Counted with the buttons.
     */
    public Reply form(CommandRequest submitter, String customId, Map<String, String> values) {
        return component(submitter, customId, "form", (command, args) -> command.onForm(submitter, args, Map.copyOf(values)));
    }

    private Reply component(CommandRequest presser, String customId, String kind,
                            java.util.function.BiFunction<Command, String, Reply> handler) {
        long start = System.nanoTime();
        int colon = customId.indexOf(':');
        Command command = colon < 0 ? null : commands.get(customId.substring(0, colon));
        if (command == null) {
            return measured(UNKNOWN_COMMAND, true, BotMetrics.CommandOutcome.UNKNOWN, start,
                    Reply.error("That " + kind + " no longer does anything."));
        }
        String name = command.spec().name();
        try {
            return measured(name, true, null, start, handler.apply(command, customId.substring(colon + 1)));
        } catch (UserError e) {
            return measured(name, true, BotMetrics.CommandOutcome.USER_ERROR, start, Reply.error(e.getMessage()));
        } catch (RuntimeException e) {
            return measured(name, true, BotMetrics.CommandOutcome.FAILED, start, unexpected(kind + " " + customId, e));
        }
    }

    /**
     * Reports the reply to the metrics and returns it. A handler's own error reply (no exception) is
     * a user error; {@code outcome} null means "judge by the reply".
     */
    private Reply measured(String command, boolean button, BotMetrics.CommandOutcome outcome, long start, Reply reply) {
        BotMetrics.CommandOutcome result = outcome != null ? outcome
                : reply.error() ? BotMetrics.CommandOutcome.USER_ERROR : BotMetrics.CommandOutcome.OK;
        metrics.commandCompleted(command, button, result, System.nanoTime() - start);
        return reply;
    }

    private static Reply unexpected(String what, RuntimeException e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected failure in {} (incident {})", what, incident, e);
        // No promise that nothing changed: a command can fail after a first write.
        return Reply.error("Sorry, something went wrong on my side (incident " + incident
                + "). Please try again in a moment; if it keeps happening, give a moderator this incident code.");
    }
}
