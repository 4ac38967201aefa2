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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
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
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates interactions into {@link CommandRequest}s for the router and its replies back into
 * messages. Runs in two places:
 * <ul>
 *   <li>On arrival, on JDA's event thread: the request is built (no I/O) and the interaction's
 *       acknowledgement starts ({@link Acknowledgement}): deferred at once when the policy says so
 *       or when every worker is taken (it would wait in the queue), else a timer on {@code timers}
 *       (a thread that runs no command work) defers it at {@link #AUTO_DEFER_AFTER} after arrival
 *       unless the answer came first. So every interaction is acknowledged in time however long
 *       it waits for a worker, and one that must wait is acknowledged at once.</li>
 *   <li>On the bot's worker pool: the command itself, then the answer (queued, never awaited).
 *       The gateway thread never waits on a command, and shutdown can let running ones finish.</li>
 * </ul>
 */
final class InteractionHandler extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

    /**
     * Discord wants an acknowledgement within 3 s of the interaction's creation; the timer defers
     * 1.5 s after arrival, leaving room for the network and a loaded machine.
     */
    static final Duration AUTO_DEFER_AFTER = Duration.ofMillis(1500);

    /** Guild id of a request from a DM (a button on a nudge): the command's custom id must carry the server. */
    static final String NO_GUILD = "";

    static final String RESTARTING = "I'm restarting right now — please try again in a minute.";
    static final String SERVER_ONLY = "Please use my commands in a server; they work on that server's study data.";
    static final String FAILED = "Sorry, something went wrong on my side. Please try again in a moment.";

    private final CommandRouter router;
    private final Set<String> moderatorRoleIds;
    private final DeferPolicy deferPolicy;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final ExecutorService suggestions;
    private final BotMetrics metrics;
    /** Interactions handed to the workers and not yet answered: at {@link DiscordBot#WORKERS} or more, a new one waits. */
    private final AtomicInteger queued = new AtomicInteger();

    private volatile boolean accepting = true;

    InteractionHandler(
            CommandRouter router,
            Set<String> moderatorRoleIds,
            DeferPolicy deferPolicy,
            ExecutorService workers,
            ScheduledExecutorService timers,
            ExecutorService suggestions,
            BotMetrics metrics) {
        this.router = router;
        this.moderatorRoleIds = Set.copyOf(moderatorRoleIds);
        this.deferPolicy = deferPolicy;
        this.workers = workers;
        this.timers = timers;
        this.suggestions = suggestions;
        this.metrics = metrics;
    }

    /** From now on every interaction gets a polite "restarting" reply instead of running. */
    void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (refusedOnArrival(event)) {
            return;
        }
        if (event.getGuild() == null || event.getMember() == null) {
            event.reply(SERVER_ONLY).setEphemeral(true).queue(null, e -> Acknowledgement.logFailure("reply", e));
            return;
        }
        CommandRequest request =
                request(event, event.getName(), event.getSubcommandName(), options(event.getOptions()));
        Acknowledgement ack = Acknowledgement.onArrival(
                event, whenBusy(deferPolicy.decide(request)), timers, AUTO_DEFER_AFTER, metrics);
        run(event, ack, () -> router.dispatch(request));
    }

    /**
     * A message's context-menu entry (Apps → Ask Roadmap Bot): the core command of that name, with the
     * message's text (its content comes with the interaction, no intent needed), channel and id.
     */
    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (refusedOnArrival(event)) {
            return;
        }
        if (event.getGuild() == null || event.getMember() == null) {
            event.reply(SERVER_ONLY).setEphemeral(true).queue(null, e -> Acknowledgement.logFailure("reply", e));
            return;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        String text = event.getTarget().getContentRaw();
        if (!text.isBlank()) {
            options.put(CommandSpec.MESSAGE_TEXT, text);
        }
        options.put(CommandSpec.MESSAGE_CHANNEL, event.getTarget().getChannelId());
        options.put(CommandSpec.MESSAGE_ID, event.getTarget().getId());
        CommandRequest request = request(event, event.getName(), null, options);
        Acknowledgement ack = Acknowledgement.onArrival(
                event, whenBusy(deferPolicy.decide(request)), timers, AUTO_DEFER_AFTER, metrics);
        run(event, ack, () -> router.dispatch(request));
    }

    /** A submitted form (modal): routed by its id like a button, with each input's text by id. */
    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (refusedOnArrival(event)) {
            return;
        }
        String customId = event.getModalId();
        int colon = customId.indexOf(':');
        Map<String, String> values = new LinkedHashMap<>();
        event.getValues().forEach(v -> values.put(v.getCustomId(), v.getAsString()));
        CommandRequest submitter = request(event, colon > 0 ? customId.substring(0, colon) : customId, null, Map.of());
        Acknowledgement ack =
                Acknowledgement.onArrival(event, whenBusy(DeferPolicy.Mode.NONE), timers, AUTO_DEFER_AFTER, metrics);
        run(event, ack, () -> router.form(submitter, customId, values));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (refusedOnArrival(event)) {
            return;
        }
        String customId = event.getComponentId();
        int colon = customId.indexOf(':');
        String command = colon > 0 ? customId.substring(0, colon) : customId;
        CommandRequest presser = request(event, command, null, Map.of());
        Acknowledgement ack =
                Acknowledgement.onArrival(event, whenBusy(DeferPolicy.Mode.NONE), timers, AUTO_DEFER_AFTER, metrics);
        run(event, ack, () -> router.button(presser, customId));
    }

    /**
     * Every worker taken: this interaction will wait in the queue, so it is deferred on arrival
     * (the member sees "thinking…" at once) instead of at the timer's deadline.
     */
    private DeferPolicy.Mode whenBusy(DeferPolicy.Mode mode) {
        return mode == DeferPolicy.Mode.NONE && queued.get() >= DiscordBot.WORKERS ? DeferPolicy.Mode.PUBLIC : mode;
    }

    /**
     * Suggestions cannot be deferred. They run on their own thread (cheap lookups, never queued
     * behind commands), and the timer answers with none at the deadline if that thread is late
     * (the member keeps typing and gets fresh ones), whichever comes first.
     */
    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!accepting) {
            event.replyChoices(List.of()).queue(null, e -> Acknowledgement.logFailure("autocomplete", e));
            return;
        }
        AutoCompleteQuery focused = event.getFocusedOption();
        CommandRequest request =
                request(event, event.getName(), event.getSubcommandName(), options(event.getOptions()));
        AtomicBoolean answered = new AtomicBoolean();
        Runnable none = () -> {
            if (answered.compareAndSet(false, true)) {
                event.replyChoices(List.of()).queue(null, e -> Acknowledgement.logFailure("autocomplete", e));
            }
        };
        try {
            ScheduledFuture<?> timer = timers.schedule(none, AUTO_DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            suggestions.execute(() -> {
                List<Command.Choice> choices = router.autocomplete(request, focused.getName(), focused.getValue());
                timer.cancel(false);
                if (answered.compareAndSet(false, true)) {
                    event.replyChoices(choices(focused.getType(), choices))
                            .queue(null, e -> Acknowledgement.logFailure("autocomplete", e));
                }
            });
        } catch (RejectedExecutionException e) {
            none.run();
        }
    }

    /** While stopping, an interaction gets the "restarting" reply at once. */
    private boolean refusedOnArrival(IReplyCallback event) {
        if (accepting) {
            return false;
        }
        event.reply(RESTARTING).setEphemeral(true).queue(null, e -> Acknowledgement.logFailure("reply", e));
        return true;
    }

    /** Runs the command on a worker and answers through its acknowledgement; a failure of the adapter's own gets {@link #FAILED}. */
    private void run(IReplyCallback event, Acknowledgement ack, Supplier<Reply> work) {
        queued.incrementAndGet();
        try {
            workers.execute(() -> {
                Reply reply;
                try {
                    reply = work.get();
                } catch (RuntimeException e) {
                    // The router already turns command failures into replies; this guards the adapter's own path.
                    LOG.error("interaction {} failed in the Discord adapter", event.getId(), e);
                    reply = Reply.error(FAILED);
                } finally {
                    queued.decrementAndGet();
                }
                ack.answer(reply, render(reply));
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet();
            Reply restarting = Reply.error(RESTARTING);
            ack.answer(restarting, render(restarting));
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

    private CommandRequest request(
            Interaction interaction, String command, String subcommand, Map<String, Object> options) {
        Member member = interaction.getMember();
        String guildId = interaction.getGuild() == null
                ? NO_GUILD
                : interaction.getGuild().getId();
        String displayName = member != null
                ? member.getEffectiveName()
                : interaction.getUser().getEffectiveName();
        return new CommandRequest(
                guildId, interaction.getUser().getId(), displayName, isModerator(member), command, subcommand, options);
    }

    boolean isModerator(Member member) {
        return isModerator(member, moderatorRoleIds);
    }

    /** Manage Server (or Administrator, or owner) in the server, or one of the configured moderator roles. */
    static boolean isModerator(Member member, Set<String> moderatorRoleIds) {
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
    static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices(
            OptionType type, List<Command.Choice> choices) {
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> out = new ArrayList<>();
        for (Command.Choice c : choices) {
            if (out.size() == OptionData.MAX_CHOICES) {
                break;
            }
            String name =
                    ReplyRenderer.cut(c.name().isBlank() ? c.value() : c.name(), OptionData.MAX_CHOICE_NAME_LENGTH);
            try {
                switch (type) {
                    case INTEGER ->
                        out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(
                                name, Long.parseLong(c.value())));
                    case NUMBER ->
                        out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(
                                name, Double.parseDouble(c.value())));
                    default -> {
                        if (c.value().length() <= OptionData.MAX_CHOICE_VALUE_LENGTH
                                && !c.value().isEmpty()) {
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
}
