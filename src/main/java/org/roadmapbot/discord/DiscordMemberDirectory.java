package org.roadmapbot.discord;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.roadmapbot.core.MemberDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members on Discord for the leaderboard, without a member list: the bot runs with the GUILDS
 * intent only (no privileged GUILD_MEMBERS), so it hears of no departures and looks members up
 * when a board is about to show them. Nothing here blocks: a lookup returns a future.
 *
 * <ul>
 *   <li>Cache first: what Discord said about a member (their name and roles, or that they left)
 *       is kept for ten minutes (Caffeine, bounded).</li>
 *   <li>One batch: the members not cached are asked for together. For a server on one of this
 *       process's shards that is one gateway request per 100 members ({@code Guild
 *       .retrieveMembersByIds}: opcode 8 with {@code user_ids}, which needs no privileged intent
 *       and no member cache; Discord answers with member chunks). A server another process runs
 *       is asked over REST, one {@code GET guilds/{id}/members/{user}} per member, in rank order.</li>
 *   <li>Shared: a member already being looked up is not asked for again; every board that needs
 *       them waits on the same answer (Caffeine's in-flight entries).</li>
 * </ul>
 * "Unknown member" means they left (cached as such); any other error or a timeout counts them as
 * present with no name, uncached, so a hiccup never hides anyone.
 */
final class DiscordMemberDirectory implements MemberDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMemberDirectory.class);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final int CACHE_MAX = 50_000;
    /** Discord's limit of user ids in one request-guild-members. */
    private static final int GATEWAY_BATCH = 100;
    /** A gateway batch not answered by then counts its members as present without a name. */
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(10);

    /** This process's shards; a server lives on exactly one of them. */
    private final List<JDA> shards;
    /** guild/member → what Discord said; {@link Known#member} null: they left. */
    private final AsyncCache<Key, Known> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(CACHE_MAX).buildAsync();

    DiscordMemberDirectory(List<JDA> shards) {
        this.shards = List.copyOf(shards);
    }

    private record Key(String guildId, String memberId) {}

    private record Known(Member member) {}

    @Override
    public CompletableFuture<Map<String, Member>> lookup(String guildId, Collection<String> memberIds) {
        if (!isSnowflake(guildId)) {
            return CompletableFuture.completedFuture(MemberDirectory.assumePresent(memberIds));
        }
        List<Key> keys = memberIds.stream()
                .filter(DiscordMemberDirectory::isSnowflake)
                .distinct()
                .map(id -> new Key(guildId, id))
                .toList();
        CompletableFuture<Map<Key, Known>> known = keys.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : cache.getAll(keys, (missing, executor) -> fetch(guildId, List.copyOf(missing)));
        return known.handle((found, thrown) -> {
            Map<String, Member> result = new LinkedHashMap<>();
            for (String id : memberIds) {
                Known k = found == null ? null : found.get(new Key(guildId, id));
                if (k == null) {
                    result.put(id, new Member(id, null, Set.of())); // not known: present, no name
                } else if (k.member() != null) {
                    result.put(id, k.member());
                } // else: they left the server
            }
            return result;
        });
    }

    /** Asks Discord about members not cached; members missing from the answer are not cached. */
    private CompletableFuture<Map<Key, Known>> fetch(String guildId, List<Key> missing) {
        Guild guild = shards.stream()
                .map(j -> j.getGuildById(guildId))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return guild != null ? overGateway(guild, missing) : overRest(guildId, missing);
    }

    private CompletableFuture<Map<Key, Known>> overGateway(Guild guild, List<Key> missing) {
        List<CompletableFuture<Map<Key, Known>>> batches = new ArrayList<>();
        for (int from = 0; from < missing.size(); from += GATEWAY_BATCH) {
            List<Key> batch = missing.subList(from, Math.min(missing.size(), from + GATEWAY_BATCH));
            CompletableFuture<Map<Key, Known>> answer = new CompletableFuture<>();
            guild.retrieveMembersByIds(false, batch.stream().map(Key::memberId).toArray(String[]::new))
                    .setTimeout(GATEWAY_TIMEOUT)
                    .onSuccess(members -> {
                        Map<Key, Known> found = new LinkedHashMap<>();
                        batch.forEach(k -> found.put(k, new Known(null))); // not in the answer: not a member
                        for (net.dv8tion.jda.api.entities.Member m : members) {
                            found.put(new Key(guild.getId(), m.getId()), new Known(member(m)));
                        }
                        answer.complete(found);
                    })
                    .onError(e -> {
                        LOG.debug("members of server {} not looked up: {}", guild.getId(), e.toString());
                        answer.complete(Map.of()); // unknown: present, not cached
                    });
            batches.add(answer);
        }
        return merged(batches);
    }

    private CompletableFuture<Map<Key, Known>> overRest(String guildId, List<Key> missing) {
        JDA jda = shards.get(0);
        List<CompletableFuture<Map<Key, Known>>> each = new ArrayList<>();
        for (Key key : missing) {
            each.add(DiscordRest.member(jda, guildId, key.memberId()).handle((member, thrown) -> {
                if (thrown == null) {
                    return Map.of(key, new Known(member));
                }
                Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
                if (cause instanceof ErrorResponseException error
                        && (error.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER
                                || error.getErrorResponse() == ErrorResponse.UNKNOWN_USER)) {
                    return Map.of(key, new Known(null));
                }
                LOG.debug("member {} of server {} not looked up: {}", key.memberId(), guildId, cause.toString());
                return Map.of();
            }));
        }
        return merged(each);
    }

    private static CompletableFuture<Map<Key, Known>> merged(List<CompletableFuture<Map<Key, Known>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<Key, Known> all = new LinkedHashMap<>();
            parts.forEach(p -> all.putAll(p.join())); // all complete here: join does not wait
            return all;
        });
    }

    private static Member member(net.dv8tion.jda.api.entities.Member m) {
        return new Member(
                m.getId(),
                m.getEffectiveName(),
                m.getRoles().stream().map(Role::getId).collect(Collectors.toSet()));
    }

    private static boolean isSnowflake(String id) {
        return id != null && id.matches("\\d{1,20}");
    }
}
