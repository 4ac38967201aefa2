package org.roadmapbot.discord;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.roadmapbot.core.MemberDirectory;

/**
 * Discord's REST API by id, for servers this process has no gateway session for (another bot
 * process runs their shard). REST is not bound to a shard: any session's token and rate limiter
 * reach any channel or member. JDA's public API offers this only through its cache of the
 * server, so these two calls use JDA's {@code RestActionImpl} with its public {@link Route}s:
 * they keep JDA's rate-limit buckets, retries on 429 and error mapping
 * ({@code ErrorResponseException}) exactly as the cached calls have them.
 */
final class DiscordRest {

    private static final MediaType JSON = MediaType.parse("application/json");

    private DiscordRest() {}

    /**
     * {@code POST channels/{id}/messages}: the message as JDA renders it (content, embeds,
     * components, files, allowed mentions none), with an enforced nonce when given.
     */
    static CompletableFuture<Void> post(JDA jda, String channelId, MessageCreateData message, String nonce) {
        DataObject json = message.toData();
        if (nonce != null) {
            json.put("nonce", nonce).put("enforce_nonce", true);
        }
        return send(jda, channelId, message, json);
    }

    /**
     * {@code POST channels/{id}/messages} as a reply to one of the channel's messages (a message reference
     * that does not fail when the message was deleted meanwhile; its author is not pinged).
     */
    static CompletableFuture<Void> reply(JDA jda, String channelId, String messageId, MessageCreateData message) {
        DataObject json = message.toData();
        json.put(
                "message_reference",
                DataObject.empty().put("message_id", messageId).put("fail_if_not_exists", false));
        return send(jda, channelId, message, json);
    }

    private static CompletableFuture<Void> send(JDA jda, String channelId, MessageCreateData message, DataObject json) {
        // The same set, in the same order, that numbered the JSON's attachments: files[i] matches attachment i.
        Set<? extends FileUpload> files = message.getAllDistinctFiles();
        RequestBody body = files.isEmpty()
                ? RequestBody.create(json.toJson(), JSON)
                : AttachedFile.createMultipartBody(files, json).build();
        return new RestActionImpl<Void>(
                        jda, Route.Messages.SEND_MESSAGE.compile(channelId), body, (response, request) -> null)
                .submit();
    }

    /** {@code GET guilds/{guild}/members/{user}}: the member's server name and roles. */
    static CompletableFuture<MemberDirectory.Member> member(JDA jda, String guildId, String memberId) {
        return new RestActionImpl<MemberDirectory.Member>(
                        jda,
                        Route.Guilds.GET_MEMBER.compile(guildId, memberId),
                        (response, request) -> member(memberId, response.getObject()))
                .submit();
    }

    /** The effective name as Discord shows it: nickname, else global display name, else user name. */
    static MemberDirectory.Member member(String memberId, DataObject json) {
        DataObject user = json.optObject("user").orElse(DataObject.empty());
        String name = json.getString("nick", null);
        if (name == null) {
            name = user.getString("global_name", null);
        }
        if (name == null) {
            name = user.getString("username", null);
        }
        Set<String> roles = new HashSet<>();
        DataArray array = json.optArray("roles").orElse(DataArray.empty());
        for (int i = 0; i < array.length(); i++) {
            roles.add(array.getString(i));
        }
        return new MemberDirectory.Member(memberId, name, roles);
    }
}
