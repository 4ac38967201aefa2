package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

    /** A command with a moderator subcommand and one that fails unexpectedly. */
    private static final class TestCommand implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.builder(CommandSpec.withSubcommands(
                            "test",
                            "Test command",
                            CommandSpec.SubcommandSpec.of(
                                    "echo",
                                    "Echo",
                                    OptionSpec.string("text", "Text", true, 10),
                                    OptionSpec.string("suffix", "Optional text", false, 10)),
                            CommandSpec.SubcommandSpec.moderator("purge", "Moderators only"),
                            CommandSpec.SubcommandSpec.of("boom", "Fails")))
                    .subcommand(
                            "echo", request -> Reply.text(request.string("text").orElseThrow()))
                    .subcommand("purge", request -> Reply.text("purged"))
                    .subcommand("boom", request -> {
                        throw new IllegalStateException("database on fire: secret=hunter2");
                    })
                    .build();
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
        assertThat(run(false, "echo", Map.of("text", "hi", "colour", "red")).content())
                .contains("has no option `colour`");
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
        assertThat(reply.content())
                .contains("something went wrong")
                .contains("incident")
                .doesNotContain("hunter2")
                .doesNotContain("Exception");
    }

    @Test
    void unknownCommandAndMissingSubcommand() {
        Reply unknown = router.dispatch(new CommandRequest("g", "m", "Ann", false, "nope", null, Map.of()));
        assertThat(unknown.content()).contains("I don't know the command `/nope`");
        assertThat(run(false, null, Map.of()).content()).contains("needs a subcommand");
    }

    @Test
    void handlersThatDoNotMatchTheSpecAreRefusedWhenTheCommandIsBuilt() {
        CommandSpec half = CommandSpec.withSubcommands(
                "half",
                "Half handled",
                CommandSpec.SubcommandSpec.of("a", "A"),
                CommandSpec.SubcommandSpec.of("b", "B"));
        assertThatThrownBy(() -> Handlers.builder(half)
                        .subcommand("a", request -> Reply.text("a"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/half");
        assertThatThrownBy(() -> Handlers.builder(half)
                        .subcommand("a", request -> Reply.text("a"))
                        .subcommand("b", request -> Reply.text("b"))
                        .subcommand("c", request -> Reply.text("c"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/half");
    }

    @Test
    void buttonsAreDispatchedByActionAndTheirArgumentCountIsChecked() {
        Command waving = new Command() {
            @Override
            public Handlers handlers() {
                return Handlers.builder(CommandSpec.of("wave", "Waves"))
                        .command(request -> Reply.text("hi"))
                        .button(
                                "back",
                                1,
                                (presser, id) -> Reply.text("waved back at " + id.arg(0) + " by " + presser.memberId()
                                        + " via /" + presser.command()))
                        .build();
            }
        };
        CommandRouter router = new CommandRouter(List.of(waving));
        CommandRequest presser = new CommandRequest("g", "m", "Ann", false, "press", null, Map.of());
        assertThat(router.button(presser, "2:wave:back:42").content()).isEqualTo("waved back at 42 by m via /wave");
        assertThat(router.button(presser, "wave:back:42").content()).isEqualTo("waved back at 42 by m via /wave");
        assertThat(router.button(presser, "2:wave:back").content()).isEqualTo(ButtonId.STALE);
        assertThat(router.button(presser, "2:wave:back:42:43").content()).isEqualTo(ButtonId.STALE);
        assertThat(router.button(presser, "2:wave:front:42").content()).isEqualTo(ButtonId.STALE);
    }

    @Test
    void helpIsBuiltByTheRouterFromItsOwnCommands() {
        assertThat(router.specs()).extracting(CommandSpec::name).containsExactly("test", "help");
        Reply member = router.dispatch(new CommandRequest("g", "m", "Ann", false, "help", null, Map.of()));
        assertThat(member.content())
                .contains("`/test echo text:string [suffix:string]` — Echo")
                .contains("`/help` — What I can do")
                .doesNotContain("/test purge");
        Reply moderator = router.dispatch(new CommandRequest("g", "m", "Ann", true, "help", null, Map.of()));
        assertThat(moderator.content()).contains("`/test purge` — Moderators only");
    }

    @Test
    void aQuotaStepAttachesItsDecisionForTheHandlersOfTheCommandsItNames() {
        Command echoQuota = new Command() {
            @Override
            public Handlers handlers() {
                return Handlers.of(
                        CommandSpec.of("costly", "Uses a quota"),
                        request -> Reply.text(
                                "allowance " + request.found(String.class).orElse("none")));
            }
        };
        CommandRouter router = new CommandRouter(
                List.of(echoQuota, new TestCommand()),
                List.of(CommandStep.quota(java.util.Set.of("costly"), (guild, member) -> guild + "/" + member)),
                BotMetrics.NONE);
        assertThat(router.dispatch(new CommandRequest("g", "m", "Ann", false, "costly", null, Map.of()))
                        .content())
                .isEqualTo("allowance g/m");
        // Steps run in order: the options step refuses before the quota is looked at.
        assertThat(router.dispatch(new CommandRequest("g", "m", "Ann", false, "costly", null, Map.of("x", "y")))
                        .content())
                .contains("has no option `x`");
    }

    @Test
    void unknownButtonIsAPoliteNo() {
        Reply reply = router.button(new CommandRequest("g", "m", "Ann", false, "press", null, Map.of()), "gone:thing");
        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("no longer does anything");
    }
}
