package org.roadmapbot.core;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who is still in a server, under which name and with which roles: the leaderboard leaves out
 * members who left and members with an excluded role, and draws display names. Discord
 * implements it with JDA; the console and tests use {@link InMemoryMemberDirectory}.
 *
 * <p>Asynchronous: a lookup returns at once; on Discord the answer comes back from the network.
 */
public interface MemberDirectory {

    /**
     * Looks members up in a server.
     *
     * @return a future that never fails, of the ids still members with what is known about them;
     *         an id that is absent has left the server (or never was in it). An adapter that
     *         cannot tell (a temporary error) answers "present" rather than hiding someone.
     */
    CompletableFuture<Map<String, Member>> lookup(String guildId, Collection<String> memberIds);

    /**
     * The lookup's answer if it comes within {@code limit}; else every id counts as present with
     * no name (the caller draws its fallback label), so a slow network never hides anyone nor
     * holds a caller longer than the limit. The lookup itself goes on and fills the adapter's cache.
     */
    static Map<String, Member> within(
            CompletableFuture<Map<String, Member>> lookup, Collection<String> memberIds, Duration limit) {
        try {
            return lookup.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return assumePresent(memberIds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return assumePresent(memberIds);
        }
    }

    /** Every id present, with no name or roles: what "cannot tell" means. */
    static Map<String, Member> assumePresent(Collection<String> memberIds) {
        Map<String, Member> all = new LinkedHashMap<>();
        memberIds.forEach(id -> all.put(id, new Member(id, null, Set.of())));
        return all;
    }

    /**
     * What the directory knows about a member.
     *
     * @param displayName the server nickname or user name, raw (escape before showing); null if unknown
     * @param roleIds     the member's role ids (empty if unknown)
     */
    record Member(String memberId, String displayName, Set<String> roleIds) {
        public Member {
            Objects.requireNonNull(memberId, "memberId");
            roleIds = Set.copyOf(roleIds);
        }
    }

    /** Knows nothing: everyone counts as present, with no name or roles (before an adapter connects). */
    MemberDirectory ASSUME_PRESENT =
            (guildId, memberIds) -> CompletableFuture.completedFuture(assumePresent(memberIds));

    /** One member: empty when they left. */
    default CompletableFuture<Optional<Member>> member(String guildId, String memberId) {
        return lookup(guildId, java.util.List.of(memberId))
                .thenApply(found -> Optional.ofNullable(found.get(memberId)));
    }
}
