package org.roadmapbot.leaderboard;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.roadmapbot.images.Images;
import org.roadmapbot.images.PngStrip;
import org.roadmapbot.images.StripCache;

/**
 * The leaderboard as a picture: title and period, one row per member (rank, name, topics
 * completed in the period, a bar of their roadmap progress with its percent), and the server's
 * totals underneath. 800 px wide; {@link #height(int)} tall.
 */
public final class LeaderboardImage {

    public static final int WIDTH = 800;
    public static final int HEADER = 104;
    public static final int ROW = 48;
    public static final int FOOTER = 100;
    public static final int BAR_X = 500;
    public static final int BAR_WIDTH = 220;
    public static final int BAR_HEIGHT = 14;

    /** Background of the viewer's own row: the accent colour over the card, dimmed. */
    static final Color VIEWER_ROW = new Color(0x3A, 0x3E, 0x6B);

    private static final Font TITLE = Images.font(Font.BOLD, 30);
    private static final Font BODY = Images.font(Font.PLAIN, 19);
    private static final Font BOLD = Images.font(Font.BOLD, 19);
    private static final Font SMALL = Images.font(Font.PLAIN, 15);

    /** Strips kept, by the bytes of their deflated rows: a few servers' boards (a row is 2-6 KB). */
    private static final StripCache STRIPS = new StripCache(WIDTH, 4L * 1024 * 1024);

    /**
     * Pictures kept: a few pages and periods of a server or two. Each is ~35 KB and a busy server's are
     * nearly all different (the asker's own row is in the picture), so 64 of them (2 MB) lived just long
     * enough to crowd the young generation's survivor spaces: under the load mix, with 16, the young
     * collections promoted about half as much to the old generation (README "Memory"). A picture not
     * kept is assembled again from its kept strips.
     */
    private static final int RECENT_LIMIT = 16;
    /**
     * The last pictures drawn, by the board they show (boards are values). Between two changes a
     * busy server asks for the same page many times, and drawing and encoding is most of the cost
     * of {@code /leaderboard show}; a changed rank or total is a different key, so never stale.
     * Lock-free (a lock here made threads queue behind a holder the OS had paused); when full it
     * simply starts over.
     */
    private static final Map<Board, byte[]> RECENT = new ConcurrentHashMap<>();

    private LeaderboardImage() {}

    /**
     * The picture of {@code board}, drawn once per distinct board: the asker line is text only, the
     * viewer's own row is part of the picture (highlighted, or appended below the page).
     */
    public static byte[] picture(Board board) {
        Board shown = board.withoutAsker();
        byte[] png = RECENT.get(shown);
        if (png == null) {
            png = render(shown, null); // two threads may draw the same new board once each: harmless
            if (RECENT.size() >= RECENT_LIMIT) {
                RECENT.clear();
            }
            RECENT.put(shown, png);
        }
        return png;
    }

    /** Rows drawn: one per entry, or one "nobody yet" row. */
    public static int height(int entries) {
        return HEADER + Math.max(1, entries) * ROW + FOOTER;
    }

    /** Vertical centre of row {@code index} (0-based). */
    public static int rowCenterY(int index) {
        return HEADER + index * ROW + ROW / 2;
    }

    /** Rows a board draws: its entries, and the viewer's own row appended when they are not among them. */
    static List<Board.Entry> rows(Board board) {
        if (board.viewer() == null || board.viewerOnPage()) {
            return board.entries();
        }
        List<Board.Entry> rows = new ArrayList<>(board.entries());
        rows.add(board.viewer());
        return rows;
    }

    /**
     * The picture of {@code board}, with the server's name in its subtitle when given (a channel post).
     * Drawn as strips (the header, each row, the footer), each deflated once and kept in {@link #STRIPS}
     * by what it shows: after one member's progress only the rows and totals that changed are drawn again.
     */
    public static byte[] render(Board board, String serverName) {
        List<Board.Entry> shownRows = rows(board);
        List<PngStrip> strips = new ArrayList<>(shownRows.size() + 2);
        String sub = board.title()
                + (serverName == null ? "" : " · " + Images.drawable(serverName, BODY, ""))
                + (board.page() > 1 ? " · page " + board.page() : "");
        strips.add(strip(new Header("Leaderboard · " + board.period().label(), sub)));
        if (shownRows.isEmpty()) {
            strips.add(strip(new EmptyRow(
                    board.periodTotal() > 0 || board.page() > 1
                            ? BoardReply.emptyLine(board)
                            : board.period().noneCompleted() + " — be the first!")));
        }
        for (int i = 0; i < shownRows.size(); i++) {
            Board.Entry e = shownRows.get(i);
            boolean viewer =
                    board.viewer() != null && e.memberId().equals(board.viewer().memberId());
            strips.add(strip(new Row(e, viewer, i >= board.entries().size(), i % 2 == 0)));
        }
        footer(board).forEach(line -> strips.add(strip(line)));
        return Images.png(strips);
    }

    /** A strip of the picture: what it shows, how tall it is and how to draw it (at y = 0). */
    private sealed interface Part extends StripCache.Part permits Header, EmptyRow, Row, FooterLine {}

    private static PngStrip strip(Part part) {
        return STRIPS.strip(part);
    }

    /** The title, the period as dates (and the server's name on a post), the columns' legend. */
    private record Header(String heading, String sub) implements Part {
        @Override
        public int height() {
            return HEADER;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setFont(TITLE);
            g.setColor(Images.TEXT);
            g.drawString(heading, 24, 46);
            g.setFont(BODY);
            g.setColor(Images.MUTED);
            Images.drawText(g, sub, 24, 76, WIDTH - 48);
            g.setFont(SMALL);
            String legend = "topics · roadmap progress";
            g.drawString(legend, WIDTH - 24 - g.getFontMetrics().stringWidth(legend), 96);
        }
    }

    /** The one row of a board with nobody on it. */
    private record EmptyRow(String text) implements Part {
        @Override
        public int height() {
            return ROW;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setFont(BODY);
            g.setColor(Images.MUTED);
            g.drawString(Images.fit(text, g.getFontMetrics(), WIDTH - 48), 24, ROW / 2 + 7);
        }
    }

    /**
     * A member's row: rank, name, topics, progress bar.
     *
     * @param viewer   the asker's own row (tinted, with an accent bar)
     * @param appended the asker's row below a page they are not on (a dotted rule above it)
     * @param striped  an even row, on the lighter card colour
     */
    private record Row(Board.Entry entry, boolean viewer, boolean appended, boolean striped) implements Part {
        @Override
        public int height() {
            return ROW;
        }

        /** The asker's own row is in their picture only. */
        @Override
        public boolean shared() {
            return !viewer;
        }

        @Override
        public void draw(Graphics2D g) {
            Board.Entry e = entry;
            int center = ROW / 2;
            if (viewer) {
                // The viewer's own row: tinted, with an accent bar, so they find themselves at a glance.
                g.setColor(VIEWER_ROW);
                g.fillRect(12, 0, WIDTH - 24, ROW);
                g.setColor(Images.BAR_FILL);
                g.fillRect(12, 0, 4, ROW);
            } else if (striped) {
                g.setColor(Images.ROW);
                g.fillRect(12, 0, WIDTH - 24, ROW);
            }
            if (appended) {
                // A gap in the ranks above the appended row: a dotted rule.
                g.setColor(Images.MUTED);
                for (int x = 24; x < WIDTH - 24; x += 8) {
                    g.fillRect(x, 0, 3, 1);
                }
            }
            g.setFont(BOLD);
            g.setColor(rankColor(e.rank()));
            g.drawString("#" + e.rank(), 24, center + 7);
            g.setFont(BODY);
            g.setColor(Images.TEXT);
            String name = Images.drawable(e.name(), BODY, LeaderboardService.fallbackName(e.memberId()));
            Images.drawText(g, viewer ? name + " (you)" : name, 96, center + 7, 290);
            g.setFont(BOLD);
            String count = String.valueOf(e.completed());
            FontMetrics fm = g.getFontMetrics();
            g.drawString(count, 470 - fm.stringWidth(count), center + 7);
            Images.bar(
                    g,
                    BAR_X,
                    center - BAR_HEIGHT / 2,
                    BAR_WIDTH,
                    BAR_HEIGHT,
                    e.percent(),
                    100,
                    e.percent() >= 100 ? Images.BAR_DONE : Images.BAR_FILL);
            g.setFont(SMALL);
            g.setColor(Images.MUTED);
            g.drawString(e.percent() + "%", BAR_X + BAR_WIDTH + 12, center + 5);
        }
    }

    /**
     * A line of the server's totals under the rows, in a strip of its own: the first (members ranked,
     * topics completed) changes with every member's progress, the others (the group view) once a minute.
     */
    private record FooterLine(String text, int height, int baseline) implements Part {
        @Override
        public void draw(Graphics2D g) {
            g.setFont(SMALL);
            g.setColor(Images.MUTED);
            g.drawString(Images.fit(text, g.getFontMetrics(), WIDTH - 48), 24, baseline);
        }
    }

    /** The footer's three lines (the third blank when no member has a phase), {@link #FOOTER} tall together. */
    private static List<FooterLine> footer(Board board) {
        String totals = String.format(
                Locale.ROOT,
                "%,d members ranked · %,d topics completed %s",
                board.ranked(),
                board.periodTotal(),
                board.period().label());
        Board.GroupView group = board.group();
        String groupLine = String.format(
                        Locale.ROOT, "%,d studying · %,d on track for their pace", group.started(), group.onTrack())
                // On a weekly board the week's total is the line above: say it once.
                + (board.period() == Period.WEEK
                        ? ""
                        : String.format(Locale.ROOT, " · %,d topics this week", group.completedThisWeek()));
        StringBuilder phases = new StringBuilder();
        new TreeMap<>(group.perPhase()).forEach((phase, members) -> {
            if (phase > 0) {
                phases.append(phases.length() == 0 ? "" : " · ")
                        .append(String.format(Locale.ROOT, "phase %d: %,d", phase, members));
            }
        });
        Long finished = group.perPhase().get(0);
        if (finished != null) {
            phases.append(phases.length() == 0 ? "" : " · ")
                    .append(String.format(Locale.ROOT, "finished: %,d", finished));
        }
        // Baselines 30, 54 and 78 px below the last row, as one strip of 36, 24 and 40 px.
        return List.of(
                new FooterLine(totals, 36, 30),
                new FooterLine(groupLine, 24, 18),
                new FooterLine(phases.length() == 0 ? "" : "Members per phase: " + phases, FOOTER - 60, 18));
    }

    private static Color rankColor(int rank) {
        return switch (rank) {
            case 1 -> Images.GOLD;
            case 2 -> Images.SILVER;
            case 3 -> Images.BRONZE;
            default -> Images.MUTED;
        };
    }
}
