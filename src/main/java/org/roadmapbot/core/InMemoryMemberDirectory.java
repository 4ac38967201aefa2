package org.roadmapbot.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A member directory held in memory, for the console and tests. Members it was never told about
 * count as present (with no name) unless {@code strict}; members marked as gone are absent.
 */
public final class InMemoryMemberDirectory implements MemberDirectory {

    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final boolean strict;

    /** @param strict true: only members added with {@link #put} are present */
    public InMemoryMemberDirectory(boolean strict) {
        this.strict = strict;
    }

    public InMemoryMemberDirectory put(String guildId, String memberId, String displayName, String... roleIds) {
        members.put(key(guildId, memberId), new Member(memberId, displayName, Set.of(roleIds)));
        gone.remove(key(guildId, memberId));
        return this;
    }

    /** The member left the server. */
    public void remove(String guildId, String memberId) {
        members.remove(key(guildId, memberId));
        gone.add(key(guildId, memberId));
    }

    @Override
    public CompletableFuture<Map<String, Member>> lookup(String guildId, Collection<String> memberIds) {
        Map<String, Member> found = new LinkedHashMap<>();
        for (String id : memberIds) {
            Member m = members.get(key(guildId, id));
            if (m != null) {
                found.put(id, m);
            } else if (!strict && !gone.contains(key(guildId, id))) {
                found.put(id, new Member(id, null, Set.of()));
            }
        }
        return CompletableFuture.completedFuture(found);
    }

    private static String key(String guildId, String memberId) {
        return guildId + "/" + memberId;
    }
}
