package org.roadmapbot.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG for the bot's own canvases (RGB, 8 bits per channel): rows unfiltered, deflated at the
 * fastest level. The JDK's ImageIO writer tries every row filter and took ~14 ms for a leaderboard
 * (800 × 684); this takes ~3.5 ms for a file about 20 % larger (~35 KB), which matters when every
 * `/leaderboard show` and `/progress show` carries a picture. The format is PNG 1.2 (IHDR, one
 * IDAT, IEND); {@code PngEncoderTest} decodes the output with ImageIO and compares every pixel.
 *
 * <p>A picture may be made of {@linkplain PngStrip strips} deflated apart and joined: the IDAT's deflate
 * stream is then the strips' flushed blocks one after the other and an empty final block, its Adler-32
 * combined from theirs. A strip that did not change is not deflated again.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte COLOR_TYPE_RGB = 2;
    private static final byte FILTER_NONE = 0;
    /** zlib header: deflate, 32 KB window, no dictionary (the check bits make it a multiple of 31). */
    private static final byte[] ZLIB_HEADER = {0x78, 0x01};
    /** An empty final block (fixed Huffman codes): ends the stream after the strips' flushed blocks. */
    private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};

    /** Length, type and CRC around each chunk's data. */
    private static final int CHUNK_OVERHEAD = 12;

    private static final long ADLER_BASE = 65521;

    private PngEncoder() {}

    static byte[] encode(BufferedImage image) {
        return assemble(List.of(strip(image)));
    }

    /** The image's rows (unfiltered) deflated on their own, at the fastest level, to be joined by {@link #assemble}. */
    static PngStrip strip(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException(
                    "only TYPE_INT_RGB canvases (Images.canvas) are encoded, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        // The canvas may be the top rows of a taller one (StripCache): read it through its raster's layout.
        WritableRaster raster = image.getRaster();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int[] pixels = buffer.getData();
        int scanline = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        int origin =
                buffer.getOffset() - raster.getSampleModelTranslateY() * scanline - raster.getSampleModelTranslateX();
        int stride = 1 + width * 3;
        int rawLength = height * stride;
        Scratch scratch = SCRATCH.get();
        byte[] raw = scratch.raw(rawLength);
        for (int y = 0; y < height; y++) {
            int offset = origin + y * scanline;
            int i = y * stride;
            raw[i++] = FILTER_NONE;
            for (int x = 0; x < width; x++) {
                int p = pixels[offset + x];
                raw[i++] = (byte) (p >> 16);
                raw[i++] = (byte) (p >> 8);
                raw[i++] = (byte) p;
            }
        }
        Adler32 adler = new Adler32();
        adler.update(raw, 0, rawLength);
        // Raw deflate (no zlib wrapper), ended by a sync flush: byte-aligned and not final, so strips
        // deflated apart concatenate into one valid stream (none refers back into another).
        Deflater deflater = scratch.deflater;
        try {
            deflater.setInput(raw, 0, rawLength);
            byte[] out = scratch.out;
            int length = 0;
            int n;
            do {
                if (length == out.length) {
                    out = scratch.growOut();
                }
                n = deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
                length += n;
            } while (length == out.length); // a full buffer: more output may be waiting (Deflater's contract)
            return new PngStrip(width, height, Arrays.copyOf(out, length), (int) adler.getValue(), rawLength);
        } finally {
            deflater.reset();
        }
    }

    /**
     * A drawing thread's zlib stream and buffers, reused from strip to strip. A new Deflater per strip
     * allocated and freed ~260 KB of native zlib state each time (window, hash chains, pending
     * output): under the load mix that churn kept glibc's malloc arenas tens of MB above what was in
     * use (README "Memory"). Reset after each strip; a thread that ends leaves its Deflater to the
     * JDK's cleaner. The rows' buffer grows to the largest strip the thread drew, up to
     * {@link #KEPT_RAW} (a strip is a leaderboard row or a card's header, 100-400 KB of rows); a whole
     * picture above that gets a buffer of its own, left to the collector.
     */
    private static final class Scratch {
        static final int KEPT_RAW = 512 * 1024;

        final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        byte[] raw = new byte[0];
        byte[] out = new byte[1 << 14];

        byte[] raw(int length) {
            if (length > KEPT_RAW) {
                return new byte[length];
            }
            if (raw.length < length) {
                raw = new byte[length];
            }
            return raw;
        }

        byte[] growOut() {
            out = Arrays.copyOf(out, out.length * 2);
            return out;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One PNG of strips of the same width, top to bottom, written straight into an array of its exact size. */
    static byte[] assemble(List<PngStrip> strips) {
        if (strips.isEmpty()) {
            throw new IllegalArgumentException("a picture needs at least one strip");
        }
        int width = strips.get(0).width();
        int height = 0;
        int deflated = 0;
        long adler = 1; // Adler-32 of nothing
        for (PngStrip strip : strips) {
            if (strip.width() != width) {
                throw new IllegalArgumentException("strips of one picture must have one width");
            }
            height += strip.height();
            deflated += strip.deflated().length;
            adler = adlerCombine(adler, strip.adler() & 0xFFFFFFFFL, strip.rawLength());
        }
        int idatLength = ZLIB_HEADER.length + deflated + FINAL_EMPTY_BLOCK.length + 4;
        int ihdrLength = 13;
        ByteBuffer png = ByteBuffer.allocate(SIGNATURE.length + CHUNK_OVERHEAD * 3 + ihdrLength + idatLength);
        png.put(SIGNATURE);
        int ihdr = startChunk(png, "IHDR", ihdrLength);
        png.putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put(COLOR_TYPE_RGB)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        endChunk(png, ihdr);
        int idat = startChunk(png, "IDAT", idatLength);
        png.put(ZLIB_HEADER);
        strips.forEach(strip -> png.put(strip.deflated()));
        png.put(FINAL_EMPTY_BLOCK).putInt((int) adler);
        endChunk(png, idat);
        endChunk(png, startChunk(png, "IEND", 0));
        if (png.hasRemaining()) {
            throw new IllegalStateException("PNG size miscounted"); // a bug here, not bad input
        }
        return png.array();
    }

    /** Adler-32 of two byte runs joined, from each run's own (zlib's adler32_combine). */
    static long adlerCombine(long first, long second, long secondLength) {
        long rem = secondLength % ADLER_BASE;
        long sum1 = first & 0xFFFF;
        long sum2 = (rem * sum1) % ADLER_BASE;
        sum1 += (second & 0xFFFF) + ADLER_BASE - 1;
        sum2 += ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + ADLER_BASE - rem;
        if (sum1 >= ADLER_BASE) {
            sum1 -= ADLER_BASE;
        }
        if (sum1 >= ADLER_BASE) {
            sum1 -= ADLER_BASE;
        }
        if (sum2 >= (ADLER_BASE << 1)) {
            sum2 -= (ADLER_BASE << 1);
        }
        if (sum2 >= ADLER_BASE) {
            sum2 -= ADLER_BASE;
        }
        return sum1 | (sum2 << 16);
    }

    /** Length and type of a chunk; returns where its type starts (its CRC covers type and data). */
    private static int startChunk(ByteBuffer png, String type, int length) {
        png.putInt(length);
        int at = png.position();
        png.put(type.getBytes(StandardCharsets.US_ASCII));
        return at;
    }

    /** The CRC of the chunk begun at {@code typeAt}, over its type and data. */
    private static void endChunk(ByteBuffer png, int typeAt) {
        CRC32 crc = new CRC32();
        crc.update(png.array(), png.arrayOffset() + typeAt, png.position() - typeAt);
        png.putInt((int) crc.getValue());
    }
}
