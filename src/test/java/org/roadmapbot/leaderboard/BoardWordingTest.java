package org.roadmapbot.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapbot.core.Reply;

/** Every board text a period can produce reads as English: no doubled phrase, and an empty board agrees with its totals. */
class BoardWordingTest {

    private static final Board.GroupView GROUP = new Board.GroupView(5, Map.of(1, 3L, 2, 2L), 4, 185);
    /** A phrase of two to five words said twice in a row, or a sentence said twice in one text. */
    private static final Pattern DOUBLED =
            Pattern.compile("\\b(\\w+(?:\\s+\\w+){0,4})\\s+\\1\\b", Pattern.CASE_INSENSITIVE);

    private static Board board(Period period, List<Board.Entry> entries, long total, Board.Asker asker) {
        return new Board(period, "Week of 5 Jan 2026", 1, 10, false, entries, entries.size(), total, asker, GROUP);
    }

    private static void assertReadable(String text) {
        Matcher doubled = DOUBLED.matcher(text);
        assertThat(doubled.find())
                .as("doubled '%s' in: %s", doubled.find(0) ? doubled.group() : "", text)
                .isFalse();
        assertThat(text)
                .doesNotContain("..")
                .doesNotContain("the this")
                .doesNotContain("the last week")
                .doesNotContain("all time yet")
                .doesNotContain("last week yet");
        // A period's total is stated once: "185 topics ... this week" must not come back as "... this week" again.
        assertThat(Pattern.compile("\\d[\\d,]* topics? completed this week")
                        .matcher(text)
                        .results()
                        .count())
                .as(text)
                .isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Period.class)
    void everyPeriodReadsWellEmptyFullAndForEveryAsker(Period period) {
        List<Board.Entry> full = List.of(new Board.Entry(1, "1", "Ada", 3, 40), new Board.Entry(2, "2", "Bo", 1, 10));
        for (Board.Asker.Status status : Board.Asker.Status.values()) {
            Board.Asker asker = new Board.Asker(status, status == Board.Asker.Status.RANKED ? 2 : 0, 1);
            for (Board b : List.of(
                    board(period, full, 4, asker),
                    board(period, List.of(), 0, asker),
                    board(period, List.of(), 4, asker),
                    board(period, full, 4, null))) {
                Reply reply = BoardReply.of(b).build();
                assertReadable(reply.content());
                assertReadable(reply.title());
            }
        }
        assertReadable("Posted " + period.boardName() + ".");
        assertReadable(period.youHaveNone() + ".");
        assertReadable(period.noneCompleted() + ".");
    }

    @Test
    void periodPhrasesAreEnglish() {
        assertThat(Period.WEEK.boardName()).isEqualTo("this week's leaderboard");
        assertThat(Period.ALL.boardName()).isEqualTo("the all-time leaderboard");
        assertThat(Period.LAST_WEEK.youHaveNone()).isEqualTo("You didn't complete a topic last week");
        assertThat(Period.ALL.noneCompleted()).isEqualTo("No topics completed yet");
    }

    @Test
    void anEmptyBoardAgreesWithItsTotal() {
        String hiddenOnly =
                BoardReply.of(board(Period.WEEK, List.of(), 4, null)).build().content();
        assertThat(hiddenOnly)
                .contains(
                        "Nobody to show yet: the topics completed this week are by members who are not on leaderboards")
                .contains("4 topics completed this week")
                .doesNotContain("No topics completed");
        String reallyEmpty =
                BoardReply.of(board(Period.WEEK, List.of(), 0, null)).build().content();
        assertThat(reallyEmpty).contains("No topics completed this week yet").contains("0 topics completed this week");
    }
}
