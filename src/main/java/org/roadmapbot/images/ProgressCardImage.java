package org.roadmapbot.images;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
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

    /**
     * The card as a PNG, drawn as strips (the header, each phase bar, the margin under them) kept in
     * {@link #STRIPS}: members at the same point of a phase share its bar's strip, so a card mostly
     * draws and deflates only its header (never kept: it is the member's own).
     */
    public static byte[] render(Card card) {
        List<PngStrip> strips = new ArrayList<>(card.phases().size() + 2);
        strips.add(STRIPS.strip(new Header(
                Images.drawable(card.name(), TITLE, card.fallbackName()),
                card.subtitle(),
                card.status(),
                card.percent())));
        for (int i = 0; i < card.phases().size(); i++) {
            strips.add(STRIPS.strip(new PhaseRow(card.phases().get(i), i % 2 == 0)));
        }
        strips.add(STRIPS.strip(new Margin(FOOTER)));
        return Images.png(strips);
    }

    private static final Font TITLE = Images.font(Font.BOLD, 28);
    private static final Font BODY = Images.font(Font.PLAIN, 17);
    private static final Font SMALL = Images.font(Font.PLAIN, 15);

    /** Strips kept: every phase bar in use (a strip is 1-8 KB deflated); members' headers are not kept. */
    private static final StripCache STRIPS = new StripCache(WIDTH, 2L * 1024 * 1024);

    /** Name (made drawable), track and pace, status, the overall bar. */
    private record Header(String name, String subtitle, String status, int percent) implements StripCache.Part {
        @Override
        public int height() {
            return HEADER;
        }

        /** One member's name and totals: on their card only. */
        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setFont(TITLE);
            g.setColor(Images.TEXT);
            Images.drawText(g, name, 24, 44, WIDTH - 48);
            g.setFont(BODY);
            g.setColor(Images.MUTED);
            g.drawString(Images.fit(subtitle, g.getFontMetrics(), WIDTH - 48), 24, 72);
            g.setColor(Images.TEXT);
            FontMetrics bm = g.getFontMetrics();
            g.drawString(status, WIDTH - 24 - bm.stringWidth(status), 72);
            Images.bar(
                    g,
                    TOTAL_BAR_X,
                    TOTAL_BAR_Y,
                    TOTAL_BAR_WIDTH,
                    TOTAL_BAR_HEIGHT,
                    percent,
                    100,
                    percent >= 100 ? Images.BAR_DONE : Images.BAR_FILL);
        }
    }

    /** One phase's row: label, bar, done/total; {@code striped} rows (even ones) on the card colour. */
    private record PhaseRow(PhaseBar phase, boolean striped) implements StripCache.Part {
        @Override
        public int height() {
            return ROW;
        }

        @Override
        public void draw(Graphics2D g) {
            if (striped) {
                g.setColor(Images.ROW);
                g.fillRect(12, 0, WIDTH - 24, ROW);
            }
            int center = ROW / 2;
            g.setFont(BODY);
            g.setColor(Images.TEXT);
            g.drawString(Images.fit(phase.label(), g.getFontMetrics(), BAR_X - 48), 24, center + 6);
            boolean finished = phase.total() > 0 && phase.done() >= phase.total();
            Images.bar(
                    g,
                    BAR_X,
                    center - BAR_HEIGHT / 2,
                    BAR_WIDTH,
                    BAR_HEIGHT,
                    phase.done(),
                    phase.total(),
                    finished ? Images.BAR_DONE : Images.BAR_FILL);
            g.setFont(SMALL);
            g.setColor(Images.MUTED);
            g.drawString(phase.done() + "/" + phase.total(), BAR_X + BAR_WIDTH + 14, center + 5);
        }
    }

    /** Background only. */
    private record Margin(int height) implements StripCache.Part {
        @Override
        public void draw(Graphics2D g) {
            // Images.graphics filled it with the background
        }
    }
}
