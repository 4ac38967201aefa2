package org.roadmapbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.CommandSpec.SubcommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.OptionType;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;
import org.roadmapbot.core.UserError;

/**
 * /faq — moderators teach the bot their server's answers: {@code add}, {@code edit}, {@code remove},
 * {@code list}, and the server's {@code settings} (help channel, keeping questions for /insights).
 * On Discord, add and edit open a form (questions one per line, the answer); given both options
 * ({@code question:} and {@code answer:}, as in the console) they save at once. Every subcommand and
 * every form submission is checked for a moderator on the server side.
 */
public final class FaqCommand implements Command {

    public static final String NAME = "faq";
    public static final String ADD = "add";
    public static final String EDIT = "edit";
    public static final String REMOVE = "remove";
    public static final String LIST = "list";
    public static final String SETTINGS = "settings";

    public static final String QUESTION = "question";
    public static final String ANSWER = "answer";
    public static final String NUMBER = "number";
    public static final String PAGE = "page";
    public static final String HELP_CHANNEL = "help_channel";
    public static final String HELP_CHANNEL_OFF = "help_channel_off";
    public static final String KEEP_QUESTIONS = "keep_questions";

    /** Inputs of the add/edit form. */
    public static final String QUESTIONS_INPUT = "questions";

    public static final String ANSWER_INPUT = "answer";

    private static final int PAGE_SIZE = 10;

    private static final CommandSpec SPEC = CommandSpec.withSubcommands(
            NAME,
            "Teach the bot this server's own answers",
            SubcommandSpec.moderator(
                    ADD,
                    "Add an answer: example questions and the answer (a form opens)",
                    questionOption(),
                    answerOption()),
            SubcommandSpec.moderator(
                    EDIT, "Change an answer's questions or text", numberOption(), questionOption(), answerOption()),
            SubcommandSpec.moderator(REMOVE, "Remove an answer", numberOption()),
            SubcommandSpec.moderator(
                    LIST,
                    "This server's answers",
                    OptionSpec.integer(PAGE, "Page (10 answers each)", false, 1, FaqStore.MAX_PER_SERVER / PAGE_SIZE)),
            SubcommandSpec.moderator(
                    SETTINGS,
                    "Help channel and /insights settings (no options: show them)",
                    OptionSpec.of(
                            HELP_CHANNEL,
                            "A channel or forum whose new posts I answer when I can",
                            OptionType.CHANNEL,
                            false),
                    OptionSpec.bool(HELP_CHANNEL_OFF, "Stop answering posts in the help channel", false),
                    OptionSpec.bool(
                            KEEP_QUESTIONS,
                            "Keep unanswered and thumbs-down questions for /insights (30 days)",
                            false)));

    private static OptionSpec questionOption() {
        return OptionSpec.string(
                QUESTION,
                "Example questions, separated by ' | ' (or leave out: a form opens)",
                false,
                FaqInput.MAX_QUESTIONS_TEXT);
    }

    private static OptionSpec answerOption() {
        return OptionSpec.string(ANSWER, "The answer (or leave out: a form opens)", false, FaqInput.MAX_ANSWER_LENGTH);
    }

    private static OptionSpec numberOption() {
        return OptionSpec.integer(NUMBER, "The answer's number (see /faq list)", true, 1, Integer.MAX_VALUE)
                .withAutocomplete();
    }

    private final ServerFaqs faqs;
    private final boolean messageContentIntent;
    private final Handlers handlers;

    /** @param messageContentIntent whether the bot reads messages' content (needed for a help channel) */
    public FaqCommand(ServerFaqs faqs, boolean messageContentIntent) {
        this.faqs = faqs;
        this.messageContentIntent = messageContentIntent;
        this.handlers = Handlers.builder(SPEC)
                .subcommand(ADD, this::add)
                .subcommand(EDIT, this::edit)
                .subcommand(REMOVE, this::remove)
                .subcommand(LIST, this::list)
                .subcommand(SETTINGS, this::settings)
                // The forms add and edit open: "faq:add", "faq:edit:<number>".
                .form(ADD, (submitter, form, values) -> submitAdd(submitter, values))
                .form(EDIT, 1, 1, (submitter, form, values) -> submitEdit(submitter, form, values))
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply add(CommandRequest request) {
        Optional<String> questions = request.string(QUESTION);
        Optional<String> answer = request.string(ANSWER);
        if (questions.isPresent() && answer.isPresent()) {
            return added(
                    request.guildId(),
                    faqs.add(request.guildId(), FaqInput.of(questions.get(), answer.get()), request.memberId()));
        }
        return addForm(
                ButtonId.of(NAME, ADD),
                questions.map(FaqCommand::oneQuestionPerLine).orElse(null),
                answer.orElse(null));
    }

    /**
     * The form that adds an answer, with what is known filled in; {@code submitTo} says where it is
     * submitted ("faq:add", or /insights' "Answer this").
     */
    public static Reply addForm(ButtonId submitTo, String questions, String answer) {
        return form(
                submitTo.encode(),
                "Add an answer to this server's FAQ",
                questions,
                answer,
                "On Discord this opens a form. Here, give both options: `/faq add question:\"when is the study call? | "
                        + "what time is the study call\" answer:\"Every Tuesday at 18:00 UTC in #study-hall\"`.");
    }

    private static Reply form(String customId, String title, String questions, String answer, String withoutForm) {
        return Reply.builder(withoutForm)
                .ephemeral(true)
                .form(new Reply.Form(
                        customId,
                        title,
                        List.of(
                                new Reply.Input(
                                        QUESTIONS_INPUT,
                                        "Example questions (one per line)",
                                        questions,
                                        true,
                                        FaqInput.MAX_QUESTIONS_TEXT,
                                        true),
                                new Reply.Input(
                                        ANSWER_INPUT, "The answer", answer, true, FaqInput.MAX_ANSWER_LENGTH, true))))
                .build();
    }

    private static String oneQuestionPerLine(String questions) {
        return String.join("\n", questions.split("\\s\\|\\s"));
    }

    private Reply edit(CommandRequest request) {
        int number = number(request);
        CuratedAnswer existing = existing(request.guildId(), number);
        Optional<String> questions = request.string(QUESTION);
        Optional<String> answer = request.string(ANSWER);
        if (questions.isPresent() || answer.isPresent()) {
            // What is not given stays as it is.
            return edited(
                    request,
                    number,
                    FaqInput.of(
                            questions.orElse(String.join("\n", existing.questions())),
                            answer.orElse(existing.answer())));
        }
        return form(
                ButtonId.of(NAME, EDIT, String.valueOf(number)).encode(),
                "Edit answer #" + number,
                String.join("\n", existing.questions()),
                existing.answer(),
                "On Discord this opens a form. Here, give what changes: `/faq edit number:" + number
                        + " question:\"… | …\"` and/or `answer:\"…\"`.");
    }

    private Reply edited(CommandRequest request, int number, FaqInput input) {
        CuratedAnswer saved = faqs.update(request.guildId(), number, input, request.memberId())
                .orElseThrow(() -> noSuchAnswer(number));
        return Reply.builder("Saved answer **#" + saved.number() + "**." + check(request.guildId(), saved))
                .ephemeral(true)
                .build();
    }

    private Reply remove(CommandRequest request) {
        int number = number(request);
        CuratedAnswer removed = faqs.remove(request.guildId(), number).orElseThrow(() -> noSuchAnswer(number));
        return Reply.builder("Removed answer **#" + removed.number() + "** (“"
                        + Text.escape(Text.truncate(removed.questions().get(0), 80))
                        + "”). Members asking it get the roadmap's answer again, or none.")
                .ephemeral(true)
                .build();
    }

    private Reply list(CommandRequest request) {
        List<CuratedAnswer> all = faqs.list(request.guildId());
        if (all.isEmpty()) {
            return Reply.builder(
                            "This server has no curated answers yet. Add one with `/faq add`, or from the unanswered "
                                    + "questions of `/insights`.")
                    .ephemeral(true)
                    .build();
        }
        int pages = (all.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        int page = (int) Math.min(request.integer(PAGE).orElse(1L), pages);
        StringBuilder text = new StringBuilder();
        for (CuratedAnswer a : all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE))) {
            text.append("**#")
                    .append(a.number())
                    .append("** ")
                    .append(Text.escape(Text.truncate(a.questions().get(0), 90)));
            if (a.questions().size() > 1) {
                text.append(" _(+").append(a.questions().size() - 1).append(" more)_");
            }
            text.append("\n  ↳ ")
                    .append(Text.escape(Text.truncate(a.answer().replaceAll("\\s+", " "), 100)))
                    .append('\n');
        }
        String footer = all.size() + " answer" + (all.size() == 1 ? "" : "s")
                + (pages > 1
                        ? " · page " + page + " of " + pages + " (`/faq list page:" + (page % pages + 1) + "`)"
                        : "");
        return Reply.builder(text.toString().strip())
                .title("This server's FAQ")
                .footer(footer)
                .ephemeral(true)
                .build();
    }

    private Reply settings(CommandRequest request) {
        String guild = request.guildId();
        ServerSettings current = faqs.settings(guild);
        Optional<String> channel = request.string(HELP_CHANNEL);
        boolean channelOff = request.bool(HELP_CHANNEL_OFF).orElse(false);
        if (channel.isPresent() && channelOff) {
            throw new UserError("Choose a help channel or turn it off, not both.");
        }
        channel.ifPresent(FaqCommand::requireChannelId);
        boolean changes = channel.isPresent()
                || channelOff
                || request.bool(KEEP_QUESTIONS).isPresent();
        ServerSettings wanted = new ServerSettings(
                request.bool(KEEP_QUESTIONS).orElse(current.keepQuestions()),
                channelOff ? Optional.empty() : channel.or(current::helpChannelId));
        if (changes && !wanted.equals(current)) {
            faqs.saveSettings(guild, wanted);
        }
        StringBuilder text =
                new StringBuilder(changes ? (wanted.equals(current) ? "Nothing changed: " : "Saved. ") : "");
        text.append("**Help channel:** ")
                .append(wanted.helpChannelId()
                        .map(id -> "<#" + id + ">: I answer its new posts when "
                                + "my data or this server's FAQ has the answer, and leave the others alone.")
                        .orElse("none."));
        if (wanted.helpChannelId().isPresent() && !messageContentIntent) {
            text.append(
                    "\n⚠️ **I can't read posts there yet:** this bot runs without Discord's *Message Content* intent, "
                            + "which answering a help channel needs. The bot's operator turns it on in the Discord Developer Portal "
                            + "(Bot → Privileged Gateway Intents → Message Content) and sets `DISCORD_MESSAGE_CONTENT_INTENT=true` "
                            + "(README: \"Help channel\"). Mentions and *Apps → Ask Roadmap Bot* work without it.");
        }
        text.append("\n**Unanswered questions for `/insights`:** ")
                .append(
                        wanted.keepQuestions()
                                ? "kept for 30 days (the question only, never who asked)."
                                : "not kept.");
        return Reply.builder(text.toString()).ephemeral(true).build();
    }

    private static void requireChannelId(String id) {
        if (!id.matches("\\d{1,20}")) {
            throw new UserError(
                    "`" + HELP_CHANNEL + "` must be a channel (on Discord, pick one; here, its numeric id).");
        }
    }

    /** The add form submitted ("faq:add"); /insights' "Answer this" form adds through it too. */
    public Reply submitAdd(CommandRequest submitter, Map<String, String> values) {
        requireModerator(submitter);
        FaqInput input = FaqInput.of(values.get(QUESTIONS_INPUT), values.get(ANSWER_INPUT));
        return added(submitter.guildId(), faqs.add(submitter.guildId(), input, submitter.memberId()));
    }

    /** The edit form submitted ("faq:edit:3"). */
    private Reply submitEdit(CommandRequest submitter, ButtonId form, Map<String, String> values) {
        requireModerator(submitter);
        if (!form.arg(0).matches("\\d{1,9}")) {
            throw new UserError("That form no longer does anything.");
        }
        int number = Integer.parseInt(form.arg(0));
        return edited(submitter, number, FaqInput.of(values.get(QUESTIONS_INPUT), values.get(ANSWER_INPUT)));
    }

    /** The reply to a new answer: its number, and whether its own example questions now find it. */
    public Reply added(String guildId, CuratedAnswer added) {
        return Reply.builder("Added answer **#" + added.number() + "** to this server's FAQ." + check(guildId, added))
                .ephemeral(true)
                .build();
    }

    /**
     * Asks each example question as a member would: a question the search does not answer with this
     * answer is named, so the moderator can reword it or add another.
     */
    private String check(String guildId, CuratedAnswer answer) {
        List<String> missed = new ArrayList<>();
        for (String q : answer.questions()) {
            boolean found = faqs.answer(guildId, q)
                    .map(a -> a.sources().contains(answer.entryId()))
                    .orElse(false);
            if (!found) {
                missed.add(q);
            }
        }
        if (missed.isEmpty()) {
            return " Members asking “"
                    + Text.escape(Text.truncate(answer.questions().get(0), 80))
                    + "”, or the same in other words, now get it (cited as this server's FAQ).";
        }
        return "\n⚠️ Asked as written, "
                + String.join(
                        ", ",
                        missed.stream()
                                .map(q -> "“" + Text.escape(Text.truncate(q, 60)) + "”")
                                .toList())
                + (missed.size() == 1 ? " still gets" : " still get")
                + " another answer: add a more specific example question with `/faq edit number:"
                + answer.number() + "`.";
    }

    static void requireModerator(CommandRequest request) {
        if (!request.moderator()) {
            throw new UserError("Only moderators (Manage Server or the moderator role) can change this server's FAQ.");
        }
        if (request.guildId().isEmpty()) {
            throw new UserError("Please use this in the server.");
        }
    }

    private CuratedAnswer existing(String guildId, int number) {
        return faqs.find(guildId, number).orElseThrow(() -> noSuchAnswer(number));
    }

    private static UserError noSuchAnswer(int number) {
        return new UserError("This server has no answer #" + number + ". See the numbers with `/faq list`.");
    }

    private static int number(CommandRequest request) {
        return request.integer(NUMBER).orElseThrow().intValue();
    }

    @Override
    public List<Choice> autocomplete(CommandRequest request, String option, String typed) {
        if (!option.equals(NUMBER) || !request.moderator()) {
            return List.of();
        }
        String t = typed.strip().toLowerCase(Locale.ROOT).replace("#", "");
        return faqs.list(request.guildId()).stream()
                .filter(a -> t.isEmpty()
                        || String.valueOf(a.number()).startsWith(t)
                        || a.questions().stream()
                                .anyMatch(q -> q.toLowerCase(Locale.ROOT).contains(t)))
                .limit(25)
                .map(a -> new Choice("#" + a.number() + " " + a.questions().get(0), String.valueOf(a.number())))
                .toList();
    }
}
