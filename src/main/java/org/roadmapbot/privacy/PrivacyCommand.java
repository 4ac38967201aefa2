package org.roadmapbot.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.CommandSpec.SubcommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.progress.ProgressRepository;

/**
 * /privacy — a member's control over what the bot keeps about them in this server: download
 * it, delete it (after a confirm button), or hide from leaderboards. Always about the asker
 * (or the presser of the button) only.
 */
public final class PrivacyCommand implements Command {

    public static final String NAME = "privacy";
    public static final String EXPORT = "export";
    public static final String DELETE = "delete";
    public static final String LEADERBOARD = "leaderboard";
    public static final String VISIBLE = "visible";

    /** Button that carries out /privacy delete for whoever presses it. */
    public static final String CONFIRM_DELETE =
            ButtonId.of(NAME, "confirm-delete").encode();

    public static final String CANCEL_DELETE =
            ButtonId.of(NAME, "cancel-delete").encode();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final CommandSpec SPEC = CommandSpec.withSubcommands(
            NAME,
            "Your data in this server: export, delete, visibility",
            SubcommandSpec.of(EXPORT, "Download everything I store about you in this server (JSON file)"),
            SubcommandSpec.of(DELETE, "Delete everything I store about you in this server (asks to confirm)"),
            SubcommandSpec.of(
                    LEADERBOARD,
                    "Show or hide yourself on leaderboards and in others' /progress show",
                    OptionSpec.bool(VISIBLE, "true: appear on leaderboards; false: stay hidden", true)));

    private final PersonalData data;
    private final ProgressRepository progress;
    private final Clock clock;
    private final Handlers handlers = Handlers.builder(SPEC)
            .subcommand(EXPORT, this::export)
            .subcommand(DELETE, this::askToDelete)
            .subcommand(LEADERBOARD, this::leaderboard)
            .button("confirm-delete", (presser, button) -> delete(presser))
            .button(
                    "cancel-delete",
                    (presser, button) -> Reply.builder("Cancelled: nothing was deleted.")
                            .ephemeral(true)
                            .build())
            .build();

    public PrivacyCommand(PersonalData data, ProgressRepository progress, Clock clock) {
        this.data = data;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply export(CommandRequest request) {
        int records = data.count(request.guildId(), request.memberId());
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(data.export(request.guildId(), request.memberId(), clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export could not be written as JSON", e);
        }
        String text = records == 0
                ? "I store nothing about you in this server. The attached file shows the (empty) record."
                : "Here is everything I store about you in this server: " + records + " record"
                        + (records == 1 ? "" : "s") + " (your track, topic marks, their history and your settings).";
        return Reply.builder(text)
                .title("Your data")
                .ephemeral(true)
                .attachment(new Reply.Attachment(
                        "roadmap-bot-data-" + safe(request.guildId()) + "-" + safe(request.memberId()) + ".json",
                        "application/json",
                        json))
                .build();
    }

    private Reply askToDelete(CommandRequest request) {
        int records = data.count(request.guildId(), request.memberId());
        if (records == 0) {
            return Reply.builder("I store nothing about you in this server, so there is nothing to delete.")
                    .ephemeral(true)
                    .build();
        }
        List<String> linked = data.linkedTables(request.guildId(), request.memberId());
        boolean setUpSchedule = linked.contains("leaderboard_schedule") || linked.contains("leaderboard_post_failure");
        boolean wroteAnswers = linked.contains("faq_answer");
        return Reply.builder("This deletes **all " + records + " record" + (records == 1 ? "" : "s")
                        + "** I keep about you in this "
                        + "server: your track and pace, every topic mark and its history, and your settings "
                        + "(your leaderboard choice goes back to the default). It cannot be undone. "
                        + (setUpSchedule
                                ? "The server's weekly leaderboard post you set up stays, since it belongs to the "
                                        + "server: it just stops naming you, and failed posts are no longer sent to you. "
                                : "")
                        + (wroteAnswers
                                ? "The curated answers you wrote for this server's FAQ stay, since they belong to the "
                                        + "server: they just stop naming you. "
                                : "")
                        + "Want a copy first? Use `/privacy export`.")
                .title("Delete your data?")
                .ephemeral(true)
                .button(new Reply.Button(CONFIRM_DELETE, "Yes, delete everything", Reply.Button.Style.DANGER))
                .button(new Reply.Button(CANCEL_DELETE, "Cancel", Reply.Button.Style.SECONDARY))
                .build();
    }

    private Reply delete(CommandRequest presser) {
        Map<String, Integer> deleted = data.delete(presser.guildId(), presser.memberId());
        int total = deleted.values().stream().mapToInt(Integer::intValue).sum();
        return Reply.builder(
                        total == 0
                                ? "There was nothing left to delete: I store nothing about you in this server."
                                : "Done: deleted " + total + " record" + (total == 1 ? "" : "s")
                                        + ". I keep nothing about you in this server now; `/progress start` begins afresh.")
                .ephemeral(true)
                .build();
    }

    private Reply leaderboard(CommandRequest request) {
        boolean visible = request.bool(VISIBLE).orElseThrow();
        boolean wasHidden =
                progress.setLeaderboardHidden(request.guildId(), request.memberId(), !visible, clock.instant());
        String text;
        if (visible) {
            text = wasHidden
                    ? "You're visible again on leaderboards, and others can see your `/progress show`."
                    : "You're already visible on leaderboards; nothing changed.";
        } else {
            text = wasHidden
                    ? "You're already hidden from leaderboards; nothing changed."
                    : "You're now hidden from leaderboards, and others' `/progress show` won't show your progress. "
                            + "Your own progress is unchanged.";
        }
        return Reply.builder(text).ephemeral(true).build();
    }

    /** Ids go into a file name: keep letters, digits, dashes. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "_");
    }
}
