package org.roadmapbot.core;

import java.util.List;

/** One slash command of the core: its description and its handler, with no Discord types. */
public interface Command {

    CommandSpec spec();

    /** Answers a request whose options the router has already validated against {@link #spec()}. */
    Reply handle(CommandRequest request);

    /** Suggestions for an option marked autocomplete, best first (at most 25 are shown). */
    default List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        return List.of();
    }

    /**
     * Handles a press of a button this command created; {@code args} is the custom id after
     * "command:". The presser's request carries no options.
     */
    default Reply onButton(CommandRequest presser, String args) {
        throw new UserError("That button no longer does anything.");
    }

    /** An autocomplete suggestion: what is shown, and the value sent back. */
    record Choice(String name, String value) {
    }
}
