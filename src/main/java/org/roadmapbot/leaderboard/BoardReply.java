package org.roadmapbot.leaderboard;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;

/**
 * A board as a reply: the picture, and text carrying the same facts for screen readers (and for
 * clients that hide images). Names are escaped: no markdown from a display name, no pings.
 */
final class BoardReply {

    static final String FILE = "leaderboard.png";

    private BoardReply() {}

    /** The button action of a page button. */
    static final String PAGE = "page";

    /** Custom id of a page button: {@code 2:leaderboard:page:<period>:<page>}. */
    static String pageButtonId(Period period, int page) {
        return ButtonId.of(LeaderboardCommand.NAME, PAGE, period.id(), String.valueOf(page))
                .encode();
    }

    static Reply.Builder of(Board board) {
        StringBuilder text = new StringBuilder();
        text.append("**")
                .append(board.title())
                .append("** · ranked by topics completed")
                .append(board.page() > 1 ? " · page " + board.page() : "")
                .append('\n');
        if (board.entries().isEmpty()) {
            text.append(emptyLine(board)).append('\n');
        }
        for (Board.Entry e : board.entries()) {
            boolean you =
                    board.viewer() != null && e.memberId().equals(board.viewer().memberId());
            text.append(medal(e.rank()))
                    .append("**#")
                    .append(e.rank())
                    .append("** ")
                    .append(Text.escape(e.name()))
                    .append(you ? " (you)" : "")
                    .append(" — ")
                    .append(topics(e.completed()))
                    .append(" · ")
                    .append(e.percent())
                    .append("% of the roadmap\n");
        }
        if (board.asker() != null) {
            text.append('\n').append(askerLine(board)).append('\n');
        }
        text.append('\n').append(groupLine(board));
        Reply.Builder reply = Reply.builder(text.toString().strip())
                .title("Leaderboard — " + board.period().label())
                .attachment(new Reply.Attachment(FILE, "image/png", LeaderboardImage.picture(board)))
                .footer("Ranked by topics completed (net of undos); ties go to whoever got there first. "
                        + "Hide yourself with /privacy leaderboard visible:false.");
        if (board.page() > 1) {
            reply.button(new Reply.Button(
                    pageButtonId(board.period(), board.page() - 1), "Previous page", Reply.Button.Style.SECONDARY));
        }
        if (board.hasNext() && board.page() < LeaderboardService.MAX_PAGE) {
            reply.button(new Reply.Button(
                    pageButtonId(board.period(), board.page() + 1), "Next page", Reply.Button.Style.SECONDARY));
        }
        return reply;
    }

    private static String askerLine(Board board) {
        Board.Asker a = board.asker();
        return switch (a.status()) {
            case RANKED ->
                "Your rank: **#" + a.rank() + "** with " + topics(a.completed()) + " "
                        + board.period().label() + ".";
            case NOTHING_YET -> board.period().youHaveNone() + ". `/progress next` shows what to study.";
            case HIDDEN -> "You're hidden from leaderboards (`/privacy leaderboard visible:true` to appear).";
            case EXCLUDED -> "Your role is left off leaderboards on this server.";
        };
    }

    private static String groupLine(Board board) {
        Board.GroupView g = board.group();
        StringBuilder line = new StringBuilder("Server: ")
                .append(count(board.ranked(), "member"))
                .append(" ranked, ")
                .append(count(board.periodTotal(), "topic"))
                .append(" completed ")
                .append(board.period().label())
                .append(". ")
                .append(count(g.started(), "member"))
                .append(" studying");
        if (!g.perPhase().isEmpty()) {
            line.append(" (");
            Map<Integer, Long> sorted = new TreeMap<>(g.perPhase());
            boolean first = true;
            for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
                if (e.getKey() == 0) {
                    continue;
                }
                line.append(first ? "" : ", ")
                        .append("phase ")
                        .append(e.getKey())
                        .append(": ")
                        .append(String.format(Locale.ROOT, "%,d", e.getValue()));
                first = false;
            }
            Long finished = g.perPhase().get(0);
            if (finished != null) {
                line.append(first ? "" : ", ").append("finished: ").append(String.format(Locale.ROOT, "%,d", finished));
            }
            line.append(')');
        }
        line.append(", ").append(String.format(Locale.ROOT, "%,d", g.onTrack())).append(" on track for their pace");
        // This week's server total is already the period total on a weekly board: say it once.
        if (board.period() != Period.WEEK) {
            line.append("; ")
                    .append(count(g.completedThisWeek(), "topic"))
                    .append(" completed this week by the whole server");
        }
        return line.append('.').toString();
    }

    /**
     * What an empty board says. It must agree with the period total under it: topics completed only
     * by members who are not shown (hidden, left, excluded role) are said to be theirs.
     */
    static String emptyLine(Board board) {
        if (board.page() > 1) {
            return "No more members on this board.";
        }
        if (board.periodTotal() > 0) {
            return "Nobody to show yet: the topics completed " + board.period().label()
                    + " are by members who are not on leaderboards.";
        }
        return board.period().noneCompleted() + ": mark one with `/progress done` and lead the board!";
    }

    /** "1 member", "1,234 members". */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }

    static String topics(int n) {
        return n + (n == 1 ? " topic" : " topics");
    }

    private static String medal(int rank) {
        return switch (rank) {
            case 1 -> "🥇 ";
            case 2 -> "🥈 ";
            case 3 -> "🥉 ";
            default -> "";
        };
    }
}
