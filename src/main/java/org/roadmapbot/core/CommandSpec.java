package org.roadmapbot.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A slash command as every adapter sees it: name, description, options, or subcommands with
 * their own options (Discord allows one or the other at the top level).
 *
 * @param moderatorOnly registered with Manage Server as the default permission, and refused
 *                      by the core to anyone the adapter did not mark as moderator
 * @param kind          a slash command, or an entry of a message's context menu ({@link Kind#MESSAGE})
 */
public record CommandSpec(
        String name,
        String description,
        List<OptionSpec> options,
        List<SubcommandSpec> subcommands,
        boolean moderatorOnly,
        Kind kind) {

    /**
     * SLASH: typed as /name. MESSAGE: chosen on a message (Discord: Apps → name); the adapter fills the
     * options from the message (its text, channel and id, see {@link #message}); not typed in a console.
     */
    public enum Kind {
        SLASH,
        MESSAGE
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        kind = kind == null ? Kind.SLASH : kind;
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        if (!options.isEmpty() && !subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + ": options and subcommands cannot be mixed");
        }
    }

    /** A slash command. */
    public CommandSpec(
            String name,
            String description,
            List<OptionSpec> options,
            List<SubcommandSpec> subcommands,
            boolean moderatorOnly) {
        this(name, description, options, subcommands, moderatorOnly, Kind.SLASH);
    }

    /** Option names of a message command, filled by the adapter from the message chosen. */
    public static final String MESSAGE_TEXT = "text";

    public static final String MESSAGE_CHANNEL = "channel_id";
    public static final String MESSAGE_ID = "message_id";

    /**
     * An entry of every message's context menu, named as members see it ("Ask Roadmap Bot"): its request
     * carries the message's text ({@value #MESSAGE_TEXT}, left out when the message has none), channel
     * ({@value #MESSAGE_CHANNEL}) and id ({@value #MESSAGE_ID}).
     */
    public static CommandSpec message(String name, String description, int maxTextLength) {
        return new CommandSpec(
                name,
                description,
                List.of(
                        OptionSpec.string(MESSAGE_TEXT, "The message's text", false, maxTextLength),
                        OptionSpec.string(MESSAGE_CHANNEL, "The message's channel id", true, 20),
                        OptionSpec.string(MESSAGE_ID, "The message's id", true, 20)),
                List.of(),
                false,
                Kind.MESSAGE);
    }

    public static CommandSpec of(String name, String description, OptionSpec... options) {
        return new CommandSpec(name, description, List.of(options), List.of(), false);
    }

    public static CommandSpec withSubcommands(String name, String description, SubcommandSpec... subcommands) {
        return new CommandSpec(name, description, List.of(), List.of(subcommands), false);
    }

    public Optional<SubcommandSpec> subcommand(String subName) {
        return subcommands.stream().filter(s -> s.name().equals(subName)).findFirst();
    }

    /** The options that apply to a request path: the command's own, or its subcommand's. */
    public Optional<List<OptionSpec>> optionsFor(String subName) {
        if (subcommands.isEmpty()) {
            return subName == null ? Optional.of(options) : Optional.empty();
        }
        return subName == null ? Optional.empty() : subcommand(subName).map(SubcommandSpec::options);
    }

    public boolean isModeratorOnly(String subName) {
        return moderatorOnly
                || subcommand(subName).map(SubcommandSpec::moderatorOnly).orElse(false);
    }

    /** One subcommand; {@code moderatorOnly} marks it for the core's server-side check. */
    public record SubcommandSpec(String name, String description, List<OptionSpec> options, boolean moderatorOnly) {
        public SubcommandSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            options = List.copyOf(options);
        }

        public static SubcommandSpec of(String name, String description, OptionSpec... options) {
            return new SubcommandSpec(name, description, List.of(options), false);
        }

        /**
         * A subcommand for moderators. Its description gains " (moderators)" here, once, so Discord's
         * command list and /help both say it and neither adds it again.
         */
        public static SubcommandSpec moderator(String name, String description, OptionSpec... options) {
            return new SubcommandSpec(name, description + MODERATOR_MARK, List.of(options), true);
        }

        public static final String MODERATOR_MARK = " (moderators)";
    }
}
