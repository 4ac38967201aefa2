package org.roadmapbot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Messages members post in a server's channels, which are not commands: the bot answers one that
 * mentions it, and new posts in a help channel a moderator chose. The adapter hands over each message
 * that might concern the bot (Discord: mentions always, other posts only with the Message Content
 * intent) and posts the reply, if any, as a reply to it; the core decides (rate limits, whether it has
 * an answer, whether the channel is watched). {@link #NONE} answers nothing.
 */
@FunctionalInterface
public interface ChannelMessages {

    ChannelMessages NONE = message -> Optional.empty();

    /** The reply to post as a reply to the message, or empty to leave it alone. Never throws for bad input. */
    Optional<Reply> answer(Posted message);

    /**
     * A message as the adapter saw it.
     *
     * @param channelId      where it was posted (a thread's own id for a message in a thread or forum post)
     * @param parentId       the channel or forum a thread belongs to, or null outside threads
     * @param startsThread   the message opens its thread (a forum post's first message)
     * @param mentionsBot    it mentions the bot directly (not through @everyone or a role)
     * @param isReply        it replies to another message
     * @param text           its text, mention of the bot included (empty when the adapter cannot read it)
     */
    record Posted(
            String guildId,
            String channelId,
            String parentId,
            String messageId,
            String memberId,
            String displayName,
            boolean moderator,
            boolean mentionsBot,
            boolean startsThread,
            boolean isReply,
            String text) {
        public Posted {
            Objects.requireNonNull(guildId, "guildId");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(displayName, "displayName");
            text = text == null ? "" : text;
        }
    }
}
