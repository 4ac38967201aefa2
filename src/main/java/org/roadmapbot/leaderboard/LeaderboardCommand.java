package org.roadmapbot.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.CommandSpec.SubcommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.OptionType;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.UserError;
import org.roadmapbot.schedule.TimeZones;

/**
 * /leaderboard — the server's progress ranked by topics completed. {@code show} is for anyone
 * (private, with the asker's own rank); {@code post}, {@code schedule} and {@code unschedule} are
 * moderator subcommands, refused by the router to anyone the adapter did not mark as moderator.
 */
public final class LeaderboardCommand implements Command {

    public static final String NAME = "leaderboard";
    public static final String SHOW = "show";
    public static final String POST = "post";
    public static final String SCHEDULE = "schedule";
    public static final String UNSCHEDULE = "unschedule";

    public static final String PERIOD = "period";
    public static final String CHANNEL = "channel";
    public static final String TOP = "top";
    public static final String DAY = "day";
    public static final String HOUR = "hour";
    public static final String TIMEZONE = "timezone";

    private static final Pattern CHANNEL_ID = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final String[] DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);

    private static final CommandSpec SPEC = CommandSpec.withSubcommands(
            NAME,
            "Who learned the most: the server's progress leaderboard",
            SubcommandSpec.of(SHOW, "See the leaderboard and your own rank (only you see it)", period()),
            SubcommandSpec.moderator(
                    POST,
                    "Post the leaderboard in a channel",
                    OptionSpec.of(CHANNEL, "Where to post it", OptionType.CHANNEL, true),
                    period(),
                    OptionSpec.integer(
                            TOP, "How many members to show (default 10)", false, 3, LeaderboardService.MAX_TOP)),
            SubcommandSpec.moderator(
                    SCHEDULE,
                    "Post the leaderboard every week",
                    OptionSpec.of(CHANNEL, "Where to post it", OptionType.CHANNEL, true),
                    OptionSpec.string(DAY, "Day of the week", true, 9).withChoices(DAYS),
                    OptionSpec.integer(HOUR, "Hour of the day, 0-23", true, 0, 23),
                    OptionSpec.string(TIMEZONE, "Time zone, e.g. Europe/Berlin or UTC", true, 64)
                            .withAutocomplete()),
            SubcommandSpec.moderator(UNSCHEDULE, "Stop the weekly leaderboard post"));

    private final LeaderboardService service;
    private final LeaderboardPosts posts;
    private final Handlers handlers = Handlers.builder(SPEC)
            .subcommand(SHOW, request -> show(request, period(request), 1))
            .subcommand(POST, this::post)
            .subcommand(SCHEDULE, this::schedule)
            .subcommand(UNSCHEDULE, this::unschedule)
            .button(BoardReply.PAGE, 2, this::page)
            .build();

    public LeaderboardCommand(LeaderboardService service, LeaderboardPosts posts) {
        this.service = service;
        this.posts = posts;
    }

    private static OptionSpec period() {
        return OptionSpec.string(PERIOD, "Which period (default: this week)", false, 16)
                .withChoices(Period.ids());
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** {@code page:<period>:<n>}: that page, privately, with the presser's own rank. */
    private Reply page(CommandRequest presser, ButtonId button) {
        if (presser.guildId().isEmpty()) {
            throw new UserError("Please use leaderboard buttons in the server.");
        }
        Period period = Period.byId(button.arg(0)).orElseThrow(() -> new UserError(ButtonId.STALE));
        int page;
        try {
            page = Integer.parseInt(button.arg(1));
        } catch (NumberFormatException e) {
            throw new UserError(ButtonId.STALE);
        }
        if (page < 1) {
            throw new UserError(ButtonId.STALE);
        }
        if (page > LeaderboardService.MAX_PAGE) {
            throw new UserError(
                    "That page is out of reach: I show the first " + LeaderboardService.MAX_PAGE + " pages.");
        }
        return show(presser, period, page);
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

    private static Period period(CommandRequest request) {
        return request.string(PERIOD)
                .map(p -> Period.byId(p)
                        .orElseThrow(() ->
                                new UserError("`period` must be one of: " + String.join(", ", Period.ids()) + ".")))
                .orElse(Period.WEEK);
    }

    private Reply show(CommandRequest request, Period period, int page) {
        Board board = service.board(
                request.guildId(),
                period,
                page,
                LeaderboardService.PAGE_SIZE,
                request.memberId(),
                request.displayName());
        return BoardReply.of(board).ephemeral(true).build();
    }

    private Reply post(CommandRequest request) {
        String channel = channel(request);
        int top = request.integer(TOP).map(Long::intValue).orElse(LeaderboardService.PAGE_SIZE);
        Period period = period(request);
        LeaderboardPosts.Outcome outcome = posts.postNow(request.guildId(), channel, period, top, request.memberId());
        if (outcome.sending()) {
            // Handed to Discord; a refusal that comes later reaches the moderator by DM.
            return Reply.builder("📊 Posting " + period.boardName() + " (top " + top + ") in <#" + channel
                            + ">. If Discord refuses it, I'll tell you in a DM.")
                    .ephemeral(true)
                    .build();
        }
        if (!outcome.posted()) {
            return Reply.error("I couldn't post the leaderboard in <#" + channel + ">: " + outcome.detail()
                    + "\nGive me View Channel, Send Messages, Embed Links and Attach Files there, or pick another channel."
                    + " Nothing was posted.");
        }
        return Reply.builder("📊 Posted " + period.boardName() + " (top " + top + ") in <#" + channel + ">.")
                .ephemeral(true)
                .build();
    }

    private Reply schedule(CommandRequest request) {
        String channel = channel(request);
        DayOfWeek day =
                DayOfWeek.valueOf(request.string(DAY).orElseThrow().strip().toUpperCase(Locale.ROOT));
        int hour = request.integer(HOUR).orElseThrow().intValue();
        TimeZones.Parsed parsed = TimeZones.require(request.string(TIMEZONE).orElseThrow());
        ZoneId zone = parsed.zone();
        Instant now = service.clock().instant();
        Optional<ScheduleStore.Schedule> replaced = posts.store().find(request.guildId());
        Instant first = posts.schedule(
                new ScheduleStore.Schedule(request.guildId(), channel, day, hour, zone, request.memberId(), now));
        StringBuilder text = new StringBuilder("🗓️ Every ")
                .append(when(day, hour, zone))
                .append(" I'll post the leaderboard in <#")
                .append(channel)
                .append(">. First post: ")
                .append(WHEN.format(first.atZone(zone)))
                .append('.');
        parsed.note()
                .ifPresent(note -> text.append("\nTime zone: ").append(note).append('.'));
        replaced.ifPresent(old -> text.append("\nThis replaces the earlier schedule: <#")
                .append(old.channelId())
                .append("> every ")
                .append(when(old.day(), old.hour(), old.zone()))
                .append(" → <#")
                .append(channel)
                .append("> every ")
                .append(when(day, hour, zone))
                .append('.'));
        if (!posts.canPost(request.guildId(), channel)) {
            text.append(
                    "\n⚠️ I can't post in that channel right now: give me View Channel, Send Messages, Embed Links and"
                            + " Attach Files there before then. If a post fails I'll tell you in a DM.");
        } else {
            text.append(" If a post fails, I'll tell you in a DM.");
        }
        return Reply.builder(text.toString()).ephemeral(true).build();
    }

    private Reply unschedule(CommandRequest request) {
        boolean existed = posts.unschedule(request.guildId());
        return existed
                ? Reply.builder("Stopped the weekly leaderboard post.")
                        .ephemeral(true)
                        .build()
                : Reply.error("There is no weekly leaderboard post to stop. Set one up with `/leaderboard schedule`.");
    }

    private static String channel(CommandRequest request) {
        String channel = request.string(CHANNEL).orElseThrow().strip();
        if (!CHANNEL_ID.matcher(channel).matches()) {
            throw new UserError("I couldn't tell which channel you mean: pick it from the list.");
        }
        return channel;
    }

    /** "Monday at 18:00 (Europe/Berlin)". */
    private static String when(DayOfWeek day, int hour, ZoneId zone) {
        return capitalized(day) + " at " + String.format(Locale.ROOT, "%02d:00", hour) + " (" + TimeZones.label(zone)
                + ")";
    }

    private static String capitalized(DayOfWeek day) {
        String name = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
