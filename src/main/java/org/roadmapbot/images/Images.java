package org.roadmapbot.images;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Shared Java2D pieces for the bot's pictures: headless set-up, a palette readable on Discord's
 * dark theme, the font, names made drawable, PNG encoding.
 *
 * <p>Fonts: the first installed family of {@link #PREFERRED} (DejaVu Sans: Latin, Greek, Cyrillic,
 * Arabic, Hebrew, many symbols), else the JDK's logical "SansSerif". A character it lacks is drawn
 * with the first font of a fallback chain that has it ({@link #FALLBACKS}: Noto Sans CJK for
 * Japanese, Chinese and Korean names, Noto Sans Math for decorative letters such as 𝓕𝓪𝓷𝓬𝔂, the
 * other installed Noto Sans scripts, symbol fonts), so a member's name is drawn as they wrote it.
 * Only a character no installed font has is cleaned: folded to its plain form (NFKC) when that
 * is drawable, else dropped rather than drawn as a box; a name left empty becomes the caller's
 * fallback. The Docker image and CI install Debian's Noto fonts for this.
 */
public final class Images {

    static {
        // Before any AWT class initialises: no display on servers.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Discord dark theme: the chat background and a slightly lighter card. */
    public static final Color BACKGROUND = new Color(0x2B, 0x2D, 0x31);

    public static final Color ROW = new Color(0x31, 0x33, 0x38);
    public static final Color TEXT = new Color(0xF2, 0xF3, 0xF5);
    public static final Color MUTED = new Color(0xB5, 0xBA, 0xC1);
    public static final Color BAR_TRACK = new Color(0x1E, 0x1F, 0x22);
    public static final Color BAR_FILL = new Color(0x58, 0x65, 0xF2);
    public static final Color BAR_DONE = new Color(0x23, 0xA5, 0x5A);
    public static final Color GOLD = new Color(0xF0, 0xB2, 0x32);
    public static final Color SILVER = new Color(0xE3, 0xE8, 0xEF);
    public static final Color BRONZE = new Color(0xCD, 0x7F, 0x32);

    private static final String[] PREFERRED = {"DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"};
    private static final String FAMILY = chooseFamily();
    /** Families tried, in order, for a character the main family lacks (those installed). */
    private static final String[] FALLBACK_ORDER = {
        "Noto Sans CJK JP",
        "Noto Sans CJK SC",
        "Noto Sans CJK KR",
        "Noto Sans Math",
        "DejaVu Math TeX Gyre",
        "Noto Sans Symbols",
        "Noto Sans Symbols2",
        "Symbola"
    };

    private static final List<String> FALLBACKS = chooseFallbacks();
    /** Fonts of the chain by family, style and size: Font objects are reused, not made per character. */
    private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

    private Images() {}

    /**
     * Loads the fonts and Java2D's text pipeline on a background thread, so the first picture a
     * member asks for after start-up is drawn as fast as the next ones (the first drawing of a
     * session costs about a second: font files, glyph caches, AWT classes). Safe to call twice.
     */
    public static Thread warmUpInBackground() {
        Thread warmUp = new Thread(Images::warmUp, "roadmap-bot-images-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return warmUp;
    }

    /** Fallback fonts opened so far (for the warm-up's test). */
    static List<Font> cachedFallbackFonts() {
        return List.copyOf(FONTS.values());
    }

    static void warmUp() {
        try {
            BufferedImage image = canvas(64, 32);
            Graphics2D g = graphics(image);
            try {
                for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                    g.setFont(font(style, 16));
                    // Latin, digits, CJK and a symbol: loads the main family and the fallback chain.
                    drawText(g, "Warm-up 0123 \u5c71\u7530 \u2605", 0, 20, 64);
                }
            } finally {
                g.dispose();
            }
            PngEncoder.encode(image);
        } catch (RuntimeException | Error e) {
            // A warm-up only saves time: a failure here shows again, with its reason, on a real picture.
        }
    }

    /** The family used for every picture. */
    public static String family() {
        return FAMILY;
    }

    public static Font font(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    /** The fallback chain in use, for the README's claim and the tests. */
    public static List<String> fallbackFamilies() {
        return FALLBACKS;
    }

    private static List<String> chooseFallbacks() {
        try {
            Set<String> installed =
                    Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            List<String> chain = new ArrayList<>(
                    Arrays.stream(FALLBACK_ORDER).filter(installed::contains).toList());
            // Then every other installed Noto Sans script (Devanagari, Thai, Bengali, Ethiopic...), by name.
            installed.stream()
                    .filter(f -> f.startsWith("Noto Sans ") && !chain.contains(f) && !f.contains("Mono"))
                    .sorted()
                    .forEach(chain::add);
            chain.remove(FAMILY);
            return List.copyOf(chain);
        } catch (RuntimeException | Error e) {
            return List.of();
        }
    }

    private static String chooseFamily() {
        try {
            Set<String> installed =
                    Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
            return Arrays.stream(PREFERRED)
                    .filter(installed::contains)
                    .findFirst()
                    .orElse(Font.SANS_SERIF);
        } catch (RuntimeException | Error e) {
            return Font.SANS_SERIF;
        }
    }

    public static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    public static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Shapes stay crisp so bar lengths are exact pixels.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /**
     * Text the font can draw: control and invisible characters removed, undrawable characters
     * (and the emoji modifiers around them) dropped, spaces collapsed. Blank or without a single
     * letter or digit left: {@code fallback}.
     */
    public static String drawable(String raw, Font font, String fallback) {
        if (raw == null) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE
                    || type == Character.UNASSIGNED
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                // zero-width joiners, variation selectors, skin tones: meaningless alone
            } else if (canDraw(font, cp)) {
                out.appendCodePoint(cp);
            } else {
                // Last resort: the plain form of a styled letter (𝓕 → F, ｆｕｌｌｗｉｄｔｈ → fullwidth), if drawable.
                String plain = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                if (plain.codePoints().allMatch(p -> canDraw(font, p))) {
                    out.append(plain);
                }
            }
        });
        String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
        boolean hasWord = cleaned.codePoints().anyMatch(Character::isLetterOrDigit);
        return hasWord ? cleaned : fallback;
    }

    /** Whether {@code font} or a font of the fallback chain can draw the character. */
    static boolean canDraw(Font font, int codePoint) {
        return fontFor(font, codePoint) != null;
    }

    /** The font that draws the character: {@code font} itself if it can, else the first of the chain that can. */
    private static Font fontFor(Font font, int codePoint) {
        if (font.canDisplay(codePoint)) {
            return font;
        }
        for (String family : FALLBACKS) {
            Font fallback = FONTS.computeIfAbsent(
                    family + '|' + font.getStyle() + '|' + font.getSize(),
                    k -> new Font(family, font.getStyle(), font.getSize()));
            if (fallback.canDisplay(codePoint)) {
                return fallback;
            }
        }
        return null;
    }

    /**
     * Draws {@code text} (made {@link #drawable} first) with the graphics' font, each character the
     * font lacks in the first font of the chain that has it, cut with "…" to {@code maxWidth} pixels.
     */
    public static void drawText(Graphics2D g, String text, int x, int y, int maxWidth) {
        Font font = g.getFont();
        String fitted = fit(text, t -> width(g, font, t), maxWidth);
        if (fitted.isEmpty()) {
            return;
        }
        if (font.canDisplayUpTo(fitted) == -1) {
            g.drawString(fitted, x, y); // the main font has every character: no runs to lay out
        } else {
            g.drawString(styled(fitted, font).getIterator(), x, y);
        }
    }

    /**
     * The width of {@code text} drawn as {@link #drawText} draws it. Text the main font covers (nearly
     * every name) is measured with the font alone: laying out an attributed string costs several times
     * more, and drawing the leaderboard measures each name a few times to fit it.
     */
    public static double width(Graphics2D g, Font font, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (font.canDisplayUpTo(text) == -1) {
            return font.getStringBounds(text, g.getFontRenderContext()).getWidth();
        }
        return new TextLayout(styled(text, font).getIterator(), g.getFontRenderContext()).getAdvance();
    }

    /** The text with a font attribute per run: runs of the main font and runs of fallback fonts. */
    private static AttributedString styled(String text, Font font) {
        AttributedString styled = new AttributedString(text);
        int start = 0;
        while (start < text.length()) {
            Font runFont = fontOrMain(font, text.codePointAt(start));
            int end = start + Character.charCount(text.codePointAt(start));
            while (end < text.length()
                    && fontOrMain(font, text.codePointAt(end)).equals(runFont)) {
                end += Character.charCount(text.codePointAt(end));
            }
            styled.addAttribute(TextAttribute.FONT, runFont, start, end);
            start = end;
        }
        return styled;
    }

    private static Font fontOrMain(Font font, int codePoint) {
        Font found = fontFor(font, codePoint);
        return found == null ? font : found;
    }

    /** As {@link #fit(String, ToDoubleFunction, int)}, measured with one font's metrics. */
    public static String fit(String text, FontMetrics metrics, int maxWidth) {
        return fit(text, metrics::stringWidth, maxWidth);
    }

    /**
     * {@code text} cut with "…" to fit {@code maxWidth} pixels. Text far longer than could ever
     * fit is cut first (no glyph is narrower than half a pixel), and the cut is found by binary
     * search: measuring one code point fewer at a time took minutes for a 100,000-character name
     * (found by CommandFuzzTest).
     */
    public static String fit(String text, ToDoubleFunction<String> width, int maxWidth) {
        if (text.length() <= 2 * Math.max(1, maxWidth) && width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        int[] cps = text.codePoints().limit(2L * Math.max(1, maxWidth)).toArray();
        int fits = 0; // the longest prefix known to fit (0 = only "…")
        int low = 1;
        int high = cps.length - 1;
        while (low <= high) {
            int n = (low + high) >>> 1;
            if (width.applyAsDouble(new String(cps, 0, n).strip() + "…") <= maxWidth) {
                fits = n;
                low = n + 1;
            } else {
                high = n - 1;
            }
        }
        return fits == 0 ? "…" : new String(cps, 0, fits).strip() + "…";
    }

    /** A bar: the track, then the filled share ({@code value / max}), in whole pixels. */
    public static int bar(Graphics2D g, int x, int y, int width, int height, double value, double max, Color fill) {
        g.setColor(BAR_TRACK);
        g.fillRect(x, y, width, height);
        int filled = filledPixels(width, value, max);
        if (filled > 0) {
            g.setColor(fill);
            g.fillRect(x, y, filled, height);
        }
        return filled;
    }

    /** How many pixels of a bar {@code width} wide a share fills (rounded, within the bar). */
    public static int filledPixels(int width, double value, double max) {
        if (max <= 0 || value <= 0) {
            return 0;
        }
        return (int) Math.round(width * Math.min(1.0, value / max));
    }

    /** The picture as PNG bytes (see {@link PngEncoder}: fast, for canvases made by {@link #canvas}). */
    public static byte[] png(BufferedImage image) {
        return PngEncoder.encode(image);
    }

    /** A strip of a picture (a canvas made by {@link #canvas}), deflated for {@link #png(List)}. */
    public static PngStrip strip(BufferedImage image) {
        return PngEncoder.strip(image);
    }

    /** One PNG of strips of the same width, top to bottom (see {@link PngStrip}). */
    public static byte[] png(List<PngStrip> strips) {
        return PngEncoder.assemble(strips);
    }
}
