package org.roadmapbot.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;

/**
 * Scheduled deliveries on Discord: DMs (open the private channel, send) and channel posts by
 * channel id. Never blocks: each send is queued with JDA ({@code submit}) and returns a future
 * that completes when Discord has answered; Discord's errors become {@link DeliveryException}
 * reasons the caller acts on in its callback.
 *
 * <p>A post goes through REST by channel id from whichever process sends it: Discord's REST API
 * is not bound to a gateway shard, so a scheduled post that fires on a process without the
 * server's shard is still delivered (see {@link DiscordRest}). When this process does run the
 * server, the bot's permissions in the channel are checked first from the cache, so a missing one
 * is reported by name without a request; otherwise Discord's refusal (50001, 50013) says so.
 */
final class DiscordMessenger implements Messenger {

    /** This process's shards; a DM or a post can go through any of them, the permission check needs the server's. */
    private final List<JDA> shards;

    DiscordMessenger(JDA jda) {
        this(List.of(jda));
    }

    DiscordMessenger(List<JDA> shards) {
        this.shards = List.copyOf(shards);
    }

    /** With a key: sent as an enforced nonce, so Discord drops a repeat of the same delivery for a few minutes. */
    @Override
    public CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String deliveryKey) {
        if (!isSnowflake(memberId)) {
            return Messenger.failed(new DeliveryException(
                    DeliveryException.Reason.UNKNOWN_TARGET, "not a Discord user id: " + memberId));
        }
        String what = "DM to member " + memberId;
        try {
            return outcome(
                    what,
                    shards.get(0)
                            .openPrivateChannelById(memberId)
                            .flatMap(channel ->
                                    withNonce(channel.sendMessage(ReplyRenderer.render(message)), deliveryKey))
                            .submit());
        } catch (RuntimeException e) {
            return Messenger.failed(
                    new DeliveryException(DeliveryException.Reason.TEMPORARY, what + " failed: " + e, e));
        }
    }

    @Override
    public CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String deliveryKey) {
        if (!isSnowflake(guildId) || !isSnowflake(channelId)) {
            return Messenger.failed(new DeliveryException(
                    DeliveryException.Reason.UNKNOWN_TARGET, "no text channel " + channelId + " in server " + guildId));
        }
        Guild guild = guild(guildId);
        if (guild != null) {
            GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
            if (channel == null) {
                return Messenger.failed(new DeliveryException(
                        DeliveryException.Reason.UNKNOWN_TARGET,
                        "no text channel " + channelId + " in server " + guildId + " that I can see"));
            }
            List<Permission> missing = missing(channel, !message.attachments().isEmpty());
            if (!missing.isEmpty()) {
                return Messenger.failed(new DeliveryException(
                        DeliveryException.Reason.NO_PERMISSION,
                        "missing permission in #" + channel.getName() + ": "
                                + missing.stream().map(Permission::getName).toList()));
            }
        }
        String what = "post to channel " + channelId;
        try {
            return outcome(
                    what,
                    DiscordRest.post(
                            shards.get(0),
                            channelId,
                            ReplyRenderer.render(message),
                            deliveryKey == null ? null : nonce(deliveryKey)));
        } catch (RuntimeException e) {
            return Messenger.failed(
                    new DeliveryException(DeliveryException.Reason.TEMPORARY, what + " failed: " + e, e));
        }
    }

    /** A post in the channel that replies to one of its messages (a message reference; no ping of its author). */
    @Override
    public CompletableFuture<Void> replyTo(String guildId, String channelId, String messageId, Reply message) {
        if (!isSnowflake(messageId)) {
            return Messenger.failed(new DeliveryException(
                    DeliveryException.Reason.UNKNOWN_TARGET, "not a Discord message id: " + messageId));
        }
        if (!canPost(guildId, channelId)) {
            return Messenger.failed(new DeliveryException(
                    DeliveryException.Reason.NO_PERMISSION,
                    "I can't post in channel " + channelId + " of server " + guildId));
        }
        String what = "reply in channel " + channelId;
        try {
            return outcome(what, DiscordRest.reply(shards.get(0), channelId, messageId, ReplyRenderer.render(message)));
        } catch (RuntimeException e) {
            return Messenger.failed(
                    new DeliveryException(DeliveryException.Reason.TEMPORARY, what + " failed: " + e, e));
        }
    }

    /** Discord's answer as the core's outcome: done, or a {@link DeliveryException} with its reason. */
    private static CompletableFuture<Void> outcome(String what, CompletableFuture<?> sent) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        var unused = sent.whenComplete((ok, thrown) -> {
            if (thrown == null) {
                result.complete(null);
                return;
            }
            Throwable cause =
                    thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            result.completeExceptionally(
                    cause instanceof ErrorResponseException e
                            ? translate(what, e)
                            : new DeliveryException(
                                    DeliveryException.Reason.TEMPORARY, what + " failed: " + cause, cause));
        });
        return result;
    }

    /** From the cache, no request: false when this process runs the server and knows the bot cannot post there. */
    @Override
    public boolean canPost(String guildId, String channelId) {
        if (!isSnowflake(guildId) || !isSnowflake(channelId)) {
            return false;
        }
        Guild guild = guild(guildId);
        if (guild == null) {
            return true; // another process runs this server: the post itself will tell
        }
        GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
        return channel != null && missing(channel, false).isEmpty();
    }

    private Guild guild(String guildId) {
        for (JDA jda : shards) {
            Guild guild = jda.getGuildById(guildId);
            if (guild != null) {
                return guild;
            }
        }
        return null;
    }

    /** What the bot lacks to post there: see it, send (in threads: send in threads), embed, maybe attach. */
    private static List<Permission> missing(GuildMessageChannel channel, boolean attachments) {
        Member self = channel.getGuild().getSelfMember();
        List<Permission> needed = new ArrayList<>(List.of(
                Permission.VIEW_CHANNEL,
                channel instanceof ThreadChannel ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS));
        if (attachments) {
            needed.add(Permission.MESSAGE_ATTACH_FILES);
        }
        return needed.stream().filter(p -> !self.hasPermission(channel, p)).toList();
    }

    static DeliveryException translate(String what, ErrorResponseException e) {
        ErrorResponse response = e.getErrorResponse();
        DeliveryException.Reason reason;
        if (response == ErrorResponse.CANNOT_SEND_TO_USER) {
            reason = DeliveryException.Reason.DMS_CLOSED;
        } else if (response == ErrorResponse.MISSING_ACCESS || response == ErrorResponse.MISSING_PERMISSIONS) {
            reason = DeliveryException.Reason.NO_PERMISSION;
        } else if (response == ErrorResponse.UNKNOWN_USER
                || response == ErrorResponse.UNKNOWN_CHANNEL
                || response == ErrorResponse.UNKNOWN_MEMBER
                || response == ErrorResponse.UNKNOWN_GUILD) {
            reason = DeliveryException.Reason.UNKNOWN_TARGET;
        } else {
            // Server errors and anything unexpected: the caller retries a bounded number of times.
            reason = DeliveryException.Reason.TEMPORARY;
        }
        return new DeliveryException(
                reason, what + " failed: Discord error " + e.getErrorCode() + " " + e.getMeaning(), e);
    }

    /** Discord nonces are at most 25 characters: a digest of the key fits any key. */
    static MessageCreateAction withNonce(MessageCreateAction action, String deliveryKey) {
        return deliveryKey == null ? action : action.setNonce(nonce(deliveryKey));
    }

    static String nonce(String deliveryKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
            return "rb" + HexFormat.of().formatHex(digest, 0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static boolean isSnowflake(String id) {
        return id != null && id.matches("\\d{1,20}");
    }
}
