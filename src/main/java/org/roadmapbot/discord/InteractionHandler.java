package org.roadmapbot.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates interactions into {@link CommandRequest}s for the router and its replies back into
 * messages. Work runs on the bot's own worker pool so the gateway thread never waits on a
 * command, and so shutdown can let running commands finish before JDA stops.
 */
final class InteractionHandler extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

    /** Discord wants an acknowledgement within 3 s; defer well before that. */
    static final Duration AUTO_DEFER_AFTER = Duration.ofMillis(1500);

    /** Guild id of a request from a DM (a button on a nudge): the command's custom id must carry the server. */
    static final String NO_GUILD = "";

    static final String RESTARTING = "I'm restarting right now — please try again in a minute.";
    static final String SERVER_ONLY = "Please use my commands in a server; they work on that server's study data.";
    static final String FAILED = "Sorry, something went wrong on my side. Please try again in a moment.";

    private static final int PENDING = 0;
    private static final int REPLIED = 1;
    private static final int DEFERRED_PUBLIC = 2;
    private static final int DEFERRED_PRIVATE = 3;

    private final CommandRouter router;
    private final Set<String> moderatorRoleIds;
    private final DeferPolicy deferPolicy;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private volatile boolean accepting = true;

    InteractionHandler(CommandRouter router, Set<String> moderatorRoleIds, DeferPolicy deferPolicy,
                       ExecutorService workers, ScheduledExecutorService timers) {
        this.router = router;
        this.moderatorRoleIds = Set.copyOf(moderatorRoleIds);
        this.deferPolicy = deferPolicy;
        this.workers = workers;
        this.timers = timers;
    }

    /** From now on every interaction gets a polite "restarting" reply instead of running. */
    void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        submit(event, () -> {
            if (event.getGuild() == null || event.getMember() == null) {
                event.reply(SERVER_ONLY).setEphemeral(true).queue(null, e -> logFailure("reply", e));
                return;
            }
            CommandRequest request = request(event, event.getName(), event.getSubcommandName(), options(event.getOptions()));
            DeferPolicy.Mode mode = deferPolicy.decide(request);
            respond(event, mode, () -> router.dispatch(request));
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        submit(event, () -> {
            String customId = event.getComponentId();
            int colon = customId.indexOf(':');
            String command = colon > 0 ? customId.substring(0, colon) : customId;
            CommandRequest presser = request(event, command, null, Map.of());
            respond(event, DeferPolicy.Mode.NONE, () -> router.button(presser, customId));
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!accepting) {
            event.replyChoices(List.of()).queue(null, e -> logFailure("autocomplete", e));
            return;
        }
        try {
            workers.execute(() -> {
                AutoCompleteQuery focused = event.getFocusedOption();
                CommandRequest request = request(event, event.getName(), event.getSubcommandName(), options(event.getOptions()));
                List<Command.Choice> choices = router.autocomplete(request, focused.getName(), focused.getValue());
                event.replyChoices(choices(focused.getType(), choices)).queue(null, e -> logFailure("autocomplete", e));
            });
        } catch (RejectedExecutionException e) {
            event.replyChoices(List.of()).queue(null, f -> logFailure("autocomplete", f));
        }
    }

    private void submit(IReplyCallback event, Runnable work) {
        if (!accepting) {
            event.reply(RESTARTING).setEphemeral(true).queue(null, e -> logFailure("reply", e));
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The router already turns command failures into replies; this is the adapter's own.
                    LOG.error("interaction {} failed in the Discord adapter", event.getId(), e);
                    if (!event.isAcknowledged()) {
                        event.reply(FAILED).setEphemeral(true).queue(null, f -> logFailure("reply", f));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            event.reply(RESTARTING).setEphemeral(true).queue(null, f -> logFailure("reply", f));
        }
    }

    /**
     * Runs the work and answers. A command named by the defer policy is acknowledged first; any
     * other one is acknowledged if it has not answered after {@link #AUTO_DEFER_AFTER}. A deferred
     * answer edits the "thinking" message, or replaces it with a private one when the reply is private.
     */
    private void respond(IReplyCallback event, DeferPolicy.Mode mode, Supplier<Reply> work) {
        AtomicInteger state = new AtomicInteger(PENDING);
        ScheduledFuture<?> timer = null;
        if (mode != DeferPolicy.Mode.NONE) {
            defer(event, state, mode == DeferPolicy.Mode.PRIVATE);
        } else {
            timer = timers.schedule(() -> defer(event, state, false), AUTO_DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
        Reply reply;
        try {
            reply = work.get();
        } catch (RuntimeException e) {
            // The router already turns command failures into replies; this guards the adapter's own path.
            LOG.error("interaction {} failed in the Discord adapter", event.getId(), e);
            reply = Reply.error(FAILED);
        }
        if (timer != null) {
            timer.cancel(false);
        }
        MessageCreateData message = render(reply);
        if (state.compareAndSet(PENDING, REPLIED)) {
            event.reply(message).setEphemeral(reply.ephemeral()).queue(null, e -> logFailure("reply", e));
        } else if (state.get() == DEFERRED_PUBLIC && reply.ephemeral()) {
            // The public "thinking" message must not become a private answer for all to see.
            event.getHook().deleteOriginal().queue(null, e -> logFailure("delete deferred", e));
            event.getHook().sendMessage(message).setEphemeral(true).queue(null, e -> logFailure("follow-up", e));
        } else {
            event.getHook().editOriginal(MessageEditData.fromCreateData(message)).queue(null, e -> logFailure("edit", e));
        }
    }

    private static void defer(IReplyCallback event, AtomicInteger state, boolean ephemeral) {
        if (state.compareAndSet(PENDING, ephemeral ? DEFERRED_PRIVATE : DEFERRED_PUBLIC)) {
            event.deferReply(ephemeral).queue(null, e -> logFailure("defer", e));
        }
    }

    private static MessageCreateData render(Reply reply) {
        try {
            return ReplyRenderer.render(reply);
        } catch (RuntimeException e) {
            LOG.error("could not render a reply for Discord", e);
            return ReplyRenderer.render(Reply.error(FAILED));
        }
    }

    private CommandRequest request(Interaction interaction, String command, String subcommand, Map<String, Object> options) {
        Member member = interaction.getMember();
        String guildId = interaction.getGuild() == null ? NO_GUILD : interaction.getGuild().getId();
        String displayName = member != null ? member.getEffectiveName() : interaction.getUser().getEffectiveName();
        return new CommandRequest(guildId, interaction.getUser().getId(), displayName, isModerator(member),
                command, subcommand, options);
    }

    /** Manage Server (or Administrator, or owner) in the server, or one of the configured moderator roles. */
    boolean isModerator(Member member) {
        if (member == null) {
            return false;
        }
        return member.hasPermission(Permission.MANAGE_SERVER)
                || member.getRoles().stream().anyMatch(role -> moderatorRoleIds.contains(role.getId()));
    }

    /** Option values as the core types them; a half-typed autocomplete value that does not parse is left out. */
    static Map<String, Object> options(List<OptionMapping> mappings) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionMapping o : mappings) {
            try {
                Object value = switch (o.getType()) {
                    case STRING -> o.getAsString();
                    case INTEGER -> o.getAsLong();
                    case NUMBER -> o.getAsDouble();
                    case BOOLEAN -> o.getAsBoolean();
                    default -> o.getAsString(); // users, channels, roles: their ids
                };
                options.put(o.getName(), value);
            } catch (RuntimeException e) {
                LOG.debug("option {} not usable yet: {}", o.getName(), e.toString());
            }
        }
        return options;
    }

    /** The core's choices as Discord wants them: typed like the option, at most 25, names and values within 100. */
    static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices(OptionType type, List<Command.Choice> choices) {
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> out = new ArrayList<>();
        for (Command.Choice c : choices) {
            if (out.size() == OptionData.MAX_CHOICES) {
                break;
            }
            String name = ReplyRenderer.cut(c.name().isBlank() ? c.value() : c.name(), OptionData.MAX_CHOICE_NAME_LENGTH);
            try {
                switch (type) {
                    case INTEGER -> out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(name, Long.parseLong(c.value())));
                    case NUMBER -> out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(name, Double.parseDouble(c.value())));
                    default -> {
                        if (c.value().length() <= OptionData.MAX_CHOICE_VALUE_LENGTH && !c.value().isEmpty()) {
                            out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(name, c.value()));
                        }
                    }
                }
            } catch (NumberFormatException e) {
                LOG.debug("choice {} is not a {}", c.value(), type);
            }
        }
        return out;
    }

    private static void logFailure(String what, Throwable e) {
        LOG.warn("Discord {} failed: {}", what, e.toString());
    }
}
