package org.roadmapbot.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.roadmapbot.core.BotMetrics;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.CommandRouter;
import org.roadmapbot.core.Messenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot on Discord: starts JDA, registers the core's commands (slash commands and message menu
 * entries), routes interactions to the router and members' messages to {@link ChannelMessages}, and
 * delivers scheduled messages. A thin adapter: no command logic.
 *
 * <p>Intents: GUILDS (which JDA always sends) and GUILD_MESSAGES, neither privileged. Slash commands,
 * buttons, forms and message menu entries arrive as interactions whatever the intents; GUILDS gives
 * the server, channel and role caches the bot needs to check its own permissions before posting and
 * to resolve moderator roles; GUILD_MESSAGES brings members' messages, and a message that mentions the
 * bot carries its text without any privileged intent. MESSAGE_CONTENT, privileged, only when the
 * operator turns it on ({@code DISCORD_MESSAGE_CONTENT_INTENT}): a help channel needs it.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /** How long start-up waits for READY and every server before giving up. */
    public static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Threads running commands (the gateway thread only hands them over). Commands are short and
     * mostly CPU (answers, H2, pictures): a few more threads than a small server's cores, no more,
     * so a command is not paused behind dozens of others. `bench load` runs with the same number.
     */
    public static final int WORKERS = 4;

    /** One JDA session per shard this process runs (one in all when not sharded). */
    private final List<JDA> shards;

    private final Shards shardConfig;
    private final InteractionHandler handler;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final ExecutorService suggestions;
    private final DiscordMessenger messenger;
    private final DiscordMemberDirectory memberDirectory;
    private final ChannelMessageListener messages;
    private final Object closeLock = new Object();
    private boolean interactionsStopped;
    private boolean closed;

    private DiscordBot(
            List<JDA> shards,
            Shards shardConfig,
            InteractionHandler handler,
            ChannelMessageListener messages,
            ExecutorService workers,
            ScheduledExecutorService timers,
            ExecutorService suggestions) {
        this.shards = List.copyOf(shards);
        this.messages = messages;
        this.shardConfig = shardConfig;
        this.handler = handler;
        this.workers = workers;
        this.timers = timers;
        this.suggestions = suggestions;
        this.messenger = new DiscordMessenger(this.shards);
        this.memberDirectory = new DiscordMemberDirectory(this.shards);
    }

    /**
     * Connects, waits until every server is loaded, and registers the commands (per configured
     * server, else globally). Fails with {@link DiscordStartException} on a rejected token or a
     * registration Discord refuses.
     */
    public static DiscordBot start(DiscordConfig config, CommandRouter router, DeferPolicy deferPolicy) {
        return start(config, router, deferPolicy, BotMetrics.NONE, ChannelMessages.NONE);
    }

    /**
     * As {@link #start(DiscordConfig, CommandRouter, DeferPolicy)}, reporting acknowledgement latencies to {@code metrics}
     * and answering members' messages with {@code channelMessages}.
     */
    public static DiscordBot start(
            DiscordConfig config,
            CommandRouter router,
            DeferPolicy deferPolicy,
            BotMetrics metrics,
            ChannelMessages channelMessages) {
        String token;
        try {
            token = config.token().get();
        } catch (IllegalArgumentException e) {
            throw new DiscordStartException(e.getMessage(), e);
        }
        // JDA's default allows @everyone, roles and users. Nothing the bot sends should ever ping.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);

        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, threads("discord-interaction"));
        // Acknowledgement deadlines only: never command work, so a deadline is never late behind one.
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(threads("discord-defer"));
        // Autocomplete is cheap and must answer within Discord's window: it never queues behind commands.
        ExecutorService suggestions = Executors.newSingleThreadExecutor(threads("discord-autocomplete"));
        InteractionHandler handler = new InteractionHandler(
                router, config.moderatorRoleIds(), deferPolicy, workers, timers, suggestions, metrics);
        ChannelMessageListener messages =
                new ChannelMessageListener(channelMessages, config.moderatorRoleIds(), config.messageContentIntent());
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (config.messageContentIntent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        Shards shardConfig = config.shards();
        // One session controller for every shard: it spaces their logins as Discord requires.
        ConcurrentSessionController sessions = config.gatewayUrl()
                .<ConcurrentSessionController>map(FixedGatewaySessionController::new)
                .orElseGet(ConcurrentSessionController::new);
        List<JDA> shards = new ArrayList<>();
        List<ReadyLatch> latches = new ArrayList<>();
        try {
            for (int shardId : shardConfig.ids()) {
                ReadyLatch ready = new ReadyLatch();
                // createLight: no member cache, no chunking; the intents are in the class comment.
                JDABuilder builder = JDABuilder.createLight(token, intents)
                        .addEventListeners(handler, messages, ready)
                        .setSessionController(sessions)
                        .setEnableShutdownHook(false); // the application shuts down in its own order
                if (shardConfig.sharded()) {
                    builder.useSharding(shardId, shardConfig.total());
                }
                config.apiBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
                config.gatewayUrl().ifPresent(url -> builder.setCompression(Compression.NONE));
                shards.add(builder.build());
                latches.add(ready);
            }
        } catch (InvalidTokenException e) {
            shards.forEach(JDA::shutdownNow);
            stop(workers, timers, suggestions);
            messages.stop();
            throw new DiscordStartException(
                    "Discord rejected the bot token (check DISCORD_TOKEN / DISCORD_TOKEN_FILE)", e);
        } catch (RuntimeException e) {
            shards.forEach(JDA::shutdownNow);
            stop(workers, timers, suggestions);
            messages.stop();
            throw new DiscordStartException("could not connect to Discord: " + e.getMessage(), e);
        }
        DiscordBot bot = new DiscordBot(shards, shardConfig, handler, messages, workers, timers, suggestions);
        try {
            for (int i = 0; i < shards.size(); i++) {
                latches.get(i).await(shards.get(i));
            }
            JDA first = shards.get(0);
            LOG.info(
                    "connected to Discord as {} in {} server(s) ({})",
                    first.getSelfUser().getName(),
                    shards.stream().mapToInt(j -> j.getGuilds().size()).sum(),
                    shardConfig);
            bot.register(SlashCommands.of(router.specs()), config.guildIds());
            return bot;
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
    }

    /** Who is still in a server, by REST lookups (see {@link DiscordMemberDirectory}). */
    public org.roadmapbot.core.MemberDirectory memberDirectory() {
        return memberDirectory;
    }

    /** Delivers scheduled DMs and channel posts through this bot's connection. */
    public Messenger messenger() {
        return messenger;
    }

    /** The first (or only) shard's session. */
    JDA jda() {
        return shards.get(0);
    }

    List<JDA> shards() {
        return shards;
    }

    /**
     * Blocks until JDA has stopped (after {@link #close()}, or when Discord ends a session for
     * good): with several shards, as soon as any of them has stopped.
     */
    public void awaitShutdown() throws InterruptedException {
        if (shards.size() == 1) {
            shards.get(0).awaitShutdown();
            return;
        }
        while (true) {
            for (JDA shard : shards) {
                if (shard.awaitShutdown(200, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    /**
     * First half of a graceful stop: refuse new interactions politely and let running ones finish
     * and reply. JDA stays connected so scheduled jobs that are still running can deliver.
     */
    public void stopInteractions() {
        synchronized (closeLock) {
            if (interactionsStopped) {
                return;
            }
            interactionsStopped = true;
        }
        handler.stopAccepting();
        messages.stop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("interactions still running after {} s; stopping anyway", DRAIN_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        suggestions.shutdownNow();
    }

    /** Stops interactions (if not yet), then disconnects; queued replies are still sent. Idempotent. */
    @Override
    public void close() {
        stopInteractions();
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        shards.forEach(JDA::shutdown);
        for (JDA jda : shards) {
            try {
                if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("JDA did not stop within {} s; forcing it", SHUTDOWN_TIMEOUT.toSeconds());
                    jda.shutdownNow();
                }
            } catch (InterruptedException e) {
                jda.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("disconnected from Discord");
    }

    /**
     * Global commands are registered once for the whole bot, by the process that runs shard 0;
     * per-server commands by the process that runs the server's shard.
     */
    private void register(List<CommandData> commands, List<String> guildIds) {
        try {
            if (guildIds.isEmpty()) {
                if (!shardConfig.registersGlobalCommands()) {
                    LOG.info(
                            "slash commands are registered by the process that runs shard 0, not this one ({})",
                            shardConfig);
                    return;
                }
                shards.get(shardConfig.ids().indexOf(0))
                        .updateCommands()
                        .addCommands(commands)
                        .complete();
                LOG.info(
                        "registered {} slash commands globally (Discord may take up to an hour to show changes)",
                        commands.size());
                return;
            }
            for (String id : guildIds) {
                if (!shardConfig.runs(id)) {
                    continue; // another process runs this server's shard and registers there
                }
                Guild guild = shards.stream()
                        .map(j -> j.getGuildById(id))
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
                if (guild == null) {
                    LOG.warn(
                            "DISCORD_GUILD_IDS lists server {}, but the bot is not in it; add the bot there first", id);
                    continue;
                }
                guild.updateCommands().addCommands(commands).complete();
                LOG.info("registered {} slash commands in server {}", commands.size(), id);
            }
        } catch (ErrorResponseException e) {
            throw new DiscordStartException(
                    "Discord refused the command registration: " + e.getErrorCode() + " " + e.getMeaning(), e);
        }
    }

    private static void stop(ExecutorService workers, ScheduledExecutorService timers, ExecutorService suggestions) {
        workers.shutdownNow();
        timers.shutdownNow();
        suggestions.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Discord's gateway URL is fixed in JDA's session controller; this one connects elsewhere. */
    static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String gateway;

        FixedGatewaySessionController(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public String getGateway() {
            return gateway;
        }
    }

    /** Start-up waits for READY (every server loaded) or for JDA giving up, with a bound. */
    private static final class ReadyLatch implements EventListener {
        private final CountDownLatch latch = new CountDownLatch(1);
        private volatile ShutdownEvent shutdown;

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof ShutdownEvent stopped) {
                shutdown = stopped;
                latch.countDown();
            } else if (event instanceof ReadyEvent) {
                latch.countDown();
            }
        }

        void await(JDA jda) {
            try {
                if (!latch.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new DiscordStartException("no answer from the Discord gateway within "
                            + READY_TIMEOUT.toSeconds() + " s (status " + jda.getStatus() + ")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscordStartException("interrupted while connecting to Discord", e);
            }
            if (shutdown != null
                    && shutdown.getCloseCode() == net.dv8tion.jda.api.requests.CloseCode.DISALLOWED_INTENTS) {
                throw new DiscordStartException(
                        "Discord refused the Message Content intent (close code 4014): turn it on in the "
                                + "Discord Developer Portal (Bot → Privileged Gateway Intents → Message Content), or unset "
                                + DiscordConfig.MESSAGE_CONTENT_INTENT + " (only a help channel needs it)");
            }
            if (shutdown != null) {
                throw new DiscordStartException("Discord closed the connection during start-up (close code "
                        + shutdown.getCode()
                        + (shutdown.getCloseCode() == null
                                ? ""
                                : ": " + shutdown.getCloseCode().getMeaning())
                        + "); check the token and the intents");
            }
        }
    }
}
