package org.roadmapbot.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    void imageIoDecodesEveryPixelAsDrawn() throws Exception {
        BufferedImage image = Images.canvas(317, 141);
        Graphics2D g = Images.graphics(image);
        g.setFont(Images.font(Font.BOLD, 19));
        g.setColor(Images.TEXT);
        g.drawString("Leaderboard · naïve Ωmega", 10, 40);
        Images.bar(g, 10, 60, 200, 14, 3, 7, Images.BAR_FILL);
        g.dispose();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) { // noise: every channel value, not just the palette
            image.setRGB(random.nextInt(317), 100 + random.nextInt(41), random.nextInt(1 << 24));
        }

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Images.png(image)));

        assertThat(decoded.getWidth()).isEqualTo(317);
        assertThat(decoded.getHeight()).isEqualTo(141);
        for (int y = 0; y < 141; y++) {
            for (int x = 0; x < 317; x++) {
                assertThat(decoded.getRGB(x, y) & 0xFFFFFF)
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void refusesImagesItWasNotWrittenFor() {
        assertThatThrownBy(() -> Images.png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
