package org.roadmapbot.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Names in scripts the main font lacks are drawn with the fallback chain, not replaced by
 * "Member …1234". Needs Debian's fonts-noto-cjk and fonts-noto-core, which `.ci/run` and the
 * Docker image install (see the README).
 */
class FontFallbackTest {

    private static final String FONTS_HINT = "install Debian's fonts-noto-cjk and fonts-noto-core (as .ci/run does); "
            + "fallback chain found: " + Images.fallbackFamilies();

    private final Font body = Images.font(Font.PLAIN, 19);

    @Test
    void japaneseAndDecorativeNamesAreKeptAsWritten() {
        assertThat(Images.drawable("山田太郎", body, "Member …0103")).as(FONTS_HINT).isEqualTo("山田太郎");
        assertThat(Images.drawable("김민준", body, "Member …0103")).as(FONTS_HINT).isEqualTo("김민준");
        assertThat(Images.drawable("𝓕𝓪𝓷𝓬𝔂", body, "Member …0103"))
                .as(FONTS_HINT)
                .isEqualTo("𝓕𝓪𝓷𝓬𝔂");
        assertThat(Images.drawable("Zoë 山田", body, "x")).isEqualTo("Zoë 山田");
    }

    @Test
    void aMixedNameIsDrawnInFullWithGlyphsFromTwoFonts() {
        BufferedImage image = Images.canvas(400, 40);
        Graphics2D g = Images.graphics(image);
        g.setFont(body);
        g.setColor(Images.TEXT);
        // CJK glyphs are about one em wide each: four of them are far wider than four boxes would be narrow.
        double width = Images.width(g, body, "山田太郎");
        assertThat(width).as(FONTS_HINT).isBetween(4 * 19 * 0.8, 4 * 19 * 1.2);
        Images.drawText(g, "Ada 山田太郎", 4, 28, 392);
        g.dispose();
        int inked = 0;
        int rightmost = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (image.getRGB(x, y) != Images.BACKGROUND.getRGB()) {
                    inked++;
                    rightmost = Math.max(rightmost, x);
                }
            }
        }
        assertThat(inked).isGreaterThan(300);
        // The text runs past "Ada " into the CJK part: ink reaches about where the whole string ends.
        assertThat(rightmost).isGreaterThan((int) (4 + width));
    }

    @Test
    void aCardWithACjkNameShowsTheNameNotTheFallback() throws IOException {
        byte[] cjk = ProgressCardImage.render(new ProgressCardImage.Card(
                "山田太郎",
                "Member …0103",
                "Python track",
                "10% · on track",
                10,
                List.of(new ProgressCardImage.PhaseBar("Phase 1", 1, 10))));
        byte[] fallback = ProgressCardImage.render(new ProgressCardImage.Card(
                "Member …0103",
                "Member …0103",
                "Python track",
                "10% · on track",
                10,
                List.of(new ProgressCardImage.PhaseBar("Phase 1", 1, 10))));
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(cjk));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(fallback));
        int differing = 0;
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < 56; y++) { // the name line
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing)
                .as("the name line differs from the fallback label's")
                .isGreaterThan(200);
    }

    @Test
    void textNoFontCanDrawIsStillCleanedAndNamesNeverBecomeEmpty() {
        assertThat(Images.drawable("\u0000\u202E\uE000", body, "Member …0001")).isEqualTo("Member …0001");
        assertThat(Images.drawable("Zoë\u200D\uFE0F", body, "x")).isEqualTo("Zoë");
    }

    @Test
    void theBackgroundWarmUpLoadsTheFallbackFontsBeforeTheFirstPicture() throws InterruptedException {
        Thread warmUp = Images.warmUpInBackground();
        warmUp.join(30_000);
        assertThat(warmUp.isAlive()).isFalse();
        assertThat(warmUp.isDaemon())
                .as("a warm-up must never keep the JVM alive")
                .isTrue();
        // The chain font that draws CJK was opened by the warm-up (kept in the font cache), so the first
        // member's card doesn't pay for opening it.
        assertThat(Images.cachedFallbackFonts()).as(FONTS_HINT).anyMatch(f -> f.canDisplay('山'));
    }
}
