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

    /**
     * Handles a submitted form ({@link Reply.Form}) this command created; {@code args} is its custom id
     * after "command:", {@code values} the text of each input by id. Forms are not validated by the
     * router: the command checks what it reads (and who submits: a form is no proof of moderation).
     */
    default Reply onForm(CommandRequest submitter, String args, java.util.Map<String, String> values) {
        throw new UserError("That form no longer does anything.");
    }

    /** An autocomplete suggestion: what is shown, and the value sent back. */
    record Choice(String name, String value) {
    }
}
