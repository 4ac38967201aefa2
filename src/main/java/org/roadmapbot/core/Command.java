package org.roadmapbot.core;

import java.util.List;

/**
 * One slash command of the core, with no Discord types: its spec (what Discord registers, the
 * console parses and the router checks) and its handlers (one per subcommand and per button
 * action). The router runs its steps before any handler, so a handler sees checked options only.
 */
public interface Command {

    /** The spec and what the command does per subcommand and per button action; built once by the command. */
    Handlers handlers();

    /** What Discord registers, the console parses, /help lists and the router checks requests against. */
    default CommandSpec spec() {
        return handlers().spec();
    }

    /**
     * The handler of the command itself, for a feature that hands requests to a command without subcommands
     * (a {@link WrappingCommand}, the message menu's "Ask Roadmap Bot").
     *
     * @throws IllegalArgumentException the command has subcommands
     */
    default Handlers.Handler wholeCommandHandler() {
        return handlers()
                .forSubcommand(null)
                .orElseThrow(() -> new IllegalArgumentException("/" + spec().name()
                        + " has subcommands; only a command without can take a request as a whole"));
    }

    /** Suggestions for an option marked autocomplete, best first (at most 25 are shown). */
    default List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return List.of();
    }

    /** An autocomplete suggestion: what is shown, and the value sent back. */
    record Choice(String name, String value) {}
}
