package org.roadmapbot.leaderboard;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roadmapbot.images.Images;

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

    /** Pictures kept: a few pages and periods of a few servers. */
    private static final int RECENT_LIMIT = 64;
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

    public static byte[] render(Board board, String serverName) {
        List<Board.Entry> shownRows = rows(board);
        int rows = shownRows.size();
        BufferedImage image = Images.canvas(WIDTH, height(rows));
        Graphics2D g = Images.graphics(image);
        try {
            Font title = Images.font(Font.BOLD, 30);
            Font body = Images.font(Font.PLAIN, 19);
            Font bold = Images.font(Font.BOLD, 19);
            Font small = Images.font(Font.PLAIN, 15);

            g.setFont(title);
            g.setColor(Images.TEXT);
            g.drawString("Leaderboard · " + board.period().label(), 24, 46);
            g.setFont(body);
            g.setColor(Images.MUTED);
            String sub = board.title()
                    + (serverName == null ? "" : " · " + Images.drawable(serverName, body, ""))
                    + (board.page() > 1 ? " · page " + board.page() : "");
            Images.drawText(g, sub, 24, 76, WIDTH - 48);
            g.setFont(small);
            String legend = "topics · roadmap progress";
            g.drawString(legend, WIDTH - 24 - g.getFontMetrics().stringWidth(legend), 96);

            if (rows == 0) {
                g.setFont(body);
                g.setColor(Images.MUTED);
                String empty = board.periodTotal() > 0 || board.page() > 1
                        ? BoardReply.emptyLine(board)
                        : board.period().noneCompleted() + " — be the first!";
                g.drawString(Images.fit(empty, g.getFontMetrics(), WIDTH - 48), 24, rowCenterY(0) + 7);
            }
            for (int i = 0; i < rows; i++) {
                Board.Entry e = shownRows.get(i);
                boolean viewer = board.viewer() != null
                        && e.memberId().equals(board.viewer().memberId());
                boolean appended = i >= board.entries().size();
                int top = HEADER + i * ROW;
                int center = rowCenterY(i);
                if (viewer) {
                    // The viewer's own row: tinted, with an accent bar, so they find themselves at a glance.
                    g.setColor(VIEWER_ROW);
                    g.fillRect(12, top, WIDTH - 24, ROW);
                    g.setColor(Images.BAR_FILL);
                    g.fillRect(12, top, 4, ROW);
                } else if (i % 2 == 0) {
                    g.setColor(Images.ROW);
                    g.fillRect(12, top, WIDTH - 24, ROW);
                }
                if (appended) {
                    // A gap in the ranks above the appended row: a dotted rule.
                    g.setColor(Images.MUTED);
                    for (int x = 24; x < WIDTH - 24; x += 8) {
                        g.fillRect(x, top, 3, 1);
                    }
                }
                g.setFont(bold);
                g.setColor(rankColor(e.rank()));
                g.drawString("#" + e.rank(), 24, center + 7);
                g.setFont(body);
                g.setColor(Images.TEXT);
                String name = Images.drawable(e.name(), body, LeaderboardService.fallbackName(e.memberId()));
                Images.drawText(g, viewer ? name + " (you)" : name, 96, center + 7, 290);
                g.setFont(bold);
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
                g.setFont(small);
                g.setColor(Images.MUTED);
                g.drawString(e.percent() + "%", BAR_X + BAR_WIDTH + 12, center + 5);
            }

            int footerTop = HEADER + Math.max(1, rows) * ROW;
            g.setFont(small);
            g.setColor(Images.MUTED);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%,d members ranked · %,d topics completed %s",
                            board.ranked(),
                            board.periodTotal(),
                            board.period().label()),
                    24,
                    footerTop + 30);
            Board.GroupView group = board.group();
            String groupLine = String.format(
                            Locale.ROOT, "%,d studying · %,d on track for their pace", group.started(), group.onTrack())
                    // On a weekly board the week's total is the line above: say it once.
                    + (board.period() == Period.WEEK
                            ? ""
                            : String.format(Locale.ROOT, " · %,d topics this week", group.completedThisWeek()));
            g.drawString(groupLine, 24, footerTop + 54);
            StringBuilder phases = new StringBuilder();
            new java.util.TreeMap<>(group.perPhase()).forEach((phase, members) -> {
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
            if (phases.length() > 0) {
                g.drawString(
                        Images.fit("Members per phase: " + phases, g.getFontMetrics(), WIDTH - 48), 24, footerTop + 78);
            }
        } finally {
            g.dispose();
        }
        return Images.png(image);
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
