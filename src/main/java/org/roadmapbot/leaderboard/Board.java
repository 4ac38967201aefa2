package org.roadmapbot.leaderboard;

import java.util.List;
import java.util.Map;

/**
 * One page of a server's leaderboard, with everything the text and the picture show.
 *
 * @param title   the period as a date ("Week of 5 Jan 2026")
 * @param page    1-based
 * @param ranked  members on the board for this period (hidden and departed ones left out as far as known)
 * @param periodTotal topics completed in the period by every member of the server
 * @param asker   where the asker stands, or null when the board is not for someone (a channel post)
 */
public record Board(Period period, String title, int page, int pageSize, boolean hasNext, List<Entry> entries,
                    long ranked, long periodTotal, Asker asker, GroupView group) {

    public Board {
        entries = List.copyOf(entries);
    }

    /** The same board as a channel sees it: what the picture shows, whoever asked. */
    public Board withoutAsker() {
        return asker == null ? this : new Board(period, title, page, pageSize, hasNext, entries, ranked, periodTotal, null, group);
    }

    /**
     * A ranked member.
     *
     * @param name    display name, raw (escape for text, clean for the picture)
     * @param percent of the roadmap done (their track), 0 if unknown
     */
    public record Entry(int rank, String memberId, String name, int completed, int percent) {
    }

    /** Where the asker stands. */
    public record Asker(Status status, int rank, int completed) {
        public enum Status { RANKED, NOTHING_YET, HIDDEN, EXCLUDED }
    }

    /**
     * The server as a group.
     *
     * @param started         members who chose a track
     * @param perPhase        phase number -> members whose current phase it is (0 = finished the roadmap)
     * @param onTrack         members on track or ahead of their pace (or finished)
     * @param completedThisWeek topics completed this week by the whole server
     */
    public record GroupView(long started, Map<Integer, Long> perPhase, long onTrack, long completedThisWeek) {
        public GroupView {
            perPhase = Map.copyOf(perPhase);
        }
    }
}
