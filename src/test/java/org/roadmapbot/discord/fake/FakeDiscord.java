package org.roadmapbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * A local Discord for end-to-end tests, on 127.0.0.1 only: a REST API on the JDK's HttpServer
 * and a gateway on {@link GatewaySocketServer}. It plays one server ("Study Server") with a few
 * members, records every REST call, and lets a test dispatch interactions as Discord would.
 * Assertions are made on what the bot sent here, never on JDA internals.
 */
public final class FakeDiscord implements Closeable {

    public static final String TOKEN = "fake-bot-token.for-tests.only";
    public static final String BOT_ID = "200000000000000001";
    public static final String APP_ID = BOT_ID;
    public static final String GUILD_ID = "100000000000000001";
    public static final String OWNER_ID = "500000000000000099";
    public static final String MOD_ROLE_ID = "300000000000000002";
    /** A role that grants Manage Server. */
    public static final String MANAGER_ROLE_ID = "300000000000000003";

    public static final String GENERAL_CHANNEL = "400000000000000001";
    /** A channel where @everyone, the bot included, may read but not send. */
    public static final String LOCKED_CHANNEL = "400000000000000002";

    static final long EVERYONE_PERMISSIONS = Permission.getRaw(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY,
            Permission.USE_APPLICATION_COMMANDS);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK_ORIGINAL = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern WEBHOOK = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern GUILD_MEMBER = Pattern.compile("guilds/(\\d+)/members/(\\d+)");
    private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)(/guilds/(\\d+))?/commands");

    private final HttpServer rest;
    private final GatewaySocketServer gateway;
    private final List<RestCall> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> gatewayReceived = new CopyOnWriteArrayList<>();
    private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    private final Set<String> refusingChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, Member> guildMembers = new ConcurrentHashMap<>();
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object changed = new Object();
    /** The bot's gateway sessions by shard id (one, shard 0, when the bot does not shard). */
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();

    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private volatile int rejectIdentifyWith;
    private final Realism realism;
    /** One lock per rate-limit bucket: Discord serves a bucket's requests one at a time. */
    private final Map<String, Semaphore> buckets = new ConcurrentHashMap<>();

    private final AtomicInteger limitedCount = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    /** When each interaction was dispatched, and when its first callback was answered (System.nanoTime). */
    private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();

    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> callbackArrivedAt = new ConcurrentHashMap<>();
    /** Member requests over the gateway (opcode 8), answered one at a time after the latency. */
    private final ScheduledExecutorService gatewayRequests = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-discord-member-requests");
        t.setDaemon(true);
        return t;
    });

    private final AtomicLong gatewayBusyUntil = new AtomicLong();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();

    /** A gateway session: its connection, its shard, its own sequence numbers. */
    private record Session(GatewaySocketServer.Connection connection, int shard, int total, AtomicInteger sequence) {}

    /**
     * How much like the real Discord the fake behaves: {@code latency} per REST call and per
     * gateway member request; requests of one rate-limit bucket served one at a time (as Discord
     * does, and as JDA's SequentialRestRateLimiter sends them); every {@code rateLimitEvery}-th
     * REST call outside interaction callbacks answered 429 with {@code Retry-After} (0: never).
     */
    public record Realism(Duration latency, int rateLimitEvery) {
        public static final Realism NONE = new Realism(Duration.ZERO, 0);
    }

    public FakeDiscord() throws IOException {
        this(Realism.NONE);
    }

    public FakeDiscord(Realism realism) throws IOException {
        this.realism = realism;
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/", this::handle);
        // As many requests at once as the bot sends: a bucket's own lock is what serialises them.
        rest.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        }));
        rest.start();
        gateway = new GatewaySocketServer(new Gateway());
    }

    public String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.port() + "/";
    }

    /** The gateway answers IDENTIFY by closing with this code (4004 authentication failed, 4014 disallowed intents). */
    public void rejectIdentifyWith(int closeCode) {
        rejectIdentifyWith = closeCode;
    }

    /** {@code GET guilds/{id}/members/{user}} finds this member; anyone else is "Unknown Member" (10007): not in the server. */
    public void addGuildMember(Member member) {
        guildMembers.put(member.id(), member);
    }

    /** Sending a DM to this user fails as Discord does for closed DMs (error 50007). */
    public void closeDmsOf(String userId) {
        closedDms.add(userId);
    }

    /**
     * Posts to this server channel fail with Missing Access (50001) although the bot's cached
     * permissions allow them, as when a moderator has just changed the channel; {@code false} undoes it.
     */
    public void refusePostsIn(String channelId, boolean refuse) {
        if (refuse) {
            refusingChannels.add(channelId);
        } else {
            refusingChannels.remove(channelId);
        }
    }

    public List<RestCall> calls() {
        return List.copyOf(calls);
    }

    public List<JsonNode> gatewayReceived() {
        return List.copyOf(gatewayReceived);
    }

    /** Waits (bounded) for a REST call; fails listing what did arrive. */
    public RestCall awaitCall(String what, Predicate<RestCall> match) {
        return awaitCall(what, match, Duration.ofSeconds(20));
    }

    public RestCall awaitCall(String what, Predicate<RestCall> match, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (changed) {
            while (true) {
                for (RestCall call : calls) {
                    if (match.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the fake Discord never received " + what + "; it received: "
                            + calls.stream()
                                    .map(c -> c.method() + " " + c.path())
                                    .toList());
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** The interaction callback for one interaction (its first response). */
    public RestCall awaitCallback(Interaction interaction) {
        return awaitCall(
                "a callback for interaction " + interaction.id(),
                c -> c.method().equals("POST")
                        && c.path()
                                .equals("interactions/" + interaction.id() + "/" + interaction.token() + "/callback"));
    }

    /** The edit of the original response (after a deferral). */
    public RestCall awaitOriginalEdit(Interaction interaction) {
        return awaitCall(
                "an edit of the original response to " + interaction.id(),
                c -> c.method().equals("PATCH")
                        && c.path().equals("webhooks/" + APP_ID + "/" + interaction.token() + "/messages/@original"));
    }

    /**
     * How long after its dispatch the fake answered the interaction's first callback (its
     * acknowledgement, latency included); empty while it has none.
     */
    public Optional<Duration> acknowledgedAfter(Interaction interaction) {
        return sinceDispatch(interaction, acknowledgedAt);
    }

    private Optional<Duration> sinceDispatch(Interaction interaction, Map<String, Long> times) {
        Long sent = dispatchedAt.get(interaction.id());
        Long at = times.get(interaction.id());
        return sent == null || at == null ? Optional.empty() : Optional.of(Duration.ofNanos(at - sent));
    }

    /** Messages dropped as repeats of an enforced nonce already posted in their channel. */
    public int duplicateMessages() {
        return duplicates.get();
    }

    /** How long after its dispatch the interaction's first callback request reached the fake (before the latency). */
    public Optional<Duration> callbackArrivedAfter(Interaction interaction) {
        return sinceDispatch(interaction, callbackArrivedAt);
    }

    /** How many REST calls were answered 429. */
    public int rateLimitedCalls() {
        return rateLimited.get();
    }

    // ---------------------------------------------------------------- interactions

    /** A member of the fake server as an interaction carries them. */
    public record Member(String id, String username, String nick, List<String> roles, long permissions) {
        public static Member regular(String id, String name) {
            return new Member(id, name, null, List.of(), EVERYONE_PERMISSIONS);
        }

        public Member withNick(String value) {
            return new Member(id, username, value, roles, permissions);
        }

        public Member withRole(String role) {
            List<String> all = new ArrayList<>(roles);
            all.add(role);
            return new Member(id, username, nick, all, permissions);
        }

        public Member withPermissions(Permission... extra) {
            return new Member(id, username, nick, roles, permissions | Permission.getRaw(extra));
        }
    }

    /** A dispatched interaction: its id and token locate the bot's answer. */
    public record Interaction(String id, String token) {}

    /** Option of a slash command interaction. type: 3 string, 4 integer, 5 boolean, 10 number. */
    public static ObjectNode option(String name, int type, Object value) {
        ObjectNode o = JSON.createObjectNode().put("name", name).put("type", type);
        o.set("value", JSON.valueToTree(value));
        return o;
    }

    public static ObjectNode focused(String name, int type, String partial) {
        return option(name, type, partial).put("focused", true);
    }

    public static ObjectNode subcommand(String name, ObjectNode... options) {
        ObjectNode o = JSON.createObjectNode().put("name", name).put("type", 1);
        ArrayNode arr = o.putArray("options");
        for (ObjectNode opt : options) {
            arr.add(opt);
        }
        return o;
    }

    /** Member runs /command with options (a subcommand is an option of type 1). */
    public Interaction slash(Member member, String command, ObjectNode... options) {
        ObjectNode data = JSON.createObjectNode()
                .put("id", commandId(command))
                .put("name", command)
                .put("type", 1);
        ArrayNode arr = data.putArray("options");
        for (ObjectNode o : options) {
            arr.add(o);
        }
        return dispatchInteraction(2, member, data, null);
    }

    /** Member is typing an autocompleted option (mark it with {@link #focused}). */
    public Interaction autocomplete(Member member, String command, ObjectNode... options) {
        ObjectNode data = JSON.createObjectNode()
                .put("id", commandId(command))
                .put("name", command)
                .put("type", 1);
        ArrayNode arr = data.putArray("options");
        for (ObjectNode o : options) {
            arr.add(o);
        }
        return dispatchInteraction(4, member, data, null);
    }

    /** Member presses a button with this custom id on a message the bot sent. */
    public Interaction pressButton(Member member, String customId) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        ObjectNode message =
                message(GENERAL_CHANNEL, JSON.createObjectNode().put("content", "a message with a button"));
        ObjectNode row =
                message.putArray("components").addObject().put("type", 1).put("id", 1);
        row.putArray("components")
                .addObject()
                .put("type", 2)
                .put("id", 2)
                .put("style", 1)
                .put("label", "Press")
                .put("custom_id", customId);
        return dispatchInteraction(3, member, data, message);
    }

    /**
     * Member chooses a message menu entry (Apps → {@code name}) on a message of {@code author} in the
     * general channel with text {@code content}; the message travels in the interaction's resolved data,
     * as Discord sends it (content included, whatever the intents). Returns the interaction; the target
     * message's id is {@link #lastTargetMessageId()}.
     */
    public Interaction messageCommand(Member member, String name, Member author, String content) {
        String messageId = snowflake();
        lastTargetMessageId = messageId;
        ObjectNode target = userMessage(messageId, GENERAL_CHANNEL, author, content, List.of());
        ObjectNode data = JSON.createObjectNode()
                .put("id", commandId(name))
                .put("name", name)
                .put("type", 3)
                .put("target_id", messageId);
        data.putObject("resolved").putObject("messages").set(messageId, target);
        return dispatchInteraction(2, member, data, null);
    }

    private volatile String lastTargetMessageId;

    /** The id of the message the last {@link #messageCommand} was chosen on. */
    public String lastTargetMessageId() {
        return lastTargetMessageId;
    }

    /** Member submits a form (modal) with this custom id and these text inputs (id → what they typed). */
    public Interaction submitModal(Member member, String customId, Map<String, String> inputs) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", id++);
            label.putObject("component")
                    .put("type", 4)
                    .put("id", id++)
                    .put("custom_id", input.getKey())
                    .put("value", input.getValue());
        }
        return dispatchInteraction(5, member, data, null);
    }

    /**
     * Member posts {@code content} in a channel of the server (MESSAGE_CREATE), mentioning the users
     * listed (the bot's id among them for a mention: put {@code <@bot id>} in the text too). In a thread,
     * {@code channelId} is the thread's id. Returns the message's id.
     */
    public String postMessage(Member author, String channelId, String content, List<String> mentionedUserIds) {
        String messageId = snowflake();
        dispatch("MESSAGE_CREATE", userMessage(messageId, channelId, author, content, mentionedUserIds));
        return messageId;
    }

    /** The intents the bot identified with (a bit set, as Discord reads it). */
    public long identifiedIntents() {
        return gatewayReceived.stream()
                .filter(p -> p.path("op").asInt() == 2)
                .mapToLong(p -> p.path("d").path("intents").asLong())
                .findFirst()
                .orElse(-1);
    }

    /** Identifying with the Message Content intent closes the session with 4014, as when it is not enabled for the app. */
    public void refuseMessageContentIntent() {
        refuseMessageContent = true;
    }

    private volatile boolean refuseMessageContent;
    static final long MESSAGE_CONTENT_INTENT = 1L << 15;

    private ObjectNode userMessage(
            String messageId, String channelId, Member author, String content, List<String> mentions) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", messageId)
                .put("type", 0)
                .put("channel_id", channelId)
                .put("guild_id", GUILD_ID)
                .put("content", content)
                .put("timestamp", now())
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        m.set("author", user(author.id(), author.username(), false));
        ObjectNode member = interactionMember(author);
        member.remove("user");
        m.set("member", member);
        ArrayNode mentioned = m.putArray("mentions");
        for (String id : mentions) {
            mentioned.add(id.equals(BOT_ID) ? botUser() : user(id, "user-" + id.substring(id.length() - 3), false));
        }
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        return m;
    }

    private String snowflake() {
        return Long.toUnsignedString(
                TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + (ids.incrementAndGet() & 0x3FFFFF));
    }

    /** The user presses a button on a DM the bot sent them (a nudge): no server, no member, just the user. */
    public Interaction pressButtonInDm(Member user, String customId) {
        String channelId = dmChannels.computeIfAbsent(user.id(), r -> "7" + r.substring(1));
        String id = Long.toUnsignedString(
                TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + (ids.incrementAndGet() & 0x3FFFFF));
        String token = "interaction-token-" + id;
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id)
                .put("application_id", APP_ID)
                .put("type", 3)
                .put("token", token)
                .put("version", 1)
                .put("channel_id", channelId)
                .put("app_permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("locale", "en-US")
                .put("context", 1)
                .put("attachment_size_limit", 10485760);
        ObjectNode channel = d.putObject("channel")
                .put("id", channelId)
                .put("type", 1)
                .put("flags", 0)
                .putNull("last_message_id");
        channel.putArray("recipients").add(user(user.id(), user.username(), false));
        d.set("user", user(user.id(), user.username(), false));
        d.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        d.putArray("entitlements");
        d.set("data", JSON.createObjectNode().put("custom_id", customId).put("component_type", 2));
        ObjectNode message = message(channelId, JSON.createObjectNode().put("content", "Time for this week's topic"));
        ObjectNode row =
                message.putArray("components").addObject().put("type", 1).put("id", 1);
        row.putArray("components")
                .addObject()
                .put("type", 2)
                .put("id", 2)
                .put("style", 1)
                .put("label", "Done")
                .put("custom_id", customId);
        d.set("message", message);
        dispatchedAt.put(id, System.nanoTime());
        dispatchTo(0, "INTERACTION_CREATE", d); // DMs arrive on shard 0
        return new Interaction(id, token);
    }

    private Interaction dispatchInteraction(int type, Member member, ObjectNode data, ObjectNode message) {
        // JDA treats an interaction whose id is older than 15 minutes as expired: use the current time.
        String id = Long.toUnsignedString(
                TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + (ids.incrementAndGet() & 0x3FFFFF));
        String token = "interaction-token-" + id;
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id)
                .put("application_id", APP_ID)
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", GUILD_ID)
                .put("channel_id", GENERAL_CHANNEL)
                .put("app_permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("context", 0)
                .put("attachment_size_limit", 10485760);
        d.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
        ObjectNode channel = channelJson(GENERAL_CHANNEL, "general", 0, List.of());
        channel.put("permissions", Long.toString(member.permissions()));
        d.set("channel", channel);
        d.set("member", interactionMember(member));
        d.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        d.putArray("entitlements");
        d.set("data", data);
        if (message != null) {
            d.set("message", message);
        }
        dispatchedAt.put(id, System.nanoTime());
        dispatch("INTERACTION_CREATE", d);
        return new Interaction(id, token);
    }

    /** Sends a gateway dispatch (op 0) to the session of the server's shard. */
    public void dispatch(String type, JsonNode data) {
        Session any = sessions.values().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no bot is connected to the fake gateway"));
        dispatchTo(shardOf(GUILD_ID, any.total()), type, data);
    }

    private void dispatchTo(int shard, String type, JsonNode data) {
        Session session = sessions.get(shard);
        if (session == null) {
            throw new IllegalStateException("no bot session runs shard " + shard + " of the fake gateway");
        }
        ObjectNode payload = JSON.createObjectNode()
                .put("op", 0)
                .put("t", type)
                .put("s", session.sequence().incrementAndGet());
        payload.set("d", data);
        session.connection().sendText(payload.toString());
    }

    /** Discord's formula: the shard a server's events arrive on. */
    static int shardOf(String guildId, int total) {
        return (int) ((Long.parseLong(guildId) >> 22) % total);
    }

    public boolean botConnected() {
        return !sessions.isEmpty();
    }

    /** Close codes of gateway connections that ended (1000 = the bot said goodbye; 1006 = it vanished). */
    public List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** Waits (bounded) until a gateway connection has closed; returns its code. */
    public int awaitGatewayClosed(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (changed) {
            while (closeCodes.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the bot never closed its gateway connection");
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return closeCodes.get(0);
        }
    }

    private static String commandId(String name) {
        return Long.toString(600_000_000_000_000_000L + Math.abs(name.hashCode() % 1_000_000));
    }

    // ---------------------------------------------------------------- gateway

    private final class Gateway implements GatewaySocketServer.Handler {
        @Override
        public void onOpen(GatewaySocketServer.Connection connection) {
            connection.sendText("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":41250}}");
        }

        @Override
        public void onText(GatewaySocketServer.Connection connection, String text) {
            JsonNode payload;
            try {
                payload = JSON.readTree(text);
            } catch (IOException e) {
                System.err.println("fake gateway got non-JSON: " + text);
                return;
            }
            gatewayReceived.add(payload);
            switch (payload.path("op").asInt(-1)) {
                case 1 -> connection.sendText("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}");
                case 2 -> identify(connection, payload.path("d").path("shard"));
                case 8 -> requestMembers(connection, payload.path("d"));
                default -> {
                    // presence updates: recorded only
                }
            }
            synchronized (changed) {
                changed.notifyAll();
            }
        }

        @Override
        public void onClose(GatewaySocketServer.Connection connection, int code) {
            closeCodes.add(code);
            sessions.values().removeIf(s -> s.connection() == connection);
            synchronized (changed) {
                changed.notifyAll();
            }
        }

        private void identify(GatewaySocketServer.Connection connection, JsonNode shardInfo) {
            if (rejectIdentifyWith != 0) {
                connection.close(rejectIdentifyWith);
                return;
            }
            if (refuseMessageContent
                    && (gatewayReceived.stream()
                                            .filter(p -> p.path("op").asInt() == 2)
                                            .reduce((a, b) -> b)
                                            .map(p ->
                                                    p.path("d").path("intents").asLong())
                                            .orElse(0L)
                                    & MESSAGE_CONTENT_INTENT)
                            != 0) {
                connection.close(4014);
                return;
            }
            int shard = shardInfo.isArray() ? shardInfo.get(0).asInt() : 0;
            int total = shardInfo.isArray() ? shardInfo.get(1).asInt() : 1;
            sessions.put(shard, new Session(connection, shard, total, new AtomicInteger()));
            boolean ours = shardOf(GUILD_ID, total) == shard;
            ObjectNode ready = JSON.createObjectNode();
            ready.put("v", 10).put("session_id", "fake-session-" + shard).put("resume_gateway_url", gatewayUrl());
            ready.set("user", botUser());
            ArrayNode guilds = ready.putArray("guilds");
            if (ours) {
                guilds.addObject().put("id", GUILD_ID).put("unavailable", true);
            }
            ready.putArray("private_channels");
            ready.putArray("relationships");
            ready.putArray("presences");
            ready.putObject("application").put("id", APP_ID).put("flags", 0);
            ready.putArray("_trace").add("fake-discord");
            if (shardInfo.isArray()) {
                ready.set("shard", shardInfo);
            }
            dispatchTo(shard, "READY", ready);
            if (ours) {
                dispatchTo(shard, "GUILD_CREATE", guild());
            }
        }

        /**
         * Opcode 8 with {@code user_ids}: one GUILD_MEMBERS_CHUNK with the members found and the
         * ids not found, after the latency; requests are answered one at a time, in order.
         */
        private void requestMembers(GatewaySocketServer.Connection connection, JsonNode d) {
            long now = System.nanoTime();
            long due = gatewayBusyUntil.updateAndGet(
                    busy -> Math.max(busy, now) + realism.latency().toNanos());
            var unused = gatewayRequests.schedule(
                    () -> {
                        ObjectNode chunk = JSON.createObjectNode();
                        chunk.put("guild_id", d.path("guild_id").asText())
                                .put("chunk_index", 0)
                                .put("chunk_count", 1);
                        if (d.has("nonce")) {
                            chunk.put("nonce", d.path("nonce").asText());
                        }
                        ArrayNode members = chunk.putArray("members");
                        ArrayNode notFound = chunk.putArray("not_found");
                        for (JsonNode id : d.path("user_ids")) {
                            Member member =
                                    d.path("guild_id").asText().equals(GUILD_ID) ? guildMembers.get(id.asText()) : null;
                            if (member == null) {
                                notFound.add(id.asText());
                            } else {
                                members.add(interactionMember(member));
                            }
                        }
                        sessions.values().stream()
                                .filter(s -> s.connection() == connection)
                                .findFirst()
                                .ifPresent(s -> {
                                    ObjectNode payload = JSON.createObjectNode()
                                            .put("op", 0)
                                            .put("t", "GUILD_MEMBERS_CHUNK")
                                            .put("s", s.sequence().incrementAndGet());
                                    payload.set("d", chunk);
                                    connection.sendText(payload.toString());
                                });
                    },
                    Math.max(0, due - now),
                    TimeUnit.NANOSECONDS);
        }
    }

    private ObjectNode guild() {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", GUILD_ID)
                .put("name", "Study Server")
                .putNull("icon")
                .put("owner_id", OWNER_ID)
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("member_count", 6)
                .put("large", false)
                .put("unavailable", false)
                .put("joined_at", now())
                .put("preferred_locale", "en-US")
                .put("system_channel_flags", 0)
                .put("max_members", 500000)
                .put("premium_progress_bar_enabled", false)
                .put("nsfw", false)
                .putNull("system_channel_id")
                .putNull("rules_channel_id")
                .putNull("afk_channel_id")
                .putNull("description")
                .putNull("banner")
                .putNull("splash")
                .putNull("vanity_url_code");
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD_ID, "@everyone", 0, EVERYONE_PERMISSIONS));
        roles.add(role(MOD_ROLE_ID, "Study mods", 1, 0));
        roles.add(role(MANAGER_ROLE_ID, "Server managers", 2, Permission.getRaw(Permission.MANAGE_SERVER)));
        ArrayNode channels = g.putArray("channels");
        channels.add(channelJson(GENERAL_CHANNEL, "general", 0, List.of()));
        ObjectNode denySend = JSON.createObjectNode()
                .put("id", GUILD_ID)
                .put("type", 0)
                .put("allow", "0")
                .put("deny", Long.toString(Permission.getRaw(Permission.MESSAGE_SEND)));
        channels.add(channelJson(LOCKED_CHANNEL, "announcements", 1, List.of(denySend)));
        g.putArray("threads");
        g.putArray("guild_scheduled_events");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        ObjectNode self = g.putArray("members").addObject();
        self.set("user", botUser());
        self.putArray("roles");
        self.put("joined_at", now())
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .putNull("nick")
                .putNull("avatar")
                .putNull("premium_since")
                .putNull("communication_disabled_until");
        return g;
    }

    private static ObjectNode role(String id, String name, int position, long permissions) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id)
                .put("name", name)
                .put("position", position)
                .put("permissions", Long.toString(permissions))
                .put("color", 0)
                .put("hoist", false)
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0)
                .putNull("icon")
                .putNull("unicode_emoji");
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    private static ObjectNode channelJson(String id, String name, int position, List<ObjectNode> overwrites) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id)
                .put("type", 0)
                .put("name", name)
                .put("position", position)
                .put("guild_id", GUILD_ID)
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("flags", 0)
                .putNull("topic")
                .putNull("parent_id")
                .putNull("last_message_id");
        ArrayNode o = c.putArray("permission_overwrites");
        overwrites.forEach(o::add);
        return c;
    }

    private static ObjectNode interactionMember(Member m) {
        ObjectNode node = JSON.createObjectNode();
        node.set("user", user(m.id(), m.username(), false));
        ArrayNode roles = node.putArray("roles");
        m.roles().forEach(roles::add);
        node.put("joined_at", now())
                .put("permissions", Long.toString(m.permissions()))
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false)
                .putNull("avatar")
                .putNull("premium_since")
                .putNull("communication_disabled_until");
        if (m.nick() == null) {
            node.putNull("nick");
        } else {
            node.put("nick", m.nick());
        }
        return node;
    }

    private static ObjectNode botUser() {
        return user(BOT_ID, "roadmap-bot", true);
    }

    private static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id)
                .put("username", name)
                .put("discriminator", "0")
                .putNull("global_name")
                .putNull("avatar")
                .put("public_flags", 0)
                .put("flags", 0);
        if (bot) {
            u.put("bot", true);
        }
        return u;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    // ---------------------------------------------------------------- REST

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String full = exchange.getRequestURI().getPath();
            String path = full.startsWith("/api/v10/") ? full.substring("/api/v10/".length()) : full;
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            RestCall call = RestCall.parse(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body);
            Matcher arriving = CALLBACK.matcher(path);
            if (arriving.matches()) {
                callbackArrivedAt.putIfAbsent(arriving.group(1), System.nanoTime());
            }
            Semaphore bucket = buckets.computeIfAbsent(bucket(method, path), b -> new Semaphore(1, true));
            bucket.acquireUninterruptibly();
            Response response;
            try {
                pause(realism.latency());
                response = rateLimitedNow(path) ? null : route(call);
                if (response != null && CALLBACK.matcher(path).matches()) {
                    Matcher m = CALLBACK.matcher(path);
                    m.matches();
                    acknowledgedAt.putIfAbsent(m.group(1), System.nanoTime());
                }
            } finally {
                bucket.release();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Via", "1.1 google"); // without it JDA takes a 429 for Cloudflare's
            if (response == null) {
                rateLimited.incrementAndGet();
                byte[] out = "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
                exchange.sendResponseHeaders(429, out.length);
                exchange.getResponseBody().write(out);
                return;
            }
            calls.add(call);
            synchronized (changed) {
                changed.notifyAll();
            }
            byte[] out = response.body == null
                    ? new byte[0]
                    : response.body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status, response.status == 204 ? -1 : out.length);
            if (response.status != 204) {
                exchange.getResponseBody().write(out);
            }
        } catch (RuntimeException e) {
            System.err.println("fake Discord REST handler failed: " + e);
            e.printStackTrace();
            throw e;
        }
    }

    /** Discord's buckets by route and major parameter: an interaction's callback and its webhook are its own. */
    private static String bucket(String method, String path) {
        Matcher m;
        if ((m = CALLBACK.matcher(path)).matches()) {
            return "callback:" + m.group(1);
        }
        if ((m = WEBHOOK.matcher(path)).lookingAt()) {
            return "webhook:" + m.group(2);
        }
        if ((m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            return "messages:" + m.group(1);
        }
        if ((m = GUILD_MEMBER.matcher(path)).matches()) {
            return "member:" + m.group(1);
        }
        return method + " " + path;
    }

    /** Every n-th call outside interaction callbacks is refused with 429 (the bot's acknowledgements are never). */
    private boolean rateLimitedNow(String path) {
        return realism.rateLimitEvery() > 0
                && !CALLBACK.matcher(path).matches()
                && limitedCount.incrementAndGet() % realism.rateLimitEvery() == 0;
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Response(int status, JsonNode body) {}

    private Response route(RestCall call) {
        if (!("Bot " + TOKEN).equals(call.authorization())
                && !call.path().startsWith("interactions/")
                && !call.path().startsWith("webhooks/")) {
            return error(401, 0, "401: Unauthorized");
        }
        String path = call.path();
        Matcher m;
        if (call.method().equals("GET") && path.equals("users/@me")) {
            return new Response(200, botUser());
        }
        if (call.method().equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
            ArrayNode registered = JSON.createArrayNode();
            for (JsonNode command : call.json()) {
                ObjectNode c = command.deepCopy();
                c.put("id", commandId(c.path("name").asText()))
                        .put("application_id", APP_ID)
                        .put("version", "1");
                if (m.group(3) != null) {
                    c.put("guild_id", m.group(3));
                }
                registered.add(c);
            }
            return new Response(200, registered);
        }
        if (call.method().equals("POST") && CALLBACK.matcher(path).matches()) {
            return new Response(204, null);
        }
        if ((m = WEBHOOK_ORIGINAL.matcher(path)).matches()) {
            return call.method().equals("DELETE")
                    ? new Response(204, null)
                    : new Response(200, webhookMessage(call.json()));
        }
        if (call.method().equals("POST") && (m = WEBHOOK.matcher(path)).matches()) {
            return new Response(200, webhookMessage(call.json()));
        }
        if (call.method().equals("GET") && (m = GUILD_MEMBER.matcher(path)).matches()) {
            Member member = guildMembers.get(m.group(2));
            return member == null ? error(404, 10007, "Unknown Member") : new Response(200, interactionMember(member));
        }
        if (call.method().equals("POST") && path.equals("users/@me/channels")) {
            String recipient = call.json().path("recipient_id").asText();
            String channelId = dmChannels.computeIfAbsent(recipient, r -> "7" + r.substring(1));
            ObjectNode channel =
                    JSON.createObjectNode().put("id", channelId).put("type", 1).putNull("last_message_id");
            channel.putArray("recipients")
                    .add(user(recipient, "member-" + recipient.substring(recipient.length() - 3), false));
            return new Response(200, channel);
        }
        if (call.method().equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
            String channelId = m.group(1);
            String dmUser = dmChannels.entrySet().stream()
                    .filter(e -> e.getValue().equals(channelId))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (dmUser != null && closedDms.contains(dmUser)) {
                return error(403, 50007, "Cannot send messages to this user");
            }
            if (refusingChannels.contains(channelId)) {
                return error(403, 50001, "Missing Access");
            }
            if (dmUser == null && !channelId.equals(GENERAL_CHANNEL)) {
                return error(403, 50013, "Missing Permissions");
            }
            JsonNode sent = call.message();
            if (sent.path("enforce_nonce").asBoolean()
                    && sent.hasNonNull("nonce")
                    && !nonces.add(channelId + "/" + sent.path("nonce").asText())) {
                // Discord answers a repeated enforced nonce with the message it already created: nothing new is posted.
                duplicates.incrementAndGet();
                return new Response(200, message(channelId, sent));
            }
            return new Response(200, message(channelId, call.json()));
        }
        return error(404, 0, "404: Not Found");
    }

    private static Response error(int status, int code, String message) {
        return new Response(status, JSON.createObjectNode().put("code", code).put("message", message));
    }

    private ObjectNode webhookMessage(JsonNode sent) {
        ObjectNode m = message(GENERAL_CHANNEL, sent);
        m.put("webhook_id", APP_ID).put("application_id", APP_ID);
        return m;
    }

    /** A message object as Discord returns it; echoes the text but not embeds or components. */
    private ObjectNode message(String channelId, JsonNode sent) {
        ObjectNode m = JSON.createObjectNode();
        m.put(
                        "id",
                        Long.toUnsignedString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis())
                                + (ids.incrementAndGet() & 0x3FFFFF)))
                .put("type", 0)
                .put("channel_id", channelId)
                .put("content", sent == null ? "" : sent.path("content").asText(""))
                .put("timestamp", now())
                .putNull("edited_timestamp")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("flags", 0);
        m.set("author", botUser());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        return m;
    }

    @Override
    public void close() throws IOException {
        gatewayRequests.shutdownNow();
        gateway.close();
        rest.stop(0);
    }
}
