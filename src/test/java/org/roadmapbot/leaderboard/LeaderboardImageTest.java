package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.core.Reply;
import org.roadmapbot.images.Images;
import org.roadmapbot.images.ProgressCardImage;

/** The pictures decode, have the documented size, and their bars are as long as the progress they show. */
class LeaderboardImageTest {

    @TempDir
    Path dir;

    private static Board board(int... percents) {
        List<Board.Entry> entries = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            entries.add(new Board.Entry(i + 1, "m" + i, "Member " + i, 10 - i, percents[i]));
        }
        return new Board(
                Period.WEEK,
                "Week of 5 Jan 2026",
                1,
                10,
                false,
                entries,
                percents.length,
                40,
                null,
                new Board.GroupView(120, Map.of(1, 80L, 2, 30L, 0, 10L), 90, 40));
    }

    @Test
    void aBoardIsDrawnOnceWhoeverAsksAndAgainWhenItChanges() throws IOException {
        Board forAlice = withAsker(board(90, 40), new Board.Asker(Board.Asker.Status.RANKED, 1, 10));
        Board forBob = withAsker(board(90, 40), new Board.Asker(Board.Asker.Status.NOTHING_YET, 0, 0));

        byte[] first = LeaderboardImage.picture(forAlice);

        assertThat(LeaderboardImage.picture(forBob)).isSameAs(first);
        assertThat(LeaderboardImage.picture(board(90, 40))).isSameAs(first);
        byte[] changed = LeaderboardImage.picture(board(90, 41));
        assertThat(changed).isNotSameAs(first).isNotEqualTo(first);
        // The cached picture is the board's own picture.
        assertThat(first).isEqualTo(LeaderboardImage.render(board(90, 40), null));
    }

    private static Board withAsker(Board b, Board.Asker asker) {
        return new Board(
                b.period(),
                b.title(),
                b.page(),
                b.pageSize(),
                b.hasNext(),
                b.entries(),
                b.ranked(),
                b.periodTotal(),
                asker,
                b.group());
    }

    private static Board withViewer(Board b, Board.Entry viewer) {
        return new Board(
                b.period(),
                b.title(),
                b.page(),
                b.pageSize(),
                b.hasNext(),
                b.entries(),
                b.ranked(),
                b.periodTotal(),
                new Board.Asker(Board.Asker.Status.RANKED, viewer.rank(), viewer.completed()),
                b.group(),
                viewer);
    }

    @Test
    void theViewersOwnRowIsHighlightedAndAViewerBelowThePageIsAppended() throws IOException {
        Board top = board(90, 40, 20);
        // Viewer on the page: same number of rows, their row tinted, the others not.
        Board.Entry second = top.entries().get(1);
        BufferedImage onPage = decode(LeaderboardImage.picture(withViewer(top, second)));
        assertThat(onPage.getHeight()).isEqualTo(LeaderboardImage.height(3));
        assertThat(onPage.getRGB(700, LeaderboardImage.rowCenterY(1) - 20) & 0xFFFFFF)
                .isEqualTo(LeaderboardImage.VIEWER_ROW.getRGB() & 0xFFFFFF);
        assertThat(onPage.getRGB(700, LeaderboardImage.rowCenterY(0) - 20) & 0xFFFFFF)
                .isNotEqualTo(LeaderboardImage.VIEWER_ROW.getRGB() & 0xFFFFFF);
        assertThat(BoardReply.of(withViewer(top, second)).build().content()).contains("**#2** Member 1 (you)");

        // Viewer ranked 57th: one more row, theirs, with their rank and bar.
        Board.Entry me = new Board.Entry(57, "me", "Ada", 2, 50);
        Board below = withViewer(top, me);
        BufferedImage appended = decode(LeaderboardImage.picture(below));
        assertThat(appended.getHeight()).isEqualTo(LeaderboardImage.height(4));
        assertThat(appended.getRGB(700, LeaderboardImage.rowCenterY(3) - 20) & 0xFFFFFF)
                .isEqualTo(LeaderboardImage.VIEWER_ROW.getRGB() & 0xFFFFFF);
        assertThat(filledLength(
                        appended, LeaderboardImage.BAR_X, LeaderboardImage.BAR_WIDTH, LeaderboardImage.rowCenterY(3)))
                .isEqualTo(LeaderboardImage.BAR_WIDTH / 2);
        // A channel post of the same board shows no viewer.
        assertThat(decode(LeaderboardImage.picture(top)).getHeight()).isEqualTo(LeaderboardImage.height(3));
    }

    @Test
    void leaderboardPngDecodesWithTheExpectedSize() throws IOException {
        BufferedImage image = decode(LeaderboardImage.render(board(100, 50, 25, 0), null));
        assertThat(image.getWidth()).isEqualTo(LeaderboardImage.WIDTH).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(LeaderboardImage.height(4)).isEqualTo(104 + 4 * 48 + 100);
        // An empty board still has one row saying so.
        assertThat(decode(LeaderboardImage.render(board(), null)).getHeight()).isEqualTo(LeaderboardImage.height(1));
    }

    @Test
    void eachMembersBarIsProportionalToTheirProgress() throws IOException {
        int[] percents = {100, 73, 50, 25, 3, 0};
        BufferedImage image = decode(LeaderboardImage.render(board(percents), null));
        for (int i = 0; i < percents.length; i++) {
            int y = LeaderboardImage.rowCenterY(i);
            int filled = filledLength(image, LeaderboardImage.BAR_X, LeaderboardImage.BAR_WIDTH, y);
            assertThat(filled).as("bar of row %d (%d%%)", i, percents[i]).isEqualTo((int)
                    Math.round(LeaderboardImage.BAR_WIDTH * percents[i] / 100.0));
            // The rest of the bar is the empty track, readable against the dark background.
            if (percents[i] < 100) {
                assertThat(image.getRGB(LeaderboardImage.BAR_X + LeaderboardImage.BAR_WIDTH - 1, y) & 0xFFFFFF)
                        .isEqualTo(Images.BAR_TRACK.getRGB() & 0xFFFFFF);
            }
        }
        // Dark theme: the top-left corner is Discord's background.
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(Images.BACKGROUND.getRGB() & 0xFFFFFF);
    }

    @Test
    void progressCardHasOneBarPerPhaseProportionalToTopicsDone() throws IOException {
        List<ProgressCardImage.PhaseBar> phases = List.of(
                new ProgressCardImage.PhaseBar("Phase 1 · Basics", 10, 10),
                new ProgressCardImage.PhaseBar("Phase 2 · Databases", 3, 12),
                new ProgressCardImage.PhaseBar("Phase 3 · APIs", 0, 8),
                new ProgressCardImage.PhaseBar("Phase 4 · Deploy", 1, 3));
        byte[] png = ProgressCardImage.render(new ProgressCardImage.Card(
                "Zoë 😀", "Member …0001", "Python track · part-time pace", "42% · on track", 42, phases));
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(ProgressCardImage.height(4));
        for (int i = 0; i < phases.size(); i++) {
            ProgressCardImage.PhaseBar p = phases.get(i);
            int filled = filledLength(
                    image, ProgressCardImage.BAR_X, ProgressCardImage.BAR_WIDTH, ProgressCardImage.barCenterY(i));
            assertThat(filled).as(p.label()).isEqualTo((int)
                    Math.round(ProgressCardImage.BAR_WIDTH * (double) p.done() / p.total()));
        }
        int total = filledLength(
                image,
                ProgressCardImage.TOTAL_BAR_X,
                ProgressCardImage.TOTAL_BAR_WIDTH,
                ProgressCardImage.TOTAL_BAR_Y + ProgressCardImage.TOTAL_BAR_HEIGHT / 2);
        assertThat(total).isEqualTo((int) Math.round(ProgressCardImage.TOTAL_BAR_WIDTH * 0.42));
    }

    @Test
    void namesTheFontCannotDrawAreReplacedCleanly() {
        Font font = Images.font(Font.PLAIN, 19);
        assertThat(Images.drawable("Zoë\u200D\uFE0F  Smith", font, "fallback")).isEqualTo("Zoë Smith");
        assertThat(Images.drawable("Зоя", font, "fallback"))
                .isEqualTo(font.canDisplayUpTo("Зоя") == -1 ? "Зоя" : "fallback");
        // Han characters: drawn with the CJK font of the fallback chain (FontFallbackTest), never boxes.
        assertThat(Images.drawable("李雷", font, "Member …1234")).isEqualTo("李雷");
        assertThat(Images.drawable("李雷 Lei", font, "x")).isEqualTo("李雷 Lei");
        assertThat(Images.drawable("\u0000\u202E", font, "fallback")).isEqualTo("fallback");
        assertThat(Images.drawable(null, font, "fallback")).isEqualTo("fallback");
    }

    @Test
    void boardWithAwkwardNamesRendersAndItsTextEscapesThem() throws IOException {
        List<Board.Entry> entries = List.of(
                new Board.Entry(1, "1", "李雷", 3, 10),
                new Board.Entry(2, "2", "@everyone 😀", 2, 5),
                new Board.Entry(3, "3", "مريم", 1, 1),
                new Board.Entry(4, "4", "`**x**`", 1, 1));
        Board board = new Board(
                Period.MONTH,
                "January 2026",
                1,
                10,
                false,
                entries,
                4,
                7,
                null,
                new Board.GroupView(4, Map.of(1, 4L), 4, 7));
        Reply reply = BoardReply.of(board).build();
        assertThat(decode(reply.attachments().get(0).data()).getHeight()).isEqualTo(LeaderboardImage.height(4));
        assertThat(reply.content()).contains("@\u200Beveryone", "\\`\\*\\*x\\*\\*\\`", "李雷", "مريم");
    }

    @Test
    void progressShowAttachesTheCardAndKeepsTheText() throws IOException {
        try (LeaderboardBot bot = new LeaderboardBot(dir)) {
            bot.start("alice");
            bot.done("alice", 0);
            Reply show = bot.run("alice", false, "progress", "show");
            assertThat(show.content()).contains("complete (1/");
            assertThat(show.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("progress_card.png");
                assertThat(a.contentType()).isEqualTo("image/png");
            });
            BufferedImage card = decode(show.attachments().get(0).data());
            int phases = bot.progress.knowledge().phases().size();
            assertThat(card.getHeight()).isEqualTo(ProgressCardImage.height(phases));
            assertThat(filledLength(
                            card,
                            ProgressCardImage.BAR_X,
                            ProgressCardImage.BAR_WIDTH,
                            ProgressCardImage.barCenterY(0)))
                    .isPositive();
        }
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }

    /** Pixels in the bar's colour (in progress or complete) from its left end along row {@code y}. */
    private static int filledLength(BufferedImage image, int x0, int width, int y) {
        int fill = Images.BAR_FILL.getRGB() & 0xFFFFFF;
        int done = Images.BAR_DONE.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int x = x0; x < x0 + width; x++) {
            int rgb = image.getRGB(x, y) & 0xFFFFFF;
            if (rgb != fill && rgb != done) {
                break;
            }
            n++;
        }
        return n;
    }
}
