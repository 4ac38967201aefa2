package org.roadmapbot.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is still in a server, under which name and with which roles: the leaderboard leaves out
 * members who left and members with an excluded role, and draws display names. Discord
 * implements it with JDA; the console and tests use {@link InMemoryMemberDirectory}.
 */
public interface MemberDirectory {

    /**
     * Looks members up in a server.
     *
     * @return the ids still members, with what is known about them; an id that is absent has
     *         left the server (or never was in it). An adapter that cannot tell (a temporary
     *         error) answers "present" rather than hiding someone.
     */
    Map<String, Member> lookup(String guildId, Collection<String> memberIds);

    default Optional<Member> member(String guildId, String memberId) {
        return Optional.ofNullable(lookup(guildId, java.util.List.of(memberId)).get(memberId));
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
    MemberDirectory ASSUME_PRESENT = (guildId, memberIds) -> {
        Map<String, Member> all = new LinkedHashMap<>();
        memberIds.forEach(id -> all.put(id, new Member(id, null, Set.of())));
        return all;
    };
}
