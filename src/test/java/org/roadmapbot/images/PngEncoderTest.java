package org.roadmapbot.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Adler32;
import java.util.zip.Inflater;
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
    void stripsDeflatedApartJoinIntoTheSamePicture() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        BufferedImage whole = Images.canvas(203, 0 + 7 + 60 + 1);
        for (int y = 0; y < whole.getHeight(); y++) {
            for (int x = 0; x < whole.getWidth(); x++) {
                // noise in some rows, flat colour in others: both kinds of deflate block
                whole.setRGB(x, y, y % 3 == 0 ? random.nextInt(1 << 24) : 0x2B2D31 + y);
            }
        }
        List<PngStrip> strips = new ArrayList<>();
        for (int[] band : new int[][] {{0, 7}, {7, 60}, {67, 1}}) {
            strips.add(Images.strip(copy(whole, band[0], band[1])));
        }

        byte[] joined = Images.png(strips);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(joined));
        assertThat(decoded.getWidth()).isEqualTo(203);
        assertThat(decoded.getHeight()).isEqualTo(68);
        for (int y = 0; y < 68; y++) {
            for (int x = 0; x < 203; x++) {
                assertThat(decoded.getRGB(x, y) & 0xFFFFFF)
                        .as("pixel %d,%d", x, y)
                        .isEqualTo(whole.getRGB(x, y) & 0xFFFFFF);
            }
        }
        // The zlib trailer's Adler-32 was combined from the strips': java.util.zip checks it.
        byte[] idat = idat(joined);
        Inflater inflater = new Inflater();
        inflater.setInput(idat);
        byte[] out = new byte[68 * (1 + 203 * 3)];
        int n = 0;
        while (!inflater.finished()) {
            n += inflater.inflate(out, n, out.length - n);
        }
        assertThat(n).isEqualTo(out.length);
        Adler32 adler = new Adler32();
        adler.update(out);
        assertThat(inflater.getAdler()).isEqualTo((int) adler.getValue());
        assertThatThrownBy(() -> Images.png(List.of(strips.get(0), Images.strip(Images.canvas(10, 2)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneThreadsReusedZlibStreamAndBuffersGiveExactPicturesOfEverySize() throws Exception {
        // On one thread, in this order: a noisy picture whose rows (~1 MB) are above what a thread
        // keeps and whose deflated output outgrows the output buffer several times, a small flat
        // strip, a noisy strip under the kept size, then the small one again: each must decode to
        // exactly its own pixels (nothing left over from the strip before) and the small strip must
        // deflate to the same bytes both times (the reset stream starts afresh).
        SplittableRandom random = new SplittableRandom(23);
        BufferedImage big = noise(random, 640, 520);
        BufferedImage small = Images.canvas(640, 9);
        Images.graphics(small).dispose();
        BufferedImage medium = noise(random, 640, 100);

        byte[] bigPng = Images.png(big);
        PngStrip smallFirst = Images.strip(small);
        PngStrip mediumStrip = Images.strip(medium);
        PngStrip smallAgain = Images.strip(small);

        assertSamePixels(ImageIO.read(new ByteArrayInputStream(bigPng)), big);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(Images.png(List.of(smallFirst)))), small);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(Images.png(List.of(mediumStrip)))), medium);
        assertThat(smallAgain.deflated()).isEqualTo(smallFirst.deflated());
        assertThat(smallAgain.adler()).isEqualTo(smallFirst.adler());
    }

    private static BufferedImage noise(SplittableRandom random, int width, int height) {
        BufferedImage image = Images.canvas(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage decoded, BufferedImage drawn) {
        assertThat(decoded.getWidth()).isEqualTo(drawn.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(drawn.getHeight());
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                if ((decoded.getRGB(x, y) & 0xFFFFFF) != (drawn.getRGB(x, y) & 0xFFFFFF)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs");
                }
            }
        }
    }

    private static BufferedImage copy(BufferedImage image, int top, int height) {
        BufferedImage strip = Images.canvas(image.getWidth(), height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                strip.setRGB(x, y, image.getRGB(x, top + y));
            }
        }
        return strip;
    }

    /** The data of the PNG's one IDAT chunk. */
    private static byte[] idat(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.remaining() > 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC
            if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
                return data;
            }
        }
        throw new AssertionError("no IDAT chunk");
    }

    @Test
    void refusesImagesItWasNotWrittenFor() {
        assertThatThrownBy(() -> Images.png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
