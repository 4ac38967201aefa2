package org.roadmapbot.images;

/**
 * A horizontal strip of a picture, deflated on its own ({@link Images#strip}), to be joined with other
 * strips of the same width into one PNG ({@link Images#png(java.util.List)}). A picture that changes in a
 * few rows (a leaderboard after one member's progress) then deflates only those rows again: deflating
 * the whole 800 × 700 picture is most of the cost of drawing it.
 *
 * @param deflated  raw deflate blocks (no zlib header), ending byte-aligned without a final block
 * @param adler     Adler-32 of the strip's filtered rows, for the PNG's zlib trailer
 * @param rawLength bytes of filtered rows the strip holds (height × (1 + 3 × width))
 */
public record PngStrip(int width, int height, byte[] deflated, int adler, long rawLength) {

    /** Heap the strip keeps, roughly: for bounding a cache of strips by bytes. */
    public int weight() {
        return deflated.length + 64;
    }
}
