package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.console.ConsoleParser;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.fuzz.ReplyChecks;

/**
 * Renders the replies the commands give — every command and subcommand, every leaderboard period,
 * empty and full boards, a member and a moderator, before and after starting — and fails on
 * wording a reader would stumble over: a doubled word or phrase, "..", "the this".
 */
class ReplyWordingTest {

    /** A word or a phrase of up to five words said twice in a row. */
    private static final Pattern DOUBLED = Pattern.compile("(?i)(?<![\\w/:`-])([a-z]+(?:\\s+[a-z]+){0,4})\\s+\\1\\b");

    private static final Pattern AWKWARD = Pattern.compile(
            "(?<!\\.)\\.\\.(?!\\.)|\\bthe (this|last|all) (week|month|time)\\b|\\(moderators\\) \\(moderators\\)");

    @TempDir
    Path dir;

    @Test
    void noReplyDoublesAWordOrAPhrase() {
        List<String> problems = new ArrayList<>();
        try (Application app = Application.start(new AppConfig(dir, Optional.empty()))) {
            ConsoleParser parser = new ConsoleParser(app.router().specs());
            CommandRequest member = new CommandRequest("1", "7", "Ada", false, "help", null, Map.of());
            CommandRequest other = new CommandRequest("1", "8", "Bo", false, "help", null, Map.of());
            CommandRequest moderator = new CommandRequest("1", "9", "Mod", true, "help", null, Map.of());
            Map<String, CommandRequest> callers = new LinkedHashMap<>();
            callers.put("member", member);
            callers.put("moderator", moderator);
            List<String> boards = new ArrayList<>();
            for (String period : List.of("week", "last-week", "month", "all-time")) {
                boards.add("/leaderboard show period:" + period);
            }
            List<String> beforeStarting = new ArrayList<>(List.of(
                    "/help",
                    "/progress show",
                    "/progress next",
                    "/nudge show",
                    "/privacy export",
                    "/privacy delete",
                    "/privacy leaderboard visible:true",
                    "what should I study next?",
                    "how far am I?",
                    "/roadmap",
                    "/roadmap phase:2",
                    "/courses",
                    "/courses max_price:0",
                    "/projects",
                    "/projects level:capstone",
                    "how much is boot.dev?",
                    "what is the weather tomorrow?"));
            beforeStarting.addAll(boards);
            List<String> afterStarting = new ArrayList<>(List.of(
                    "/progress start track:python pace:part-time",
                    "/progress done topic:http-basics",
                    "/progress done topic:http-basics",
                    "/progress studying topic:git-basics",
                    "/progress skip topic:git-basics",
                    "/progress undo topic:git-basics",
                    "/progress show",
                    "/progress next",
                    "/progress start track:javascript pace:full-time",
                    "/nudge on day:monday hour:18 timezone:EST",
                    "/nudge show",
                    "/nudge pause weeks:2",
                    "/nudge off",
                    "/privacy leaderboard visible:false",
                    "/privacy leaderboard visible:false",
                    "/privacy leaderboard visible:true",
                    "what should I study next?",
                    "how far am I?",
                    "/leaderboard post channel:123 period:week",
                    "/leaderboard post channel:123 period:all-time",
                    "/leaderboard schedule channel:123 day:friday hour:18 timezone:europe/berlin",
                    "/leaderboard schedule channel:124 day:monday hour:9 timezone:UTC+2",
                    "/leaderboard unschedule",
                    "/leaderboard unschedule",
                    "/roadmap phase:9",
                    "/courses language:",
                    "/progress done topic:nonsense"));
            afterStarting.addAll(boards);
            for (Map.Entry<String, CommandRequest> caller : callers.entrySet()) {
                for (String line : beforeStarting) {
                    check(
                            problems,
                            caller.getKey() + " before starting",
                            line,
                            run(app, parser, caller.getValue(), line));
                }
            }
            run(app, parser, other, "/progress start track:javascript pace:full-time");
            run(app, parser, other, "/progress done topic:http-basics");
            for (Map.Entry<String, CommandRequest> caller : callers.entrySet()) {
                for (String line : afterStarting) {
                    check(problems, caller.getKey(), line, run(app, parser, caller.getValue(), line));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Reply run(Application app, ConsoleParser parser, CommandRequest caller, String line) {
        ConsoleParser.Parsed parsed = parser.parse(line, caller);
        if (parsed instanceof ConsoleParser.Parsed.Request request) {
            return app.router().dispatch(request.request());
        }
        return Reply.error(((ConsoleParser.Parsed.Invalid) parsed).message());
    }

    private static void check(List<String> problems, String who, String line, Reply reply) {
        List<String> texts = ReplyChecks.texts(reply);
        for (String text : texts) {
            Matcher doubled = DOUBLED.matcher(text);
            if (doubled.find()) {
                problems.add(who + " · " + line + " → doubled '" + doubled.group() + "' in: " + text);
            }
            Matcher awkward = AWKWARD.matcher(text);
            if (awkward.find()) {
                problems.add(who + " · " + line + " → '" + awkward.group() + "' in: " + text);
            }
        }
    }
}
