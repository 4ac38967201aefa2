package org.roadmapbot.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the core's command specs into Discord command definitions, nothing more: slash commands,
 * and message context-menu entries for specs of kind MESSAGE.
 */
final class SlashCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);
    private static final int MAX_DESCRIPTION = 100;

    private SlashCommands() {}

    static List<CommandData> of(List<CommandSpec> specs) {
        return specs.stream()
                .map(s -> s.kind() == CommandSpec.Kind.MESSAGE ? message(s) : (CommandData) of(s))
                .toList();
    }

    /** A message's context-menu entry: no options (Discord sends the message), server messages only. */
    static CommandData message(CommandSpec spec) {
        CommandData data = Commands.message(spec.name()).setContexts(InteractionContextType.GUILD);
        if (spec.moderatorOnly()) {
            data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        }
        return data;
    }

    static SlashCommandData of(CommandSpec spec) {
        SlashCommandData data = Commands.slash(spec.name(), description(spec.description()))
                // Every command works on a server's data: no DMs, no user-installed app.
                .setContexts(InteractionContextType.GUILD);
        spec.options().forEach(o -> data.addOptions(option(spec.name(), o)));
        for (CommandSpec.SubcommandSpec sub : spec.subcommands()) {
            SubcommandData subData = new SubcommandData(sub.name(), description(sub.description()));
            sub.options().forEach(o -> subData.addOptions(option(spec.name() + " " + sub.name(), o)));
            data.addSubcommands(subData);
        }
        // Discord sets default permissions per top-level command only. Hide the command from
        // non-moderators when all of it is for moderators; a mixed command (public "show",
        // moderator "post") stays visible and the core refuses the moderator part.
        if (moderatorOnlyEverywhere(spec)) {
            data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        }
        return data;
    }

    static boolean moderatorOnlyEverywhere(CommandSpec spec) {
        return spec.moderatorOnly()
                || (!spec.subcommands().isEmpty()
                        && spec.subcommands().stream().allMatch(CommandSpec.SubcommandSpec::moderatorOnly));
    }

    static net.dv8tion.jda.api.interactions.commands.OptionType type(org.roadmapbot.core.OptionType type) {
        return switch (type) {
            case STRING -> net.dv8tion.jda.api.interactions.commands.OptionType.STRING;
            case INTEGER -> net.dv8tion.jda.api.interactions.commands.OptionType.INTEGER;
            case NUMBER -> net.dv8tion.jda.api.interactions.commands.OptionType.NUMBER;
            case BOOLEAN -> net.dv8tion.jda.api.interactions.commands.OptionType.BOOLEAN;
            case USER -> net.dv8tion.jda.api.interactions.commands.OptionType.USER;
            case CHANNEL -> net.dv8tion.jda.api.interactions.commands.OptionType.CHANNEL;
        };
    }

    private static OptionData option(String path, OptionSpec spec) {
        boolean hasChoices = !spec.choices().isEmpty();
        boolean autocomplete = spec.autocomplete() && !hasChoices;
        if (spec.autocomplete() && hasChoices) {
            // Discord rejects an option with both; fixed choices are the stricter promise.
            LOG.warn("/{} option {} has choices and autocomplete; registering the choices only", path, spec.name());
        }
        OptionData data = new OptionData(
                type(spec.type()), spec.name(), description(spec.description()), spec.required(), autocomplete);
        switch (spec.type()) {
            case INTEGER -> {
                if (spec.minValue() != null) {
                    data.setMinValue(spec.minValue().longValue());
                }
                if (spec.maxValue() != null) {
                    data.setMaxValue(spec.maxValue().longValue());
                }
                spec.choices().forEach(c -> data.addChoice(c, Long.parseLong(c)));
            }
            case NUMBER -> {
                if (spec.minValue() != null) {
                    data.setMinValue(spec.minValue());
                }
                if (spec.maxValue() != null) {
                    data.setMaxValue(spec.maxValue());
                }
                spec.choices().forEach(c -> data.addChoice(c, Double.parseDouble(c)));
            }
            case STRING -> {
                if (spec.maxLength() > 0) {
                    data.setMaxLength(Math.min(spec.maxLength(), OptionData.MAX_STRING_OPTION_LENGTH));
                }
                spec.choices().forEach(c -> data.addChoice(c, c));
            }
            default -> {
                // USER, CHANNEL, BOOLEAN: Discord's own pickers.
            }
        }
        return data;
    }

    private static String description(String text) {
        return Text.truncate(text.isBlank() ? "-" : text.strip(), MAX_DESCRIPTION);
    }
}
