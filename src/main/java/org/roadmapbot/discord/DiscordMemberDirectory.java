package org.roadmapbot.discord;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Members on Discord for the leaderboard. The bot runs with the GUILDS intent only (no
 * privileged GUILD_MEMBERS), so it has no member list and hears of no departures: each member a
 * board is about to show is fetched over REST ({@code GET guilds/{id}/members/{user}}, one call
 * per member, rate limits handled by JDA) and remembered for ten minutes. "Unknown member"
 * means they left; any other error counts them as present, so a hiccup never hides anyone.
 */
final class DiscordMemberDirectory implements MemberDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordMemberDirectory.class);
    private static final long TTL_NANOS = Duration.ofMinutes(10).toNanos();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int CACHE_MAX = 50_000;

    /** This process's shards; a server lives on exactly one of them. */
    private final List<JDA> shards;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    DiscordMemberDirectory(List<JDA> shards) {
        this.shards = List.copyOf(shards);
    }

    private Guild guild(String guildId) {
        return shards.stream().map(j -> j.getGuildById(guildId)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private record Cached(Member member, long at) {
    }

    @Override
    public Map<String, Member> lookup(String guildId, Collection<String> memberIds) {
        Map<String, Member> found = new LinkedHashMap<>();
        Guild guild = guildId.matches("\\d{1,20}") ? guild(guildId) : null;
        if (guild == null) {
            memberIds.forEach(id -> found.put(id, unknown(id)));
            return found;
        }
        long now = System.nanoTime();
        Map<String, CompletableFuture<net.dv8tion.jda.api.entities.Member>> pending = new LinkedHashMap<>();
        for (String id : memberIds) {
            Cached cached = cache.get(guildId + "/" + id);
            if (cached != null && now - cached.at < TTL_NANOS) {
                if (cached.member != null) {
                    found.put(id, cached.member);
                }
            } else if (!id.matches("\\d{1,20}")) {
                found.put(id, unknown(id));
            } else {
                pending.put(id, guild.retrieveMemberById(id).submit());
            }
        }
        if (cache.size() > CACHE_MAX) {
            cache.clear();
        }
        for (Map.Entry<String, CompletableFuture<net.dv8tion.jda.api.entities.Member>> p : pending.entrySet()) {
            String id = p.getKey();
            try {
                net.dv8tion.jda.api.entities.Member m = p.getValue().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                Set<String> roles = m.getRoles().stream().map(Role::getId).collect(Collectors.toSet());
                Member member = new Member(id, m.getEffectiveName(), roles);
                cache.put(guildId + "/" + id, new Cached(member, now));
                found.put(id, member);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ErrorResponseException error
                        && (error.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER || error.getErrorResponse() == ErrorResponse.UNKNOWN_USER)) {
                    cache.put(guildId + "/" + id, new Cached(null, now)); // left the server
                } else {
                    LOG.debug("member {} of server {} not looked up: {}", id, guildId, e.getCause().toString());
                    found.put(id, unknown(id));
                }
            } catch (TimeoutException e) {
                p.getValue().cancel(true);
                found.put(id, unknown(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                found.put(id, unknown(id));
            }
        }
        return found;
    }

    private static Member unknown(String id) {
        return new Member(id, null, Set.of());
    }
}
