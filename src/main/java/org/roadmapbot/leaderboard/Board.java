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
 * @param viewer  the asker's own row when they are ranked (highlighted on the board, or appended below
 *                it when they are not on this page), else null
 */
public record Board(
        Period period,
        String title,
        int page,
        int pageSize,
        boolean hasNext,
        List<Entry> entries,
        long ranked,
        long periodTotal,
        Asker asker,
        GroupView group,
        Entry viewer) {

    public Board {
        entries = List.copyOf(entries);
    }

    /** A board nobody in particular looks at (a channel post). */
    public Board(
            Period period,
            String title,
            int page,
            int pageSize,
            boolean hasNext,
            List<Entry> entries,
            long ranked,
            long periodTotal,
            Asker asker,
            GroupView group) {
        this(period, title, page, pageSize, hasNext, entries, ranked, periodTotal, asker, group, null);
    }

    /** What the picture shows: the board and the viewer's own row; the asker line is text only. */
    public Board withoutAsker() {
        return asker == null
                ? this
                : new Board(period, title, page, pageSize, hasNext, entries, ranked, periodTotal, null, group, viewer);
    }

    /** Whether the viewer's row is one of this page's entries (else it is appended below them). */
    public boolean viewerOnPage() {
        return viewer != null && entries.stream().anyMatch(e -> e.memberId().equals(viewer.memberId()));
    }

    /**
     * A ranked member.
     *
     * @param name    display name, raw (escape for text, clean for the picture)
     * @param percent of the roadmap done (their track), 0 if unknown
     */
    public record Entry(int rank, String memberId, String name, int completed, int percent) {}

    /** Where the asker stands. */
    public record Asker(Status status, int rank, int completed) {
        public enum Status {
            RANKED,
            NOTHING_YET,
            HIDDEN,
            EXCLUDED
        }
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
