package org.roadmapbot.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/**
 * Finds the topic a member means from what they typed: its stable id ("http-basics"), its name
 * ("HTTP basics"), or an unambiguous part of either; otherwise the closest names, to suggest.
 */
public final class TopicMatcher {

    /** The outcome of a look-up. */
    public sealed interface Result permits Found, NotFound {}

    public record Found(Topic topic) implements Result {}

    /** Nothing matched well enough; {@code suggestions} are the nearest topics, best first (may be empty). */
    public record NotFound(List<Topic> suggestions) implements Result {}

    private static final int MAX_SUGGESTIONS = 3;

    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance();

    private final List<Topic> topics;

    public TopicMatcher(KnowledgeBase kb) {
        this.topics = kb.topics();
    }

    /**
     * @param trackId the member's track, used to prefer its topics among several partial matches (may be null)
     */
    public Result find(String typed, String trackId) {
        String query = compact(typed);
        if (query.isEmpty()) {
            return new NotFound(List.of());
        }
        for (Topic t : topics) {
            if (compact(t.id()).equals(query) || compact(t.name()).equals(query)) {
                return new Found(t);
            }
        }
        List<Topic> partial = topics.stream()
                .filter(t -> query.length() >= 3
                        && (compact(t.id()).contains(query) || compact(t.name()).contains(query)))
                .toList();
        if (partial.size() > 1 && trackId != null) {
            List<Topic> onTrack = partial.stream()
                    .filter(t -> t.track() == null || t.track().equals(trackId))
                    .toList();
            partial = onTrack.isEmpty() ? partial : onTrack;
        }
        if (partial.size() > 1) {
            // "sql" means SQL fundamentals rather than ORM with SQLAlchemy: a name that starts with it wins.
            List<Topic> prefixed = partial.stream()
                    .filter(t -> compact(t.id()).startsWith(query)
                            || compact(t.name()).startsWith(query))
                    .toList();
            partial = prefixed.size() == 1 ? prefixed : partial;
        }
        if (partial.size() == 1) {
            return new Found(partial.get(0));
        }
        if (partial.size() > 1) {
            return new NotFound(partial.subList(0, Math.min(partial.size(), MAX_SUGGESTIONS + 2)));
        }
        return new NotFound(nearest(query));
    }

    /** Topics for autocomplete: those whose id or name contains the typed text, then near misses. */
    public List<Topic> suggest(String typed, List<Topic> candidates, int limit) {
        String query = compact(typed);
        if (query.isEmpty()) {
            return candidates.subList(0, Math.min(limit, candidates.size()));
        }
        List<Topic> out = new ArrayList<>();
        for (Topic t : candidates) {
            if (compact(t.id()).contains(query) || compact(t.name()).contains(query)) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            nearest(query).stream().filter(candidates::contains).forEach(out::add);
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    private List<Topic> nearest(String query) {
        record Scored(Topic topic, int distance) {}
        int bound = Math.max(2, query.length() / 3);
        return topics.stream()
                .map(t -> new Scored(t, Math.min(edits(query, compact(t.id())), edits(query, compact(t.name())))))
                .filter(s -> s.distance <= bound)
                .sorted(Comparator.comparingInt(Scored::distance))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::topic)
                .toList();
    }

    /**
     * The Levenshtein distance of two strings: how many characters to insert, delete or replace to turn
     * one into the other. Lucene's {@link LevenshteinDistance} gives it as a similarity, {@code 1 -
     * distance / longer length}; this turns it back into the count.
     */
    static int edits(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return Math.round((1 - LEVENSHTEIN.getDistance(a, b)) * longer);
    }

    /** Lower case, letters and digits only: "Node.js" and "nodejs" and "node-js" are one key. */
    static String compact(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
