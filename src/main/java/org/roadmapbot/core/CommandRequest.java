package org.roadmapbot.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command invocation with no Discord types in it. Adapters build it; handlers read it.
 *
 * @param guildId     the server (console: a configurable fake id)
 * @param memberId    who asked
 * @param displayName how to call them (never trusted as markup: escape before display)
 * @param moderator   computed by the adapter (Manage Server or the configured role)
 * @param command     top-level command name, e.g. "progress"
 * @param subcommand  subcommand name or null, e.g. "done"
 * @param options     typed option values: String, Long, Double, Boolean
 */
public record CommandRequest(
        String guildId,
        String memberId,
        String displayName,
        boolean moderator,
        String command,
        String subcommand,
        Map<String, Object> options) {

    public CommandRequest {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(command, "command");
        options = Map.copyOf(options);
    }

    /** The path as a member would type it: "progress done". */
    public String path() {
        return subcommand == null ? command : command + " " + subcommand;
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable((String) options.get(name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) options.get(name));
    }

    public Optional<Double> number(String name) {
        Object value = options.get(name);
        return value == null ? Optional.empty() : Optional.of(((Number) value).doubleValue());
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) options.get(name));
    }

    public CommandRequest withOptions(String newCommand, String newSubcommand, Map<String, Object> newOptions) {
        return new CommandRequest(guildId, memberId, displayName, moderator, newCommand, newSubcommand, newOptions);
    }
}
