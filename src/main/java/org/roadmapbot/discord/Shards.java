package org.roadmapbot.discord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which Discord shards this process runs. Discord splits a bot's servers over {@code total}
 * gateway sessions (server {@code id} is on shard {@code (id >> 22) % total}); with several bot
 * processes each runs some of the shards, and together they run all of them.
 *
 * @param total {@code DISCORD_SHARD_TOTAL}: shards over all processes (default 1: no sharding)
 * @param ids   {@code DISCORD_SHARD_IDS}: the shards this process runs (default: all of them)
 */
public record Shards(int total, List<Integer> ids) {

    public static final String TOTAL = "DISCORD_SHARD_TOTAL";
    public static final String IDS = "DISCORD_SHARD_IDS";

    /** Discord's hard limit is far below this; it only catches typos such as 10000. */
    private static final int MAX_TOTAL = 4096;

    public Shards {
        if (total < 1 || total > MAX_TOTAL) {
            throw new IllegalArgumentException(TOTAL + " must be between 1 and " + MAX_TOTAL + ", not " + total);
        }
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(IDS + " must list at least one shard id");
        }
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException(IDS + " must list shard ids from 0 to " + (total - 1) + " (" + TOTAL
                        + " is " + total + "), not " + id);
            }
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException(IDS + " lists a shard twice: " + ids);
        }
    }

    /** One session for every server: what a single process without sharding runs. */
    public static Shards none() {
        return new Shards(1, List.of(0));
    }

    public static Shards fromEnvironment(Map<String, String> env) {
        String totalText = env.getOrDefault(TOTAL, "").strip();
        String idsText = env.getOrDefault(IDS, "").strip();
        if (totalText.isEmpty()) {
            if (!idsText.isEmpty()) {
                throw new IllegalArgumentException(IDS + " needs " + TOTAL + " (how many shards there are in all)");
            }
            return none();
        }
        int total = number(TOTAL, totalText);
        if (idsText.isEmpty()) {
            return new Shards(total, IntStream.range(0, total).boxed().toList());
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : idsText.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            // "0-3" is a range, as operators write it for a block of shards.
            int dash = part.indexOf('-', 1);
            if (dash > 0) {
                int from = number(IDS, part.substring(0, dash));
                int to = number(IDS, part.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException(IDS + " has a backwards range: " + part);
                }
                IntStream.rangeClosed(from, to).forEach(ids::add);
            } else {
                ids.add(number(IDS, part));
            }
        }
        return new Shards(total, ids);
    }

    public boolean sharded() {
        return total > 1;
    }

    /** The shard a server's events arrive on (Discord's formula). */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >> 22) % total);
    }

    /** Whether this process runs the shard of {@code guildId}. */
    public boolean runs(String guildId) {
        try {
            return ids.contains(shardOf(Long.parseLong(guildId), total));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Global commands are registered once, by the process that runs shard 0. */
    public boolean registersGlobalCommands() {
        return ids.contains(0);
    }

    private static int number(String variable, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    variable + " must be whole numbers (e.g. 0,1 or 0-3), not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return sharded() ? "shards " + Arrays.toString(ids.toArray()) + " of " + total : "no sharding";
    }
}
