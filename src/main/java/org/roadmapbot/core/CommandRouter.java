package org.roadmapbot.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point of every adapter, and the one pipeline every command goes through:
 * find the command, run the steps in order ({@link CommandStep#BUILT_IN}: options checked against
 * the spec, the moderator check; then any added, such as a quota), dispatch to the handler of the
 * subcommand ({@link Handlers}), and turn any failure into a polite reply. Button presses are read
 * by the one codec ({@link ButtonId}) and dispatched to the command's handler for the action.
 * Nothing thrown by a handler reaches a member as a stack trace. {@code /help} is built here,
 * from the router's own commands.
 */
public final class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    /** The metrics' command name for a name no command has (one series, whatever was typed). */
    public static final String UNKNOWN_COMMAND = "unknown";

    /** The reply to a form no command can take (a form of an older version, a forged id). */
    public static final String FORM_STALE = "That form no longer does anything.";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<String, Handlers> handlers = new LinkedHashMap<>();
    /** A command's name by the name button and form ids use for it ({@link ButtonId#commandKey}). */
    private final Map<String, String> byIdKey = new LinkedHashMap<>();

    private final List<CommandStep> steps;
    private final BotMetrics metrics;

    public CommandRouter(List<Command> commandList) {
        this(commandList, List.of(), BotMetrics.NONE);
    }

    /** As {@link #CommandRouter(List)}, counting every command and button by name, outcome and latency. */
    public CommandRouter(List<Command> commandList, BotMetrics metrics) {
        this(commandList, List.of(), metrics);
    }

    /**
     * @param extraSteps steps run for every command after the built-in ones, in order
     * @throws IllegalArgumentException two commands of one name, or handlers that do not match a spec
     */
    public CommandRouter(List<Command> commandList, List<CommandStep> extraSteps, BotMetrics metrics) {
        this.metrics = metrics;
        List<CommandStep> all = new ArrayList<>(CommandStep.BUILT_IN);
        all.addAll(extraSteps);
        this.steps = List.copyOf(all);
        List<Command> withHelp = new ArrayList<>(commandList);
        if (commandList.stream().noneMatch(c -> c.spec().name().equals(HelpCommand.NAME))) {
            List<CommandSpec> specs =
                    new ArrayList<>(commandList.stream().map(Command::spec).toList());
            specs.add(HelpCommand.SPEC);
            withHelp.add(new HelpCommand(specs));
        }
        for (Command command : withHelp) {
            String name = command.spec().name();
            if (commands.putIfAbsent(name, command) != null) {
                throw new IllegalArgumentException("two commands named " + name);
            }
            handlers.put(name, command.handlers());
            byIdKey.put(ButtonId.commandKey(name), name);
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
            return measured(
                    UNKNOWN_COMMAND,
                    false,
                    BotMetrics.CommandOutcome.UNKNOWN,
                    start,
                    Reply.error("I don't know the command `/" + Text.code(request.command())
                            + "`. Try `/help` to see what I can do."));
        }
        CommandSpec spec = command.spec();
        String name = spec.name();
        try {
            CommandRequest checked = request;
            for (CommandStep step : steps) {
                checked = step.apply(spec, checked);
            }
            // The options step has refused any path the spec lacks, and the handlers match the spec.
            Handlers.Handler handler =
                    handlers.get(name).forSubcommand(checked.subcommand()).orElseThrow();
            return measured(name, false, null, start, handler.handle(checked));
        } catch (Forbidden e) {
            return measured(name, false, BotMetrics.CommandOutcome.FORBIDDEN, start, Reply.error(e.getMessage()));
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

    /**
     * Routes a button press by its custom id ({@link ButtonId}: {@code 2:progress:done:http-basics},
     * or a version-1 id from an older message). An id no command can use gets a polite "no longer
     * does anything".
     */
    public Reply button(CommandRequest presser, String customId) {
        return component(customId, "button", ButtonId.STALE, (name, id) -> {
            Handlers.ButtonHandler handler =
                    handlers.get(name).forButton(id).orElseThrow(() -> new UserError(ButtonId.STALE));
            // The adapter cannot read the id; the request names the command the id does.
            return handler.press(presser.withOptions(name, null, Map.of()), id);
        });
    }

    /**
     * Routes a submitted form ({@link Reply.Form}) by its custom id, read by the same codec as a
     * button's; {@code values} are the inputs' text by id. Counted with the buttons.
     */
    public Reply form(CommandRequest submitter, String customId, Map<String, String> values) {
        Map<String, String> submitted = Map.copyOf(values);
        return component(customId, "form", FORM_STALE, (name, id) -> {
            Handlers.FormHandler handler = handlers.get(name).forForm(id).orElseThrow(() -> new UserError(FORM_STALE));
            return handler.submit(submitter.withOptions(name, null, Map.of()), id, submitted);
        });
    }

    /** A button or form: the id parsed, its command found by the id's name for it, the handler run, failures made polite. */
    private Reply component(String customId, String kind, String stale, BiFunction<String, ButtonId, Reply> handler) {
        long start = System.nanoTime();
        Optional<ButtonId> parsed = ButtonId.parse(customId);
        String name = parsed.map(id -> byIdKey.get(id.command())).orElse(null);
        if (name == null) {
            return measured(UNKNOWN_COMMAND, true, BotMetrics.CommandOutcome.UNKNOWN, start, Reply.error(stale));
        }
        try {
            return measured(name, true, null, start, handler.apply(name, parsed.get()));
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
        BotMetrics.CommandOutcome result = outcome != null
                ? outcome
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
