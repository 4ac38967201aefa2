package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

    /** A command with a moderator subcommand and one that fails unexpectedly. */
    private static final class TestCommand implements Command {
        @Override
        public CommandSpec spec() {
            return CommandSpec.withSubcommands("test", "Test command",
                    CommandSpec.SubcommandSpec.of("echo", "Echo", OptionSpec.string("text", "Text", true, 10),
                            OptionSpec.string("suffix", "Optional text", false, 10)),
                    CommandSpec.SubcommandSpec.moderator("purge", "Moderators only"),
                    CommandSpec.SubcommandSpec.of("boom", "Fails"));
        }

        @Override
        public Reply handle(CommandRequest request) {
            return switch (request.subcommand()) {
                case "echo" -> Reply.text(request.string("text").orElseThrow());
                case "purge" -> Reply.text("purged");
                default -> throw new IllegalStateException("database on fire: secret=hunter2");
            };
        }
    }

    private final CommandRouter router = new CommandRouter(List.of(new TestCommand()));

    private Reply run(boolean moderator, String sub, Map<String, Object> options) {
        return router.dispatch(new CommandRequest("g", "m", "Ann", moderator, "test", sub, options));
    }

    @Test
    void validRequestReachesTheHandler() {
        assertThat(run(false, "echo", Map.of("text", "hi")).content()).isEqualTo("hi");
    }

    @Test
    void missingRequiredOptionIsExplained() {
        Reply reply = run(false, "echo", Map.of());
        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("needs the option `text`");
    }

    @Test
    void unknownOptionTooLongTextAndWrongTypeAreRefused() {
        assertThat(run(false, "echo", Map.of("text", "hi", "colour", "red")).content()).contains("has no option `colour`");
        assertThat(run(false, "echo", Map.of("text", "x".repeat(11))).content()).contains("too long");
        assertThat(run(false, "echo", Map.of("text", 5L)).content()).contains("must be text");
    }

    @Test
    void aBlankValueIsRefusedWhetherTheOptionIsRequiredOrNot() {
        Reply requiredBlank = run(false, "echo", Map.of("text", " "));
        Reply optionalBlank = run(false, "echo", Map.of("text", "hi", "suffix", ""));
        assertThat(requiredBlank.error()).isTrue();
        assertThat(requiredBlank.content()).contains("`text` cannot be empty");
        assertThat(optionalBlank.error()).isTrue();
        assertThat(optionalBlank.content()).contains("`suffix` cannot be empty");
    }

    @Test
    void moderatorSubcommandIsRefusedToMembersWhateverTheirClientSent() {
        Reply refused = run(false, "purge", Map.of());
        assertThat(refused.error()).isTrue();
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only moderators");
        assertThat(run(true, "purge", Map.of()).content()).isEqualTo("purged");
    }

    @Test
    void unexpectedFailureBecomesAGenericPrivateReplyWithoutDetails() {
        Reply reply = run(false, "boom", Map.of());
        assertThat(reply.error()).isTrue();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("something went wrong").contains("incident")
                .doesNotContain("hunter2").doesNotContain("Exception");
    }

    @Test
    void unknownCommandAndMissingSubcommand() {
        Reply unknown = router.dispatch(new CommandRequest("g", "m", "Ann", false, "nope", null, Map.of()));
        assertThat(unknown.content()).contains("I don't know the command `/nope`");
        assertThat(run(false, null, Map.of()).content()).contains("needs a subcommand");
    }

    @Test
    void unknownButtonIsAPoliteNo() {
        Reply reply = router.button(new CommandRequest("g", "m", "Ann", false, "press", null, Map.of()), "gone:thing");
        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("no longer does anything");
    }
}
