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
 */
public record CommandSpec(
        String name,
        String description,
        List<OptionSpec> options,
        List<SubcommandSpec> subcommands,
        boolean moderatorOnly) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        if (!options.isEmpty() && !subcommands.isEmpty()) {
            throw new IllegalArgumentException(name + ": options and subcommands cannot be mixed");
        }
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
        return moderatorOnly || subcommand(subName).map(SubcommandSpec::moderatorOnly).orElse(false);
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
