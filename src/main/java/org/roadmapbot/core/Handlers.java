package org.roadmapbot.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A command's spec and what it does: one handler per subcommand (or one for a command without
 * subcommands), one per button action and one per form ({@link Reply.Form}) action. The router looks a request up here after its steps have
 * passed. {@link Builder#build()} checks that the subcommands handled are exactly those of the
 * spec, so a command is complete when it is built and no command needs a {@code switch} with an
 * "unhandled subcommand" default.
 */
public final class Handlers {

    /** Answers a request whose options the router's steps have already checked. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(CommandRequest request);
    }

    /**
     * Answers a press of a button the command made. The presser's request carries no options;
     * {@code button} is the parsed custom id, its arguments already checked to be ids.
     */
    @FunctionalInterface
    public interface ButtonHandler {
        Reply press(CommandRequest presser, ButtonId button);
    }

    /**
     * Answers a submitted form the command made ({@link Reply.Form}); {@code form} is its parsed custom
     * id, {@code values} the text of each input by id. Forms are not validated by the router: the
     * handler checks what it reads, and who submits (a form is no proof of moderation).
     */
    @FunctionalInterface
    public interface FormHandler {
        Reply submit(CommandRequest submitter, ButtonId form, Map<String, String> values);
    }

    /** The key of a command's own handler when it has no subcommands. */
    private static final String WHOLE = "";

    /** A button or form action's handler and how many arguments its ids carry (an id with another count is refused). */
    private record Route<H>(int minArgs, int maxArgs, H handler) {}

    private final CommandSpec spec;
    private final Map<String, Handler> subcommands;
    private final Map<String, Route<ButtonHandler>> buttons;
    private final Map<String, Route<FormHandler>> forms;

    private Handlers(
            CommandSpec spec,
            Map<String, Handler> subcommands,
            Map<String, Route<ButtonHandler>> buttons,
            Map<String, Route<FormHandler>> forms) {
        this.spec = spec;
        this.subcommands = Map.copyOf(subcommands);
        this.buttons = Map.copyOf(buttons);
        this.forms = Map.copyOf(forms);
    }

    /** A command without subcommands or buttons. */
    public static Handlers of(CommandSpec spec, Handler whole) {
        return builder(spec).command(whole).build();
    }

    public static Builder builder(CommandSpec spec) {
        return new Builder(spec);
    }

    /** What Discord registers, the console parses, /help lists and the router checks requests against. */
    public CommandSpec spec() {
        return spec;
    }

    /** The handler of a subcommand, or of the command itself when {@code subcommand} is null. */
    public Optional<Handler> forSubcommand(String subcommand) {
        return Optional.ofNullable(subcommands.get(subcommand == null ? WHOLE : subcommand));
    }

    /** The handler for a pressed button: empty when the command has no such action or the id's arguments don't fit it. */
    public Optional<ButtonHandler> forButton(ButtonId button) {
        return route(buttons, button);
    }

    /** The handler for a submitted form: empty when the command has no such action or the id's arguments don't fit it. */
    public Optional<FormHandler> forForm(ButtonId form) {
        return route(forms, form);
    }

    private static <H> Optional<H> route(Map<String, Route<H>> routes, ButtonId id) {
        Route<H> route = routes.get(id.action());
        int n = id.args().size();
        return route == null || n < route.minArgs() || n > route.maxArgs()
                ? Optional.empty()
                : Optional.of(route.handler());
    }

    /** Checks that the handlers cover exactly the spec's paths: a mistake here stops start-up, not a member. */
    private static void requireMatches(CommandSpec spec, Map<String, Handler> subcommands) {
        Set<String> expected = spec.subcommands().isEmpty()
                ? Set.of(WHOLE)
                : Set.copyOf(spec.subcommands().stream()
                        .map(CommandSpec.SubcommandSpec::name)
                        .toList());
        if (!expected.equals(subcommands.keySet())) {
            throw new IllegalArgumentException(
                    "/" + spec.name() + ": handlers for " + subcommands.keySet() + " but the spec has " + expected);
        }
    }

    public static final class Builder {
        private final CommandSpec spec;
        private final Map<String, Handler> subcommands = new LinkedHashMap<>();
        private final Map<String, Route<ButtonHandler>> buttons = new LinkedHashMap<>();
        private final Map<String, Route<FormHandler>> forms = new LinkedHashMap<>();

        private Builder(CommandSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** The handler of a command without subcommands. */
        public Builder command(Handler handler) {
            return put(subcommands, WHOLE, handler);
        }

        public Builder subcommand(String name, Handler handler) {
            return put(subcommands, name, handler);
        }

        /** The handler of the command's buttons with this action ({@link ButtonId#action()}) and no arguments. */
        public Builder button(String action, ButtonHandler handler) {
            return button(action, 0, 0, handler);
        }

        /** As {@link #button(String, ButtonHandler)}, for ids with {@code args} arguments. */
        public Builder button(String action, int args, ButtonHandler handler) {
            return button(action, args, args, handler);
        }

        /** As {@link #button(String, ButtonHandler)}, for ids with {@code minArgs} to {@code maxArgs} arguments (an older layout had fewer). */
        public Builder button(String action, int minArgs, int maxArgs, ButtonHandler handler) {
            Objects.requireNonNull(handler, "handler");
            return put(buttons, action, new Route<>(minArgs, maxArgs, handler));
        }

        /** The handler of the command's forms with this action and no arguments ("faq:add"). */
        public Builder form(String action, FormHandler handler) {
            return form(action, 0, 0, handler);
        }

        /** As {@link #form(String, FormHandler)}, for ids with {@code minArgs} to {@code maxArgs} arguments. */
        public Builder form(String action, int minArgs, int maxArgs, FormHandler handler) {
            Objects.requireNonNull(handler, "handler");
            return put(forms, action, new Route<>(minArgs, maxArgs, handler));
        }

        /** Every button and form action of {@code other} (a {@link WrappingCommand} keeps the wrapped command's). */
        public Builder buttonsOf(Handlers other) {
            other.buttons.forEach((action, route) -> put(buttons, action, route));
            other.forms.forEach((action, route) -> put(forms, action, route));
            return this;
        }

        private <T> Builder put(Map<String, T> map, String key, T handler) {
            Objects.requireNonNull(handler, "handler");
            if (map.putIfAbsent(key, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + (key.isEmpty() ? "the command" : key));
            }
            return this;
        }

        /** @throws IllegalArgumentException the subcommands handled are not exactly the spec's */
        public Handlers build() {
            requireMatches(spec, subcommands);
            return new Handlers(spec, subcommands, buttons, forms);
        }
    }
}
