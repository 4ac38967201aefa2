package org.roadmapbot.images;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

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
        PngStrip strip = strips.getIfPresent(part);
        if (strip == null) {
            // Not Cache.get(key, loader): that holds a lock while drawing; two threads drawing the same
            // new strip once each is harmless.
            BufferedImage image = Images.canvas(width, part.height());
            Graphics2D g = Images.graphics(image);
            try {
                part.draw(g);
            } finally {
                g.dispose();
            }
            strip = Images.strip(image);
            strips.put(part, strip);
        }
        return strip;
    }
}
