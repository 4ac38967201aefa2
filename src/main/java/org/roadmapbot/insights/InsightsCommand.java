package org.roadmapbot.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.roadmapbot.core.ButtonId;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.CommandSpec;
import org.roadmapbot.core.Handlers;
import org.roadmapbot.core.OptionSpec;
import org.roadmapbot.core.Reply;
import org.roadmapbot.core.Text;
import org.roadmapbot.core.UserError;
import org.roadmapbot.faq.FaqCommand;
import org.roadmapbot.faq.ServerFaqs;

/**
 * /insights [period] — for moderators: how many questions were asked and answered (and how many from the
 * server's FAQ), the share of rated answers members found helpful, and the questions the bot could not
 * answer, grouped by similarity, with a picture. Each group has an "Answer this" button that opens the
 * add-an-answer form with the group's questions filled in; the saved answer takes their place, so the
 * next member asking any of them gets it.
 */
public final class InsightsCommand implements Command {

    public static final String NAME = "insights";
    public static final String PERIOD = "period";
    /** Button and form action: answer a group of kept questions ("2:insights:answer:12:15:19", one id per argument). */
    static final String ANSWER = "answer";

    /** Groups shown (each with its button: Discord shows up to 25, five a row). */
    static final int TOP_GROUPS = 5;
    /** Question ids an "Answer this" button carries (its custom id has room for them). */
    static final int IDS_PER_BUTTON = 6;
    /** Kept questions read for grouping, newest first. */
    static final int MAX_QUESTIONS = 2_000;

    /** A period: its option value, its days (today included), and how it reads. */
    enum Period {
        DAY("day", 1, "today"),
        WEEK("week", 7, "the last 7 days"),
        MONTH("month", 30, "the last 30 days");

        final String id;
        final int days;
        final String label;

        Period(String id, int days, String label) {
            this.id = id;
            this.days = days;
            this.label = label;
        }
    }

    private static final CommandSpec SPEC = new CommandSpec(
            NAME,
            "Moderators: questions asked and answered, helpful ratings, what the bot couldn't answer",
            List.of(OptionSpec.string(PERIOD, "Which period (default: the last 7 days)", false, 8)
                    .withChoices(Arrays.stream(Period.values()).map(p -> p.id).toArray(String[]::new))),
            List.of(),
            true);

    private final InsightsStore store;
    private final AskLog log;
    private final ServerFaqs faqs;
    private final FaqCommand faqCommand;
    private final Supplier<Analyzer> analyzer;
    private final Clock clock;
    private volatile QuestionGroups grouping;
    private final Handlers handlers;

    /** @param analyzer the knowledge's analyzer, built on the first /insights (it is not free) */
    public InsightsCommand(
            InsightsStore store,
            AskLog log,
            ServerFaqs faqs,
            FaqCommand faqCommand,
            Supplier<Analyzer> analyzer,
            Clock clock) {
        this.store = store;
        this.log = log;
        this.faqs = faqs;
        this.faqCommand = faqCommand;
        this.analyzer = analyzer;
        this.clock = clock;
        this.handlers = Handlers.builder(SPEC)
                .command(this::insights)
                .button(ANSWER, 1, IDS_PER_BUTTON, (presser, button) -> answerThis(presser, ids(button)))
                .form(ANSWER, 1, IDS_PER_BUTTON, (submitter, form, values) -> answered(submitter, ids(form), values))
                .build();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    private Reply insights(CommandRequest request) {
        Period period = request.string(PERIOD)
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .flatMap(id -> Arrays.stream(Period.values())
                        .filter(p -> p.id.equals(id))
                        .findFirst())
                .orElse(Period.WEEK);
        // This process's last second of asks first, so the figures include them.
        log.flush();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        InsightsStore.Counts counts = store.totals(request.guildId(), today.minusDays(period.days - 1L));
        boolean keeping = faqs.settings(request.guildId()).keepQuestions();
        List<QuestionGroups.Group> groups = keeping
                ? grouping()
                        .group(store.questions(
                                request.guildId(), now.minus(Duration.ofDays(period.days)), MAX_QUESTIONS))
                : List.of();
        List<QuestionGroups.Group> top = groups.subList(0, Math.min(TOP_GROUPS, groups.size()));

        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "**%,d** question%s asked in %s (`/ask`, mentions, *Apps → Ask Roadmap Bot*).%n",
                counts.asked(),
                counts.asked() == 1 ? "" : "s",
                period.label));
        text.append("**Answered:** ").append(share(counts.answered(), counts.asked()));
        if (counts.curated() > 0) {
            text.append(String.format(Locale.ROOT, " — %,d from this server's FAQ", counts.curated()));
        }
        text.append("\n**Rated helpful 👍:** ")
                .append(share(counts.ratedUp(), counts.ratedUp() + counts.ratedDown()))
                .append(" of rated answers\n");
        if (!keeping) {
            text.append(
                    "\nUnanswered questions are not kept in this server (`/faq settings keep_questions:true` keeps them for 30 days).");
        } else if (top.isEmpty()) {
            text.append("\nNo unanswered or 👎 questions kept for this period.");
        } else {
            text.append("\n**Top unanswered questions** (grouped by similarity; 👎 answers included):\n");
            for (int i = 0; i < top.size(); i++) {
                QuestionGroups.Group g = top.get(i);
                text.append(i + 1)
                        .append(". **")
                        .append(g.count())
                        .append("×** “")
                        .append(Text.escape(Text.truncate(g.question(), 120)))
                        .append("”");
                List<String> others =
                        g.wordings().subList(1, Math.min(3, g.wordings().size()));
                if (!others.isEmpty()) {
                    text.append(" — also ")
                            .append(others.stream()
                                    .map(o -> "“" + Text.escape(Text.truncate(o, 60)) + "”")
                                    .collect(Collectors.joining(", ")));
                }
                text.append('\n');
            }
            text.append("\n**Answer this** opens the add-an-answer form with the group's questions filled in.");
        }
        Reply.Builder reply = Reply.builder(text.toString().strip())
                .title("Insights · " + period.label)
                .ephemeral(true)
                .attachment(new Reply.Attachment(
                        "insights.png", "image/png", InsightsImage.render(period.label, counts, top)));
        for (int i = 0; i < top.size(); i++) {
            List<Long> ids = top.get(i)
                    .ids()
                    .subList(0, Math.min(IDS_PER_BUTTON, top.get(i).ids().size()));
            reply.button(new Reply.Button(
                    answerId(ids).encode(),
                    Text.truncate("Answer this: " + top.get(i).question(), 80),
                    Reply.Button.Style.PRIMARY));
        }
        return reply.build();
    }

    private QuestionGroups grouping() {
        QuestionGroups g = grouping;
        if (g == null) {
            g = new QuestionGroups(analyzer.get());
            grouping = g;
        }
        return g;
    }

    private static String share(long part, long whole) {
        return whole == 0
                ? "—"
                : String.format(Locale.ROOT, "%d %% (%,d of %,d)", Math.round(100.0 * part / whole), part, whole);
    }

    /** The id of an "Answer this" button and of its form: as many of the group's ids as Discord's 100 characters hold. */
    private static ButtonId answerId(List<Long> ids) {
        List<String> fitting = new ArrayList<>();
        int length = ButtonId.of(NAME, ANSWER).encode().length();
        for (Long id : ids) {
            String arg = String.valueOf(id);
            length += 1 + arg.length();
            if (length > ButtonId.MAX_LENGTH) {
                break;
            }
            fitting.add(arg);
        }
        return ButtonId.of(NAME, ANSWER, fitting.toArray(String[]::new));
    }

    /** "Answer this": the add-an-answer form with the group's questions (those still kept) filled in. */
    private Reply answerThis(CommandRequest presser, List<Long> ids) {
        requireModerator(presser);
        List<InsightsStore.Kept> kept = store.questions(presser.guildId(), ids);
        if (kept.isEmpty()) {
            throw new UserError("Those questions are no longer kept (answered already, or older than 30 days). "
                    + "Run `/insights` again for the current ones.");
        }
        String questions = kept.stream()
                .map(InsightsStore.Kept::question)
                .map(q -> Text.truncate(q.replaceAll("\\s+", " "), org.roadmapbot.faq.FaqInput.MAX_QUESTION_LENGTH))
                .distinct()
                .limit(org.roadmapbot.faq.FaqInput.MAX_QUESTIONS)
                .collect(Collectors.joining("\n"));
        return FaqCommand.addForm(answerId(ids), questions, null);
    }

    /** The form of "Answer this" submitted: the answer is added as /faq add does, and its questions are no longer kept as unanswered. */
    private Reply answered(CommandRequest submitter, List<Long> ids, Map<String, String> values) {
        Reply added = faqCommand.submitAdd(submitter, values);
        if (!added.error()) {
            store.forget(submitter.guildId(), ids);
        }
        return added;
    }

    /** The question ids of a button or form (the codec checked their count and characters; they must be numbers). */
    private static List<Long> ids(ButtonId id) {
        List<Long> ids = new ArrayList<>();
        for (String part : id.args()) {
            if (!part.matches("\\d{1,18}")) {
                throw new UserError(ButtonId.STALE);
            }
            ids.add(Long.parseLong(part));
        }
        return ids;
    }

    private static void requireModerator(CommandRequest request) {
        if (request.guildId().isEmpty()) {
            throw new UserError("Please use this in the server.");
        }
        if (!request.moderator()) {
            throw new UserError("Only moderators (Manage Server or the moderator role) can use `/insights`.");
        }
    }
}
