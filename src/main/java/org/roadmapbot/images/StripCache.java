package org.roadmapbot.images;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Strips of a kind of picture, each drawn and deflated once and kept by what it shows, bounded by the
 * bytes of their deflated rows (least recently used go first). A picture is then the {@link PngStrip}s
 * of its parts joined by {@link Images#png(java.util.List)}: a part another picture already showed (the
 * same row of a leaderboard, the same phase bar of a progress card) costs a lookup, not a drawing and a
 * deflate.
 */
public final class StripCache {

    /** A strip: a value saying everything it draws (a record), how tall it is, and how to draw it at y = 0. */
    public interface Part {
        int height();

        void draw(Graphics2D g);

        /**
         * Whether other pictures show this strip too. One only a single member's picture shows (their own
         * highlighted row, their card's header) is drawn each time and not kept: it is seldom asked for
         * again before it changes, and kept, it would push shared strips out and live just long enough
         * for the collector to promote it to the old generation and collect it there, with a full
         * collection (README "Memory": these strips were the most sampled objects left in the old
         * generation under the load mix).
         */
        default boolean shared() {
            return true;
        }
    }

    private final int width;
    private final Cache<Part, PngStrip> strips;

    public StripCache(int width, long maxBytes) {
        this.width = width;
        this.strips = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Part part, PngStrip strip) -> strip.weight())
                .build();
    }

    public PngStrip strip(Part part) {
        if (!part.shared()) {
            return draw(part);
        }
        PngStrip strip = strips.getIfPresent(part);
        if (strip == null) {
            // Not Cache.get(key, loader): that holds a lock while drawing; two threads drawing the same
            // new strip once each is harmless.
            strip = draw(part);
            strips.put(part, strip);
        }
        return strip;
    }

    private PngStrip draw(Part part) {
        BufferedImage image = canvas(width, part.height());
        Graphics2D g = Images.graphics(image);
        try {
            part.draw(g);
        } finally {
            g.dispose();
        }
        return Images.strip(image);
    }

    /** Strips kept now (for tests). */
    long kept() {
        strips.cleanUp();
        return strips.estimatedSize();
    }

    /**
     * Pixels a drawing thread keeps for its strips: a leaderboard row is 800 × 48 (38,400), a card's header
     * about three times that. A taller strip gets a canvas of its own, left to the collector.
     */
    static final int KEPT_PIXELS = 200_000;

    /**
     * The top {@code height} rows of this thread's canvas of {@code width}, grown to the tallest strip it drew
     * (the collector's figures, README "Memory": a new canvas per strip was a fifth of all the bytes the load
     * mix allocated, and the more the young generation fills, the more often it is collected and the more
     * short-lived objects are promoted). {@link Images#graphics} paints it over before each strip, and the
     * strip is deflated before this thread draws another, so nothing of one strip shows in the next.
     */
    static BufferedImage canvas(int width, int height) {
        if ((long) width * height > KEPT_PIXELS) {
            return Images.canvas(width, height);
        }
        Map<Integer, BufferedImage> kept = CANVASES.get();
        BufferedImage canvas = kept.get(width);
        if (canvas == null || canvas.getHeight() < height) {
            canvas = Images.canvas(width, height);
            kept.put(width, canvas);
        }
        return canvas.getHeight() == height ? canvas : canvas.getSubimage(0, 0, width, height);
    }

    /** A drawing thread's canvases by width (a leaderboard's, a progress card's). */
    private static final ThreadLocal<Map<Integer, BufferedImage>> CANVASES = ThreadLocal.withInitial(HashMap::new);
}
