package org.roadmapbot.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Strips drawn on a thread's reused canvas are exactly the strips a fresh canvas gives. */
class StripCacheTest {

    private static final int WIDTH = 120;

    /** Noise over the whole strip: what a taller strip leaves on the shared canvas. */
    private record Noisy(int height) implements StripCache.Part {
        @Override
        public void draw(Graphics2D g) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < WIDTH; x += 3) {
                    g.setColor(new Color((x * 7919 + y * 104729) & 0xFFFFFF));
                    g.fillRect(x, y, 3, 1);
                }
            }
        }
    }

    /** A small mark on the background: every other pixel must be the background, not the noise before. */
    private record Marked(int height) implements StripCache.Part {
        @Override
        public void draw(Graphics2D g) {
            g.setColor(Images.GOLD);
            g.fillRect(2, 2, 5, 5);
        }
    }

    @Test
    void aShorterStripOnTheReusedCanvasShowsNothingOfTheTallerOneBefore() throws Exception {
        StripCache cache = new StripCache(WIDTH, 1 << 20);

        PngStrip tall = cache.strip(new Noisy(40));
        PngStrip shortOne = cache.strip(new Marked(12));
        PngStrip tallAgain = cache.strip(new Noisy(41));

        assertThat(shortOne.deflated()).isEqualTo(fresh(new Marked(12)).deflated());
        assertThat(shortOne.adler()).isEqualTo(fresh(new Marked(12)).adler());
        assertThat(tall.deflated()).isEqualTo(fresh(new Noisy(40)).deflated());
        assertThat(tallAgain.deflated()).isEqualTo(fresh(new Noisy(41)).deflated());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Images.png(List.of(shortOne))));
        assertThat(decoded.getHeight()).isEqualTo(12);
        assertThat(decoded.getRGB(0, 11) & 0xFFFFFF).isEqualTo(Images.BACKGROUND.getRGB() & 0xFFFFFF);
        assertThat(decoded.getRGB(3, 3) & 0xFFFFFF).isEqualTo(Images.GOLD.getRGB() & 0xFFFFFF);
    }

    /** A strip of one member's picture only. */
    private record Own(int height) implements StripCache.Part {
        @Override
        public void draw(Graphics2D g) {
            g.setColor(Images.BAR_FILL);
            g.fillRect(0, 0, 9, height);
        }

        @Override
        public boolean shared() {
            return false;
        }
    }

    @Test
    void sharedStripsAreKeptAndAMembersOwnAreDrawnEachTimeWithoutBeingKept() {
        StripCache cache = new StripCache(WIDTH, 1 << 20);

        PngStrip shared = cache.strip(new Marked(10));
        PngStrip own = cache.strip(new Own(10));
        PngStrip ownAgain = cache.strip(new Own(10));

        assertThat(cache.kept()).isEqualTo(1);
        assertThat(cache.strip(new Marked(10))).isSameAs(shared);
        assertThat(ownAgain).isNotSameAs(own);
        assertThat(ownAgain.deflated())
                .isEqualTo(own.deflated())
                .isEqualTo(fresh(new Own(10)).deflated());
    }

    @Test
    void aThreadDrawsItsStripsOnOneCanvasOfEachWidth() {
        int width = 97; // no other test of this thread draws at this width
        BufferedImage tall = StripCache.canvas(width, 30);
        BufferedImage shorter = StripCache.canvas(width, 10);
        BufferedImage other = StripCache.canvas(width + 1, 10);
        BufferedImage taller = StripCache.canvas(width, 31);

        assertThat(tall.getHeight()).isEqualTo(30);
        assertThat(shorter.getHeight()).isEqualTo(10);
        assertThat(shorter.getRaster().getDataBuffer())
                .isSameAs(tall.getRaster().getDataBuffer());
        assertThat(other.getRaster().getDataBuffer())
                .isNotSameAs(tall.getRaster().getDataBuffer());
        assertThat(taller.getHeight()).isEqualTo(31);
        assertThat(StripCache.canvas(width, 30).getRaster().getDataBuffer())
                .isSameAs(taller.getRaster().getDataBuffer());
    }

    private static PngStrip fresh(StripCache.Part part) {
        BufferedImage image = Images.canvas(WIDTH, part.height());
        Graphics2D g = Images.graphics(image);
        part.draw(g);
        g.dispose();
        return Images.strip(image);
    }
}
