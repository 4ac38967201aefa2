package org.roadmapbot.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagesFitTest {

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(g.getFont().deriveFont(20f));
        return g.getFontMetrics();
    }

    @Test
    void shortTextIsKeptAndLongTextIsCutToTheWidthWithAnEllipsis() {
        FontMetrics m = metrics();
        assertThat(Images.fit("Ada", m, 400)).isEqualTo("Ada");
        String cut = Images.fit("A rather long display name that will not fit in the space", m, 200);
        assertThat(cut).endsWith("…").startsWith("A rather");
        assertThat(m.stringWidth(cut)).isLessThanOrEqualTo(200);
        // The same cut as measuring one code point fewer at a time: the longest prefix that fits.
        String text = "A rather long display name that will not fit in the space";
        String expected = "…";
        for (int n = text.length() - 1; n > 0; n--) {
            String candidate = text.substring(0, n).strip() + "…";
            if (m.stringWidth(candidate) <= 200) {
                expected = candidate;
                break;
            }
        }
        assertThat(cut).isEqualTo(expected);
        assertThat(Images.fit("Anything", m, 1)).isEqualTo("…");
    }

    @Test
    void aHugeNameIsCutQuickly() {
        String huge = "@everyone ".repeat(10_000);
        long start = System.nanoTime();
        String cut = Images.fit(huge, metrics(), 600);
        // Not a timing assertion on the result: the old one-code-point-at-a-time cut never finished here.
        assertThat(cut).endsWith("…").hasSizeLessThan(1200);
        assertThat(metrics().stringWidth(cut)).isLessThanOrEqualTo(600);
        System.out.printf("fit of a 100,000-character name: %.1f ms%n", (System.nanoTime() - start) / 1e6);
    }
}
