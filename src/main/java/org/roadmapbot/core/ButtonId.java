package org.roadmapbot.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A button's custom id, the one codec every command uses: which command made the button, the
 * action it stands for, and the action's arguments (ids: a topic, an entry, a server, a period, a
 * page). A press can come weeks later, after a restart or a release, so the id carries everything
 * the press needs and is versioned:
 * <ul>
 *   <li>version 2 (written now): {@code 2:<command>:<action>[:<arg>…]}, e.g. {@code 2:progress:done:http-basics};</li>
 *   <li>version 1 (written until issue 16; still in members' messages, so still read):
 *       {@code <command>:<action>[:<arg>…]}, e.g. {@code progress:done:http-basics}.</li>
 * </ul>
 * A later change of an action's arguments gets a new version number, and the old one keeps being
 * read. Names and arguments are checked on both sides: what {@link #parse} accepts is exactly
 * what {@link #encode} can write, so a forged or damaged id is refused, never half-read.
 *
 * @param version the layout the id was written in ({@link #VERSION} for new ids)
 * @param args    the action's arguments, in the order the action defines
 */
public record ButtonId(int version, String command, String action, List<String> args) {

    /** The version {@link #encode} writes. */
    public static final int VERSION = 2;
    /** What a member is told when a button's id can no longer be used (an old message, a forged id). */
    public static final String STALE = "That button no longer does anything.";
    /** Discord's limit on a custom id. */
    public static final int MAX_LENGTH = 100;

    /** A command or action name: as the bot's slash command names are written (a leading digit would read as a version). */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,2}");
    /** An argument: the ids the bot writes (snowflakes, topic and entry ids, periods, numbers). */
    private static final Pattern ARG = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final String SEPARATOR = ":";

    public ButtonId {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(action, "action");
        args = List.copyOf(args);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("unknown button id version " + version);
        }
        if (!NAME.matcher(command).matches() || !NAME.matcher(action).matches()) {
            throw new IllegalArgumentException(
                    "button command and action must be lower-case names: " + command + ", " + action);
        }
        for (String arg : args) {
            if (!ARG.matcher(arg).matches()) {
                throw new IllegalArgumentException("button argument must be an id (letters, digits, _ . -): " + arg);
            }
        }
    }

    /** A new button's id, in the current version. */
    public static ButtonId of(String command, String action, String... args) {
        return new ButtonId(VERSION, command, action, Arrays.asList(args));
    }

    /** The custom id to send to Discord; never longer than {@link #MAX_LENGTH}. */
    public String encode() {
        StringBuilder id = new StringBuilder();
        if (version > 1) {
            id.append(version).append(SEPARATOR);
        }
        id.append(command).append(SEPARATOR).append(action);
        args.forEach(a -> id.append(SEPARATOR).append(a));
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("button id longer than Discord's " + MAX_LENGTH + " characters: " + id);
        }
        return id.toString();
    }

    /**
     * Reads a custom id of any version; empty when it is not one the bot could have written
     * (unknown version, bad name or argument, too long). Never throws.
     */
    public static Optional<ButtonId> parse(String customId) {
        if (customId == null || customId.isEmpty() || customId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // -1: keep trailing empty parts, so "progress:done:" is refused instead of read as "progress:done".
        List<String> parts = Arrays.asList(customId.split(SEPARATOR, -1));
        int version = 1;
        if (VERSION_NUMBER.matcher(parts.get(0)).matches()) {
            // A version tag; version 1 had none, and an unknown one is refused rather than guessed at.
            version = Integer.parseInt(parts.get(0));
            if (version < 2 || version > VERSION) {
                return Optional.empty();
            }
            parts = parts.subList(1, parts.size());
        }
        if (parts.size() < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ButtonId(version, parts.get(0), parts.get(1), parts.subList(2, parts.size())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The name a button or form id uses for a command: the command's own name for a slash command
     * ("progress"); a message command's menu entry ("Ask Roadmap Bot") in lower case with dashes
     * ("ask-roadmap-bot"), since an id names commands in lower case.
     */
    public static String commandKey(String commandName) {
        return commandName.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** The argument at {@code index}. */
    public String arg(int index) {
        return args.get(index);
    }
}
