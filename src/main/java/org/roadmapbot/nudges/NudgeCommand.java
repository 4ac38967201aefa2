package org.roadmapbot.nudges;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.CommandSpec.SubcommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.UserError;
import org.roadmapbot.schedule.TimeZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /nudge — a weekly DM about the member's current roadmap phase, on their day and local hour:
 * {@code on}, {@code off}, {@code pause}, {@code show}, {@code test}. Always about the asker.
 */
public final class NudgeCommand implements Command {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeCommand.class);

    public static final String NAME = "nudge";
    public static final String ON = "on";
    public static final String OFF = "off";
    public static final String PAUSE = "pause";
    public static final String SHOW = "show";
    public static final String TEST = "test";

    public static final String DAY = "day";
    public static final String HOUR = "hour";
    public static final String TIMEZONE = "timezone";
    public static final String WEEKS = "weeks";

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private final NudgeService service;
    private final Optional<ZoneId> defaultZone;
    private final Handlers handlers;

    public NudgeCommand(NudgeService service) {
        this.service = service;
        this.defaultZone = service.config().defaultZone();
        String[] days = Arrays.stream(DayOfWeek.values())
                .map(d -> d.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        OptionSpec timezone = OptionSpec.string(
                        TIMEZONE,
                        defaultZone
                                .map(z -> "Your time zone, e.g. Europe/Berlin (default: " + TimeZones.label(z) + ")")
                                .orElse("Your time zone (IANA name), e.g. Europe/Berlin or America/New_York"),
                        defaultZone.isEmpty(),
                        64)
                .withAutocomplete();
        CommandSpec spec = CommandSpec.withSubcommands(
                NAME,
                "A weekly nudge about your roadmap phase, by direct message",
                SubcommandSpec.of(
                        ON,
                        "Get a nudge every week on your day and hour (again to change it)",
                        OptionSpec.string(DAY, "Day of the week", true, 10).withChoices(days),
                        OptionSpec.integer(HOUR, "Hour of the day in your time zone, 0-23 (18 = 6 pm)", true, 0, 23),
                        timezone),
                SubcommandSpec.of(OFF, "Stop the weekly nudges"),
                SubcommandSpec.of(
                        PAUSE,
                        "Skip the nudges for a few weeks",
                        OptionSpec.integer(WEEKS, "How many weeks, 1-12", true, 1, 12)),
                SubcommandSpec.of(SHOW, "Your nudge settings and when the next one comes"),
                SubcommandSpec.of(TEST, "Send me one nudge now, to see what it looks like"));
        this.handlers = Handlers.builder(spec)
                .subcommand(ON, inServer(this::on))
                .subcommand(OFF, inServer(this::off))
                .subcommand(PAUSE, inServer(this::pause))
                .subcommand(SHOW, inServer(this::show))
                .subcommand(TEST, inServer(this::test))
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** Nudges are stored per server and member: a request without usable ids is refused first. */
    private static Handlers.Handler inServer(Handlers.Handler handler) {
        return request -> {
            if (!ID.matcher(request.guildId()).matches()
                    || !ID.matcher(request.memberId()).matches()) {
                throw new UserError("Nudges work inside a server: use `/nudge` there.");
            }
            return handler.handle(request);
        };
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        if (!option.equals(TIMEZONE)) {
            return List.of();
        }
        return TimeZones.matching(typed, 25).stream()
                .map(id -> new Choice(id.replace('_', ' '), id))
                .toList();
    }

    private Reply on(CommandRequest request) {
        DayOfWeek day =
                DayOfWeek.valueOf(request.string(DAY).orElseThrow().strip().toUpperCase(Locale.ROOT));
        int hour = Math.toIntExact(request.integer(HOUR).orElseThrow());
        TimeZones.Parsed parsed = zone(request.string(TIMEZONE));
        ZoneId zone = parsed.zone();
        NudgeSettings s = service.turnOn(request.guildId(), request.memberId(), new WeeklySchedule(day, hour, zone));
        String next = service.nextSend(s)
                .map(at -> "\nFirst one: " + both(at, zone) + ".")
                .orElse("");
        String understood = parsed.note().map(n -> "\nTime zone: " + n + ".").orElse("");
        return Reply.builder("✅ Weekly nudges on: **" + s.schedule().describe() + "**, by direct message." + understood
                        + next
                        + "\nChange it with `/nudge on` again, skip weeks with `/nudge pause`, stop with `/nudge off`. "
                        + "`/nudge test` sends one now.")
                .ephemeral(true)
                .build();
    }

    private TimeZones.Parsed zone(Optional<String> typed) {
        if (typed.isEmpty() || typed.get().isBlank()) {
            return new TimeZones.Parsed(
                    defaultZone.orElseThrow(() -> new UserError("Tell me your time zone: `timezone`, "
                            + "e.g. Europe/Berlin or America/New_York (start typing and pick from the list).")),
                    Optional.empty());
        }
        return TimeZones.require(typed.get());
    }

    private Reply off(CommandRequest request) {
        boolean wasOn = service.turnOff(request.guildId(), request.memberId());
        return Reply.builder(
                        wasOn
                                ? "Weekly nudges are off. `/nudge on` brings them back."
                                : "Your nudges were already off; nothing changed.")
                .ephemeral(true)
                .build();
    }

    private Reply pause(CommandRequest request) {
        int weeks = Math.toIntExact(request.integer(WEEKS).orElseThrow());
        Optional<Instant> until = service.pause(request.guildId(), request.memberId(), weeks);
        if (until.isEmpty()) {
            throw new UserError("Your nudges are off, so there is nothing to pause. Turn them on with `/nudge on`.");
        }
        NudgeSettings s =
                service.settings(request.guildId(), request.memberId()).orElseThrow();
        String next = service.nextSend(s)
                .map(at -> " The next one comes " + both(at, s.schedule().zone()) + ".")
                .orElse("");
        return Reply.builder("⏸️ Nudges paused for " + weeks + " week" + (weeks == 1 ? "" : "s") + "." + next
                        + " `/nudge on` resumes them earlier.")
                .ephemeral(true)
                .build();
    }

    private Reply show(CommandRequest request) {
        Optional<NudgeSettings> found = service.settings(request.guildId(), request.memberId());
        if (found.isEmpty()) {
            return Reply.builder("You have no weekly nudge. Get one with `/nudge on day:monday hour:18"
                            + (defaultZone.isPresent() ? "" : " timezone:Europe/Berlin") + "`.")
                    .ephemeral(true)
                    .build();
        }
        NudgeSettings s = found.get();
        ZoneId zone = s.schedule().zone();
        StringBuilder text = new StringBuilder();
        if (s.enabled()) {
            text.append("Weekly nudge: **").append(s.schedule().describe()).append("**, by direct message.\n");
            service.nextSend(s)
                    .ifPresentOrElse(
                            at -> text.append("Next: ").append(both(at, zone)).append(".\n"),
                            () -> text.append("No nudge is scheduled in the coming year.\n"));
            s.pausedUntil()
                    .filter(p -> p.isAfter(service.clock().instant()))
                    .ifPresent(p -> text.append("Paused until ")
                            .append(WHEN.format(p.atZone(zone)))
                            .append(" (")
                            .append(TimeZones.label(zone))
                            .append(").\n"));
        } else {
            text.append("Your weekly nudges are **off**");
            switch (s.disabledReason().orElse(NudgeSettings.OFF)) {
                case NudgeSettings.DMS_CLOSED ->
                    text.append(": I couldn't send you a direct message (your DMs are closed for "
                            + "this server), so I stopped. Allow direct messages from server members (server menu → Privacy "
                            + "Settings), then `/nudge on` again.\n");
                case NudgeSettings.UNKNOWN_MEMBER ->
                    text.append(": Discord didn't know where to deliver them, so I stopped. "
                            + "`/nudge on` tries again.\n");
                default ->
                    text.append(". `/nudge on` brings them back (last setting: ")
                            .append(s.schedule().describe())
                            .append(").\n");
            }
        }
        service.repository()
                .latest(request.guildId(), request.memberId())
                .ifPresent(last -> text.append("Last: week ")
                        .append(last.isoWeek())
                        .append(", ")
                        .append(describe(last))
                        .append('.'));
        return Reply.builder(text.toString().strip())
                .title("Your weekly nudge")
                .ephemeral(true)
                .build();
    }

    private static String describe(SentLog last) {
        return switch (last.state()) {
            case SentLog.SENT ->
                "sent "
                        + (SentLog.VIA_CHANNEL.equals(last.deliveredVia().orElse(null))
                                ? "in the study channel (your DMs were closed)"
                                : "by direct message");
            case SentLog.FAILED -> "not delivered (Discord had a problem)";
            case SentLog.MISSED -> "skipped (I was offline when it was due)";
            default -> "being sent";
        };
    }

    /**
     * Hands the DM over and answers at once: never waits on Discord. An outcome already known
     * (the console, a refusal before sending) is reported; otherwise the reply says what to check
     * if it does not arrive, and a failure is logged.
     */
    private Reply test(CommandRequest request) {
        CompletableFuture<Void> sending = service.sendTest(request.guildId(), request.memberId());
        if (!sending.isDone()) {
            var unused = sending.whenComplete((ok, thrown) -> {
                if (thrown != null) {
                    LOG.info(
                            "test nudge to member {} in server {} not delivered: {}",
                            request.memberId(),
                            request.guildId(),
                            Messenger.failure(thrown).getMessage());
                }
            });
            return Reply.builder(
                            "📬 Sending you a test nudge by direct message now. Your weekly ones look like that. "
                                    + "If it doesn't arrive, allow direct messages from server members (server menu → Privacy Settings).")
                    .ephemeral(true)
                    .build();
        }
        if (!sending.isCompletedExceptionally()) {
            return Reply.builder("📬 Sent you a test nudge by direct message. Your weekly ones look like that.")
                    .ephemeral(true)
                    .build();
        }
        DeliveryException failure =
                Messenger.failure(sending.handle((ok, thrown) -> thrown).join());
        String text = switch (failure.reason()) {
            case DMS_CLOSED ->
                "I couldn't DM you: your direct messages are closed for this server. Allow direct messages "
                        + "from server members (server menu → Privacy Settings) and try again."
                        + (service.config().studyChannels().isEmpty()
                                ? " Until then, weekly nudges would be turned off."
                                : " Until then, weekly nudges go to the study channel.");
            case TEMPORARY ->
                "I couldn't send it right now ("
                        + (failure.getMessage() == null
                                ? "temporary problem"
                                : "Discord or the connection had a problem")
                        + "). Please try again in a minute.";
            default -> "I couldn't send you a direct message here. Please try again later.";
        };
        return Reply.error(text);
    }

    /** "Monday 12 Jan 2026, 09:00 (Europe/Berlin) · Mon 08:00 UTC". */
    static String both(Instant at, ZoneId zone) {
        return "**" + WHEN.format(at.atZone(zone)) + "** (" + TimeZones.label(zone) + ") · "
                + UTC_TIME.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
    }
}
