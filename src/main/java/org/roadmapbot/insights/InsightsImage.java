package org.roadmapbot.insights;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.roadmapbot.images.Images;

/**
 * /insights as a picture: the answer rate and the helpful share as bars, then the top unanswered
 * question groups as bars of their counts. 800 px wide, for Discord's dark theme; the reply's text
 * carries the same figures for screen readers.
 */
public final class InsightsImage {

    public static final int WIDTH = 800;
    static final int HEADER = 96;
    static final int RATE_ROW = 46;
    static final int GROUP_HEADER = 44;
    static final int GROUP_ROW = 40;
    static final int FOOTER = 24;
    static final int BAR_X = 250;
    static final int BAR_WIDTH = 340;
    static final int GROUP_TEXT_WIDTH = 400;
    static final int GROUP_BAR_X = 500;
    static final int GROUP_BAR_WIDTH = 260;
    static final int BAR_HEIGHT = 16;

    private InsightsImage() {}

    public static int height(int groups) {
        return HEADER + 2 * RATE_ROW + GROUP_HEADER + Math.max(1, groups) * GROUP_ROW + FOOTER;
    }

    /** The picture of a server's figures over {@code periodLabel} ("the last 7 days"). */
    public static byte[] render(String periodLabel, InsightsStore.Counts counts, List<QuestionGroups.Group> groups) {
        BufferedImage image = Images.canvas(WIDTH, height(groups.size()));
        Graphics2D g = Images.graphics(image);
        try {
            Font title = Images.font(Font.BOLD, 28);
            Font body = Images.font(Font.PLAIN, 18);
            Font bold = Images.font(Font.BOLD, 18);
            Font small = Images.font(Font.PLAIN, 15);

            g.setFont(title);
            g.setColor(Images.TEXT);
            g.drawString("Questions · " + periodLabel, 24, 44);
            g.setFont(body);
            g.setColor(Images.MUTED);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%,d asked · %,d answered · %,d from this server's FAQ · %,d rated",
                            counts.asked(),
                            counts.answered(),
                            counts.curated(),
                            counts.ratedUp() + counts.ratedDown()),
                    24,
                    74);

            int y = HEADER;
            rate(g, bold, small, y, "Answered", counts.answered(), counts.asked());
            rate(
                    g,
                    bold,
                    small,
                    y + RATE_ROW,
                    "Rated helpful",
                    counts.ratedUp(),
                    counts.ratedUp() + counts.ratedDown());

            y += 2 * RATE_ROW;
            g.setFont(bold);
            g.setColor(Images.TEXT);
            g.drawString("Top unanswered questions", 24, y + 28);
            y += GROUP_HEADER;
            if (groups.isEmpty()) {
                g.setFont(body);
                g.setColor(Images.MUTED);
                g.drawString("None kept in this period.", 24, y + 26);
            }
            int most =
                    groups.stream().mapToInt(QuestionGroups.Group::count).max().orElse(1);
            for (int i = 0; i < groups.size(); i++) {
                QuestionGroups.Group group = groups.get(i);
                int top = y + i * GROUP_ROW;
                if (i % 2 == 0) {
                    g.setColor(Images.ROW);
                    g.fillRect(12, top, WIDTH - 24, GROUP_ROW);
                }
                g.setFont(bold);
                g.setColor(Images.TEXT);
                String count = group.count() + "×";
                FontMetrics fm = g.getFontMetrics();
                g.drawString(count, 70 - fm.stringWidth(count), top + 26);
                g.setFont(body);
                Images.drawText(
                        g, Images.drawable(group.question(), body, "(no text)"), 84, top + 26, GROUP_TEXT_WIDTH);
                Images.bar(
                        g,
                        GROUP_BAR_X,
                        top + (GROUP_ROW - BAR_HEIGHT) / 2,
                        GROUP_BAR_WIDTH,
                        BAR_HEIGHT,
                        group.count(),
                        most,
                        Images.BAR_FILL);
            }
        } finally {
            g.dispose();
        }
        return Images.png(image);
    }

    private static void rate(Graphics2D g, Font bold, Font small, int top, String label, long part, long whole) {
        g.setFont(bold);
        g.setColor(Images.TEXT);
        g.drawString(label, 24, top + 28);
        Images.bar(
                g,
                BAR_X,
                top + (RATE_ROW - BAR_HEIGHT) / 2 + 4,
                BAR_WIDTH,
                BAR_HEIGHT,
                (double) part,
                (double) Math.max(1, whole),
                Images.BAR_DONE);
        g.setFont(small);
        g.setColor(Images.MUTED);
        g.drawString(
                whole == 0
                        ? "—"
                        : String.format(
                                Locale.ROOT, "%d%% (%,d of %,d)", Math.round(100.0 * part / whole), part, whole),
                BAR_X + BAR_WIDTH + 12,
                top + 28);
    }
}
