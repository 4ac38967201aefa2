package org.roadmapbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.OptionType;

class ConsoleParserTest {

    private static final CommandRequest CALLER = new CommandRequest("7", "42", "Ann", false, "help", null, Map.of());

    private final ConsoleParser parser = new ConsoleParser(List.of(
            CommandSpec.of("ask", "Ask", OptionSpec.string("question", "Q", true, 500)),
            CommandSpec.of(
                    "courses",
                    "Courses",
                    OptionSpec.string("language", "L", false, 40),
                    OptionSpec.number("max_price", "P", false, 0, 1000),
                    OptionSpec.string("format", "F", false, 40)),
            CommandSpec.of("roadmap", "Roadmap", OptionSpec.integer("phase", "P", false, 1, 4)),
            CommandSpec.withSubcommands(
                    "progress",
                    "Progress",
                    CommandSpec.SubcommandSpec.of(
                            "start",
                            "Start",
                            OptionSpec.string("track", "T", true, 20).withChoices("javascript", "python"),
                            OptionSpec.string("pace", "P", true, 20).withChoices("full-time", "part-time"))),
            CommandSpec.withSubcommands(
                    "privacy",
                    "Privacy",
                    CommandSpec.SubcommandSpec.of("leaderboard", "Visibility", OptionSpec.bool("visible", "V", true)),
                    CommandSpec.SubcommandSpec.of("export", "Export")),
            CommandSpec.of("show", "Show", OptionSpec.of("member", "M", OptionType.USER, false))));

    private CommandRequest request(String line) {
        ConsoleParser.Parsed parsed = parser.parse(line, CALLER);
        assertThat(parsed).as(line).isInstanceOf(ConsoleParser.Parsed.Request.class);
        return ((ConsoleParser.Parsed.Request) parsed).request();
    }

    private String invalid(String line) {
        ConsoleParser.Parsed parsed = parser.parse(line, CALLER);
        assertThat(parsed).as(line).isInstanceOf(ConsoleParser.Parsed.Invalid.class);
        return ((ConsoleParser.Parsed.Invalid) parsed).message();
    }

    @Test
    void plainLineIsAnAskKeepingTheCaller() {
        CommandRequest r = request("how long does it take?");
        assertThat(r.command()).isEqualTo("ask");
        assertThat(r.string("question")).contains("how long does it take?");
        assertThat(r.guildId()).isEqualTo("7");
        assertThat(r.memberId()).isEqualTo("42");
    }

    @Test
    void typedOptionsBecomeDiscordTypes() {
        CommandRequest r = request("/courses language:Go max_price:0");
        assertThat(r.options()).containsEntry("language", "Go").containsEntry("max_price", 0.0);
        assertThat(request("/roadmap phase:2").options()).containsEntry("phase", 2L);
        assertThat(request("/privacy leaderboard visible:false").options()).containsEntry("visible", false);
    }

    @Test
    void quotedAndUnquotedValuesWithSpaces() {
        assertThat(request("/courses format:\"project-based\" language:'Node.js'")
                        .options())
                .containsEntry("format", "project-based")
                .containsEntry("language", "Node.js");
        assertThat(request("/ask question:what is \"phase 2\" about?").string("question"))
                .contains("what is \"phase 2\" about?");
        assertThat(request("/courses language:Node js format:interactive").options())
                .containsEntry("language", "Node js")
                .containsEntry("format", "interactive");
        assertThat(request("/ask \"with: a colon\"").string("question")).contains("with: a colon");
    }

    @Test
    void escapedQuoteInsideQuotes() {
        assertThat(request("/courses language:\"say \\\"hi\\\"\"").string("language"))
                .contains("say \"hi\"");
    }

    @Test
    void singleOptionMayBeGivenWithoutItsName() {
        assertThat(request("/ask what is boot.dev?").string("question")).contains("what is boot.dev?");
    }

    @Test
    void subcommandAndUserMention() {
        CommandRequest r = request("/privacy export");
        assertThat(r.command()).isEqualTo("privacy");
        assertThat(r.subcommand()).isEqualTo("export");
        assertThat(request("/show member:<@!123>").options()).containsEntry("member", "123");
    }

    @Test
    void emptyLinesAreBlank() {
        assertThat(parser.parse("", CALLER)).isInstanceOf(ConsoleParser.Parsed.Blank.class);
        assertThat(parser.parse("   \t ", CALLER)).isInstanceOf(ConsoleParser.Parsed.Blank.class);
    }

    @Test
    void mistakesAreExplained() {
        assertThat(invalid("/dance")).contains("I don't know the command `/dance`");
        assertThat(invalid("/")).contains("Type a command");
        assertThat(invalid("/roadmap phase:two")).contains("`phase` must be a whole number");
        assertThat(invalid("/courses max_price:cheap")).contains("`max_price` must be a number");
        assertThat(invalid("/courses colour:red")).contains("has no option `colour`");
        assertThat(invalid("/courses language:\"Go")).contains("no closing one");
        assertThat(invalid("/privacy")).contains("needs a subcommand");
        assertThat(invalid("/privacy shred")).contains("has no subcommand `shred`");
        assertThat(invalid("/privacy leaderboard visible:maybe")).contains("true or false");
        assertThat(invalid("/courses Go")).contains("name:value");
        assertThat(invalid("/courses language:Go language:Python")).contains("given twice");
    }

    @Test
    void anUnknownOptionAfterAKnownOneIsReportedAsUnknown() {
        assertThat(invalid("/progress start track:python pace:part-time extra:1"))
                .contains("has no option `extra`");
        assertThat(invalid("/roadmap phase:2 foo:1")).contains("has no option `foo`");
        assertThat(invalid("/roadmap foo:1")).contains("has no option `foo`");
        // Free text may contain "word:" and keeps it.
        assertThat(request("/ask question:what is this: a test").options())
                .containsEntry("question", "what is this: a test");
        assertThat(request("/courses language:Go max_price:0").options())
                .containsEntry("language", "Go")
                .containsEntry("max_price", 0.0);
    }

    @Test
    void anEmptyValueIsRefusedForEveryOptionAlike() {
        assertThat(invalid("/courses language:")).contains("`language:` has no value");
        assertThat(invalid("/roadmap phase:")).contains("`phase:` has no value").contains("phase:1");
        assertThat(invalid("/courses language: max_price:0")).contains("`language:` has no value");
        assertThat(invalid("/privacy leaderboard visible:")).contains("`visible:` has no value");
        assertThat(invalid("/courses language:\"\"")).contains("`language:` has no value");
    }
}
