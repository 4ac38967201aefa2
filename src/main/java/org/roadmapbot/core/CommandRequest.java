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
 * @param context     what the router's steps found for the handler, by type (a quota's decision);
 *                    empty when the request was built by an adapter
 */
public record CommandRequest(
        String guildId,
        String memberId,
        String displayName,
        boolean moderator,
        String command,
        String subcommand,
        Map<String, Object> options,
        Map<Class<?>, Object> context) {

    public CommandRequest {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(command, "command");
        options = Map.copyOf(options);
        context = Map.copyOf(context);
    }

    /** A request as an adapter builds it: nothing found by the router's steps yet. */
    public CommandRequest(
            String guildId,
            String memberId,
            String displayName,
            boolean moderator,
            String command,
            String subcommand,
            Map<String, Object> options) {
        this(guildId, memberId, displayName, moderator, command, subcommand, options, Map.of());
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
        return new CommandRequest(
                guildId, memberId, displayName, moderator, newCommand, newSubcommand, newOptions, context);
    }

    /** The same request for another server (a button pressed in a DM carries its server). */
    public CommandRequest inGuild(String newGuildId) {
        return new CommandRequest(newGuildId, memberId, displayName, moderator, command, subcommand, options, context);
    }

    /** The same request with {@code value} attached for the handler, under its type (a step's finding). */
    public CommandRequest with(Object value) {
        Map<Class<?>, Object> more = new java.util.HashMap<>(context);
        more.put(value.getClass(), value);
        return new CommandRequest(guildId, memberId, displayName, moderator, command, subcommand, options, more);
    }

    /** What a step attached under {@code type}, if any. */
    public <T> Optional<T> found(Class<T> type) {
        return Optional.ofNullable(type.cast(context.get(type)));
    }
}
