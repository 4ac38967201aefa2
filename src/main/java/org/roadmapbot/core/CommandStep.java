package org.roadmapbot.core;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * One step the router runs for every command, in order, before the command's handler (what
 * Kaktushose/jda-commands calls a middleware): the options checked against the spec, the
 * moderator check, a quota. A step returns the request to go on with (the same one, or one with
 * its finding attached for the handler, {@link CommandRequest#with}), or stops it by throwing
 * {@link UserError} (a polite refusal) or {@link Forbidden}.
 */
@FunctionalInterface
public interface CommandStep {

    CommandRequest apply(CommandSpec spec, CommandRequest request);

    /** Checks every option against the spec: types, ranges, lengths, choices, required, unknown. */
    CommandStep OPTIONS = (spec, request) -> {
        OptionValidator.validate(spec, request);
        return request;
    };

    /** Refuses a moderator-only command or subcommand to anyone the adapter did not mark as moderator. */
    CommandStep MODERATORS = (spec, request) -> {
        if (spec.isModeratorOnly(request.subcommand()) && !request.moderator()) {
            throw new Forbidden(
                    "Only moderators (Manage Server or the moderator role) can use `/" + request.path() + "`.");
        }
        return request;
    };

    /** The steps every router runs first, whatever else is added: nothing reaches a handler unchecked. */
    java.util.List<CommandStep> BUILT_IN = java.util.List.of(OPTIONS, MODERATORS);

    /**
     * A per-member quota on something costly that some commands do (the LLM's phrasing of /ask):
     * for those commands, the quota's decision for the member is attached to the request under its
     * type; the handler decides what a "no" means (a plain answer with a note, for phrasing). A
     * quota that refuses whole commands would throw {@link UserError} from {@code decide} instead.
     *
     * @param commands the command names the quota applies to
     * @param decide   the member's decision now, changing nothing (a peek)
     */
    static <T> CommandStep quota(Set<String> commands, BiFunction<String, String, T> decide) {
        Set<String> names = Set.copyOf(commands);
        return (spec, request) -> names.contains(spec.name())
                ? request.with(decide.apply(request.guildId(), request.memberId()))
                : request;
    }
}
