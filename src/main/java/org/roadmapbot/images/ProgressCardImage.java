package org.roadmapbot.images;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A member's progress card: name, track and overall percent, then one bar per roadmap phase
 * (done out of the phase's topics in scope). 800 px wide; {@link #height(int)} tall.
 */
public final class ProgressCardImage {

    public static final int WIDTH = 800;
    public static final int HEADER = 128;
    public static final int ROW = 44;
    public static final int FOOTER = 20;
    /** Overall bar in the header. */
    public static final int TOTAL_BAR_X = 24;

    public static final int TOTAL_BAR_Y = 96;
    public static final int TOTAL_BAR_WIDTH = WIDTH - 48;
    public static final int TOTAL_BAR_HEIGHT = 12;
    /** Phase bars. */
    public static final int BAR_X = 420;

    public static final int BAR_WIDTH = 260;
    public static final int BAR_HEIGHT = 14;

    private ProgressCardImage() {}

    /**
     * What the card shows.
     *
     * @param name     display name, raw
     * @param subtitle e.g. "Python track · part-time pace"
     * @param status   e.g. "42% complete · on track"
     */
    public record Card(
            String name, String fallbackName, String subtitle, String status, int percent, List<PhaseBar> phases) {
        public Card {
            Objects.requireNonNull(subtitle, "subtitle");
            phases = List.copyOf(phases);
        }
    }

    /** One phase: label, topics done, topics in scope (total minus skipped). */
    public record PhaseBar(String label, int done, int total) {}

    public static int height(int phases) {
        return HEADER + phases * ROW + FOOTER;
    }

    /** Vertical centre of phase bar {@code index} (0-based). */
    public static int barCenterY(int index) {
        return HEADER + index * ROW + ROW / 2;
    }

    public static byte[] render(Card card) {
        BufferedImage image = Images.canvas(WIDTH, height(card.phases().size()));
        Graphics2D g = Images.graphics(image);
        try {
            Font title = Images.font(Font.BOLD, 28);
            Font body = Images.font(Font.PLAIN, 17);
            Font small = Images.font(Font.PLAIN, 15);
            g.setFont(title);
            g.setColor(Images.TEXT);
            String name = Images.drawable(card.name(), title, card.fallbackName());
            Images.drawText(g, name, 24, 44, WIDTH - 48);
            g.setFont(body);
            g.setColor(Images.MUTED);
            g.drawString(Images.fit(card.subtitle(), g.getFontMetrics(), WIDTH - 48), 24, 72);
            g.setColor(Images.TEXT);
            FontMetrics bm = g.getFontMetrics();
            g.drawString(card.status(), WIDTH - 24 - bm.stringWidth(card.status()), 72);
            Images.bar(
                    g,
                    TOTAL_BAR_X,
                    TOTAL_BAR_Y,
                    TOTAL_BAR_WIDTH,
                    TOTAL_BAR_HEIGHT,
                    card.percent(),
                    100,
                    card.percent() >= 100 ? Images.BAR_DONE : Images.BAR_FILL);

            for (int i = 0; i < card.phases().size(); i++) {
                PhaseBar p = card.phases().get(i);
                int top = HEADER + i * ROW;
                if (i % 2 == 0) {
                    g.setColor(Images.ROW);
                    g.fillRect(12, top, WIDTH - 24, ROW);
                }
                int center = barCenterY(i);
                g.setFont(body);
                g.setColor(Images.TEXT);
                g.drawString(Images.fit(p.label(), g.getFontMetrics(), BAR_X - 48), 24, center + 6);
                boolean finished = p.total() > 0 && p.done() >= p.total();
                Images.bar(
                        g,
                        BAR_X,
                        center - BAR_HEIGHT / 2,
                        BAR_WIDTH,
                        BAR_HEIGHT,
                        p.done(),
                        p.total(),
                        finished ? Images.BAR_DONE : Images.BAR_FILL);
                g.setFont(small);
                g.setColor(Images.MUTED);
                g.drawString(p.done() + "/" + p.total(), BAR_X + BAR_WIDTH + 14, center + 5);
            }
        } finally {
            g.dispose();
        }
        return Images.png(image);
    }
}
