package org.roadmapbot.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 * Scheduled deliveries on Discord: DMs (open the private channel, send) and channel posts with
 * the bot's permissions checked first. Blocking by design: it runs on scheduler threads, never
 * on JDA's. Discord's errors become {@link DeliveryException} reasons the caller can act on.
 */
final class DiscordMessenger implements Messenger {

    /** This process's shards; a DM can go through any of them, a post needs the server's. */
    private final List<JDA> shards;
    private final Shards shardConfig;

    DiscordMessenger(JDA jda) {
        this(List.of(jda), Shards.none());
    }

    DiscordMessenger(List<JDA> shards, Shards shardConfig) {
        this.shards = List.copyOf(shards);
        this.shardConfig = shardConfig;
    }

    @Override
    public void sendDirect(String guildId, String memberId, Reply message) throws DeliveryException {
        sendDirect(guildId, memberId, message, null);
    }

    /** With a key: sent as an enforced nonce, so Discord drops a repeat of the same delivery for a few minutes. */
    @Override
    public void sendDirect(String guildId, String memberId, Reply message, String deliveryKey) throws DeliveryException {
        if (!isSnowflake(memberId)) {
            throw new DeliveryException(DeliveryException.Reason.UNKNOWN_TARGET, "not a Discord user id: " + memberId);
        }
        try {
            shards.get(0).openPrivateChannelById(memberId)
                    .flatMap(channel -> withNonce(channel.sendMessage(ReplyRenderer.render(message)), deliveryKey))
                    .complete();
        } catch (ErrorResponseException e) {
            throw translate("DM to member " + memberId, e);
        } catch (RuntimeException e) {
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "DM to member " + memberId + " failed: " + e, e);
        }
    }

    @Override
    public void postToChannel(String guildId, String channelId, Reply message) throws DeliveryException {
        postToChannel(guildId, channelId, message, null);
    }

    @Override
    public void postToChannel(String guildId, String channelId, Reply message, String deliveryKey) throws DeliveryException {
        GuildMessageChannel channel = channel(guildId, channelId);
        if (channel == null && isSnowflake(guildId) && !shardConfig.runs(guildId)) {
            // JDA posts only through the session of the server's shard; another process runs it.
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "server " + guildId + " is on shard "
                    + Shards.shardOf(Long.parseLong(guildId), shardConfig.total()) + ", which another bot process runs");
        }
        if (channel == null) {
            throw new DeliveryException(DeliveryException.Reason.UNKNOWN_TARGET,
                    "no text channel " + channelId + " in server " + guildId + " that I can see");
        }
        List<Permission> missing = missing(channel, !message.attachments().isEmpty());
        if (!missing.isEmpty()) {
            throw new DeliveryException(DeliveryException.Reason.NO_PERMISSION,
                    "missing permission in #" + channel.getName() + ": " + missing.stream().map(Permission::getName).toList());
        }
        try {
            withNonce(channel.sendMessage(ReplyRenderer.render(message)), deliveryKey).complete();
        } catch (ErrorResponseException e) {
            throw translate("post to channel " + channelId, e);
        } catch (RuntimeException e) {
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "post to channel " + channelId + " failed: " + e, e);
        }
    }

    @Override
    public boolean canPost(String guildId, String channelId) {
        GuildMessageChannel channel = channel(guildId, channelId);
        return channel != null && missing(channel, false).isEmpty();
    }

    private GuildMessageChannel channel(String guildId, String channelId) {
        if (!isSnowflake(guildId) || !isSnowflake(channelId)) {
            return null;
        }
        for (JDA jda : shards) {
            Guild guild = jda.getGuildById(guildId);
            if (guild != null) {
                return guild.getChannelById(GuildMessageChannel.class, channelId);
            }
        }
        return null;
    }

    /** What the bot lacks to post there: see it, send (in threads: send in threads), embed, maybe attach. */
    private static List<Permission> missing(GuildMessageChannel channel, boolean attachments) {
        Member self = channel.getGuild().getSelfMember();
        List<Permission> needed = new ArrayList<>(List.of(Permission.VIEW_CHANNEL,
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
        } else if (response == ErrorResponse.UNKNOWN_USER || response == ErrorResponse.UNKNOWN_CHANNEL
                || response == ErrorResponse.UNKNOWN_MEMBER || response == ErrorResponse.UNKNOWN_GUILD) {
            reason = DeliveryException.Reason.UNKNOWN_TARGET;
        } else {
            // Server errors and anything unexpected: the caller retries a bounded number of times.
            reason = DeliveryException.Reason.TEMPORARY;
        }
        return new DeliveryException(reason, what + " failed: Discord error " + e.getErrorCode() + " " + e.getMeaning(), e);
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
