package org.roadmapbot.discord;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;

/**
 * Small commands registered beside the real ones through the same wiring, for what the real
 * commands on this branch do not do yet: moderator commands, buttons, files, slow work.
 */
final class TestCommands {

    /** A tiny 1x1 PNG. */
    static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        '\r',
        '\n',
        0x1a,
        '\n',
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        6,
        0,
        0,
        0,
        0x1f,
        0x15,
        (byte) 0xc4,
        (byte) 0x89
    };

    final BlockingQueue<String> presses = new LinkedBlockingQueue<>();
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    List<Command> all() {
        return List.of(new Greet(), new Board(), new Purge(), new Slow(), new Card());
    }

    /** Echoes the raw display name (unescaped, on purpose) and offers a button. */
    final class Greet implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.builder(CommandSpec.of("greet", "Say hello (test)"))
                    .command(this::greet)
                    .button("wave", 1, this::wave)
                    .build();
        }

        private Reply greet(CommandRequest request) {
            return Reply.builder("Hello, " + request.displayName() + "!")
                    .button(new Reply.Button(
                            ButtonId.of("greet", "wave", "42").encode(), "Wave back", Reply.Button.Style.PRIMARY))
                    .build();
        }

        private Reply wave(CommandRequest presser, ButtonId button) {
            String args = button.action() + ":" + button.arg(0);
            presses.add(presser.guildId() + "/" + presser.memberId() + "/" + args);
            return Reply.builder("Waved back (" + args + ").").ephemeral(true).build();
        }
    }

    /** Like the coming /leaderboard: a public subcommand and a moderator one. */
    static final class Board implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.builder(CommandSpec.withSubcommands(
                            "board",
                            "Leaderboard-like (test)",
                            CommandSpec.SubcommandSpec.of(
                                    "show", "Show it", OptionSpec.integer("page", "Which page", false, 1, 50)),
                            CommandSpec.SubcommandSpec.moderator(
                                    "post",
                                    "Post it to a channel (moderators)",
                                    OptionSpec.of(
                                            "channel", "Where to post", org.roadmapbot.core.OptionType.CHANNEL, true))))
                    .subcommand(
                            "post",
                            request -> Reply.text("Posted the board in <#"
                                    + request.string("channel").orElseThrow() + ">."))
                    .subcommand(
                            "show",
                            request -> Reply.text(
                                    "Board page " + request.integer("page").orElse(1L) + "."))
                    .build();
        }
    }

    /** Moderators only, as a whole. */
    static final class Purge implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.of(
                    new CommandSpec(
                            "purge",
                            "Moderator-only (test)",
                            List.of(OptionSpec.string("reason", "Why", false, 100)
                                    .withChoices("spam", "test")),
                            List.of(),
                            true),
                    request -> Reply.text("Purged."));
        }
    }

    /** Waits for the test before answering, to show deferral without timing anything. */
    final class Slow implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.of(CommandSpec.of("slow", "Slow work (test)"), this::slow);
        }

        private Reply slow(CommandRequest request) {
            try {
                releaseSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.builder("Rendered your card.")
                    .title("Slow card")
                    .attachment(new Reply.Attachment("card.png", "image/png", PNG))
                    .build();
        }
    }

    /** A reply with everything: title, fields, footer, a PNG, buttons, private. */
    static final class Card implements Command {
        @Override
        public Handlers handlers() {
            return Handlers.of(CommandSpec.of("card", "A full reply (test)"), this::card);
        }

        private Reply card(CommandRequest request) {
            Reply.Builder reply = Reply.builder("Your progress card.")
                    .title("Progress of " + request.displayName())
                    .field("Done", "3 topics", true)
                    .field("Next", "HTTP basics", true)
                    .footer("Source: test")
                    .ephemeral(true)
                    .attachment(new Reply.Attachment("progress card.png", "image/png", PNG));
            for (int i = 1; i <= 7; i++) {
                reply.button(new Reply.Button(
                        ButtonId.of("card", "b" + i).encode(), "Button " + i, Reply.Button.Style.SECONDARY));
            }
            return reply.build();
        }
    }
}
