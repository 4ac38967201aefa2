package org.roadmapbot.discord;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.roadmapbot.core.ChannelMessages;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' messages in servers' channels, for {@link ChannelMessages}: a message that mentions the bot
 * (its text comes with it, with only the non-privileged guild-messages intent), and, when the bot reads
 * message content, every other post (the core picks a help channel's). The core runs on a thread of its
 * own, never on JDA's event thread nor on the interaction workers, with a bounded queue: a flood of
 * messages is dropped rather than queued without end. A reply goes out as a reply to the message.
 */
final class ChannelMessageListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelMessageListener.class);
    private static final int QUEUE = 1_000;

    private final ChannelMessages core;
    private final Set<String> moderatorRoleIds;
    private final boolean readsContent;
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "discord-messages");
                t.setDaemon(true);
                return t;
            });

    ChannelMessageListener(ChannelMessages core, Set<String> moderatorRoleIds, boolean readsContent) {
        this.core = core;
        this.moderatorRoleIds = Set.copyOf(moderatorRoleIds);
        this.readsContent = readsContent;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild()
                || event.getAuthor().isBot()
                || event.isWebhookMessage()
                || event.getMember() == null) {
            return;
        }
        Message message = event.getMessage();
        String self = event.getJDA().getSelfUser().getId();
        String raw = message.getContentRaw();
        // A mention written in the text: a reply that only pings the bot's earlier message ("thanks!") is not a
        // question.
        boolean mentions = raw.contains("<@" + self + ">") || raw.contains("<@!" + self + ">");
        if (!mentions && (!readsContent || raw.isBlank())) {
            return;
        }
        MessageChannelUnion channel = event.getChannel();
        String parent = channel.getType().isThread()
                ? channel.asThreadChannel().getParentChannel().getId()
                : null;
        Member member = event.getMember();
        ChannelMessages.Posted posted = new ChannelMessages.Posted(
                event.getGuild().getId(),
                channel.getId(),
                parent,
                message.getId(),
                member.getId(),
                member.getEffectiveName(),
                InteractionHandler.isModerator(member, moderatorRoleIds),
                mentions,
                parent != null && message.getId().equals(channel.getId()),
                message.getMessageReference() != null,
                raw);
        try {
            worker.execute(() -> answer(message, posted));
        } catch (RejectedExecutionException e) {
            LOG.warn(
                    "too many messages waiting; not answering message {} in server {}",
                    posted.messageId(),
                    posted.guildId());
        }
    }

    private void answer(Message message, ChannelMessages.Posted posted) {
        Optional<Reply> reply;
        try {
            reply = core.answer(posted);
        } catch (RuntimeException e) {
            LOG.error("answering message {} in server {} failed", posted.messageId(), posted.guildId(), e);
            return;
        }
        reply.ifPresent(r -> message.reply(ReplyRenderer.render(r))
                .mentionRepliedUser(false)
                .queue(null, e -> Acknowledgement.logFailure("reply to message " + posted.messageId(), e)));
    }

    void stop() {
        worker.shutdownNow();
    }
}
