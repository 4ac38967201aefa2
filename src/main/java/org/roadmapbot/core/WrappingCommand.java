package org.roadmapbot.core;

import java.util.List;

/**
 * A command that wraps another command without subcommands, so a feature can answer some requests
 * itself and leave the rest to it without changing it (the /ask of small talk, personal answers, a
 * server's FAQ and rating buttons; {@code app/Features} decides the order of wrapping). The wrapper
 * has the wrapped command's spec, its own {@link #handle} and the wrapped command's buttons, forms
 * and autocomplete, so a button on an answer of the wrapped command keeps working through any number
 * of wrappers; {@link #handOff} is the wrapped command's answer.
 */
public abstract class WrappingCommand implements Command {

    private final Command wrapped;
    private final Handlers.Handler wrappedHandler;
    private final Handlers handlers;

    /** @throws IllegalArgumentException {@code wrapped} has subcommands, or a button of {@link #addButtons} is one of its own */
    protected WrappingCommand(Command wrapped) {
        this.wrapped = wrapped;
        this.wrappedHandler = wrapped.wholeCommandHandler();
        Handlers.Builder builder = Handlers.builder(wrapped.spec()).command(this::handle);
        addButtons(builder);
        this.handlers = builder.buttonsOf(wrapped.handlers()).build();
    }

    /** Answers a request to the command: by itself, or by {@link #handOff}. */
    protected abstract Reply handle(CommandRequest request);

    /**
     * The wrapper's own buttons and forms, next to the wrapped command's. Called once, from the
     * constructor, before the subclass's fields are set: register handlers (method references), do
     * not read fields here.
     */
    protected void addButtons(Handlers.Builder builder) {}

    /** The wrapped command's answer to {@code request}. */
    protected final Reply handOff(CommandRequest request) {
        return wrappedHandler.handle(request);
    }

    @Override
    public final Handlers handlers() {
        return handlers;
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return wrapped.autocomplete(request, option, typed);
    }
}
