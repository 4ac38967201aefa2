package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrappingCommandTest {

    private static final String QUESTION = "question";

    /** The command wrapped: answers any question, with a "more" button, a "note" form and autocomplete. */
    private static final class Inner implements Command {
        private final Handlers handlers = Handlers.builder(
                        CommandSpec.of("ask", "Ask", OptionSpec.string(QUESTION, "Question", true, 50)))
                .command(request ->
                        Reply.text("inner: " + request.string(QUESTION).orElseThrow()))
                .button("more", 1, (presser, id) -> Reply.text("more about " + id.arg(0)))
                .form("note", (submitter, id, values) -> Reply.text("noted " + values.get("text")))
                .build();

        @Override
        public Handlers handlers() {
            return handlers;
        }

        @Override
        public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
            return List.of(new Choice(option + ":" + typed, typed));
        }
    }

    /** Answers "hi" itself, hands every other question off, and adds a button of its own. */
    private static final class Greeting extends WrappingCommand {
        private final String greeting;

        Greeting(Command wrapped, String greeting) {
            super(wrapped);
            this.greeting = greeting;
        }

        @Override
        protected void addButtons(Handlers.Builder builder) {
            builder.button("wave", (presser, id) -> Reply.text("waved by " + presser.memberId()));
        }

        @Override
        protected Reply handle(CommandRequest request) {
            return request.string(QUESTION).orElseThrow().equals("hi") ? Reply.text(greeting) : handOff(request);
        }
    }

    /** Adds nothing: a second layer, as /ask has several. */
    private static final class Passing extends WrappingCommand {
        Passing(Command wrapped) {
            super(wrapped);
        }

        @Override
        protected Reply handle(CommandRequest request) {
            return handOff(request);
        }
    }

    private final Inner inner = new Inner();
    private final CommandRouter router = new CommandRouter(List.of(new Passing(new Greeting(inner, "hello!"))));

    private static CommandRequest member() {
        return new CommandRequest("g", "m", "Ann", false, "ask", null, Map.of());
    }

    private Reply ask(String question) {
        return router.dispatch(new CommandRequest("g", "m", "Ann", false, "ask", null, Map.of(QUESTION, question)));
    }

    @Test
    void theWrapperAnswersWhatItKnowsAndHandsTheRestToTheWrappedHandler() {
        assertThat(ask("hi").content()).isEqualTo("hello!");
        assertThat(ask("what is http").content()).isEqualTo("inner: what is http");
    }

    @Test
    void keepsTheWrappedSpecButtonsFormsAndAutocomplete() {
        assertThat(router.spec("ask")).contains(inner.spec());
        assertThat(router.button(member(), ButtonId.of("ask", "more", "http").encode())
                        .content())
                .isEqualTo("more about http");
        assertThat(router.form(member(), ButtonId.of("ask", "note").encode(), Map.of("text", "x"))
                        .content())
                .isEqualTo("noted x");
        assertThat(router.autocomplete(member(), QUESTION, "ht"))
                .containsExactly(new Command.Choice(QUESTION + ":ht", "ht"));
    }

    @Test
    void aWrappersOwnButtonWorksThroughOuterWrappersAndTheWrappedButtonsKeepTheirArguments() {
        assertThat(router.button(member(), ButtonId.of("ask", "wave").encode()).content())
                .isEqualTo("waved by m");
        // "more" takes one argument, through every layer: an id with none is stale, not a crash.
        assertThat(router.button(member(), ButtonId.of("ask", "more").encode()).content())
                .isEqualTo(ButtonId.STALE);
    }

    @Test
    void onlyACommandWithoutSubcommandsCanBeWrapped() {
        Command withSubcommands = () -> Handlers.builder(CommandSpec.withSubcommands(
                        "progress", "Progress", CommandSpec.SubcommandSpec.of("show", "Show")))
                .subcommand("show", request -> Reply.text("shown"))
                .build();

        assertThatThrownBy(() -> new Passing(withSubcommands))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/progress has subcommands");
    }

    @Test
    void aButtonOfTheWrapperThatTheWrappedCommandHasIsRefusedAtStartUp() {
        Command waving = new Greeting(new Inner(), "hello!");

        assertThatThrownBy(() -> new Greeting(waving, "again"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two handlers for wave");
    }
}
