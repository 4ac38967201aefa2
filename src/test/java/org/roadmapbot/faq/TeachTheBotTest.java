package org.roadmapbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.privacy.PrivacyCommand;
import org.roadmapbot.testing.MutableClock;
import org.roadmapbot.testing.TableDigest;

/**
 * The whole loop in the core, through the real router on a real database: a question the bot cannot
 * answer appears in /insights, a moderator answers it from there, and a member asking it in other words
 * gets the new answer, cited as the server's FAQ, in that server only. Then what may go wrong on the way:
 * bad input, non-moderators, numbers, the per-server limit, settings, ratings and privacy.
 */
class TeachTheBotTest {

    static final String G = "910000000000000001";
    static final String OTHER = "910000000000000002";
    static final String MOD = "1001";
    static final String ANN = "1002";
    static final String BEN = "1003";

    @TempDir
    Path dir;

    Application app;
    final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() {
        app = Application.start(config(dir), clock);
    }

    /** The database under test: H2 here; a subclass runs every test again on PostgreSQL. */
    AppConfig config(Path dataDir) {
        return new AppConfig(dataDir, Optional.empty());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    // ---------------------------------------------------------------- the loop

    @Test
    void anUnansweredQuestionBecomesAnAnswerThatAParaphraseGetsCitedAsTheServersFaq() {
        Reply first = ask(G, ANN, "Is there a book club on this server?");
        assertThat(first.sources()).isEmpty();
        assertThat(ask(G, BEN, "is there a book club here?").sources()).isEmpty();
        assertThat(ask(G, BEN, "how much is boot.dev per month?").sources()).isNotEmpty();

        assertThat(run(G, ANN, false, "insights", null, Map.of()).content()).contains("Only moderators");
        Reply insights = run(G, MOD, true, "insights", null, Map.of());
        assertThat(insights.content())
                .contains("**3** questions asked")
                .contains("**Answered:** 33 % (1 of 3)")
                .contains("**2×** “");
        assertThat(insights.content()).containsIgnoringCase("book club");
        assertThat(insights.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("insights.png");
            assertThat(a.data()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
        Reply.Button answerThis = insights.buttons().get(0);
        assertThat(answerThis.customId()).startsWith("2:insights:answer:");
        assertThat(answerThis.label()).startsWith("Answer this: ").containsIgnoringCase("book club");

        assertThat(press(G, ANN, false, answerThis.customId()).content()).contains("Only moderators");
        Reply form = press(G, MOD, true, answerThis.customId());
        assertThat(form.form()).isNotNull();
        assertThat(form.form().customId()).isEqualTo(answerThis.customId());
        Reply.Input questions = form.form().inputs().get(0);
        assertThat(questions.id()).isEqualTo(FaqCommand.QUESTIONS_INPUT);
        assertThat(questions.value())
                .contains("Is there a book club on this server?")
                .contains("is there a book club here?");

        Reply added = submit(
                G,
                MOD,
                true,
                form.form().customId(),
                Map.of(
                        FaqCommand.QUESTIONS_INPUT,
                        questions.value(),
                        FaqCommand.ANSWER_INPUT,
                        "Yes: the book club meets on the first Sunday of each month in #book-club."));
        assertThat(added.error()).as(added.content()).isFalse();
        assertThat(added.content()).startsWith("Added answer **#1**").doesNotContain("⚠️");

        Reply answer = ask(G, ANN, "when does the book club meet?");
        assertThat(answer.content()).contains("first Sunday of each month").doesNotContain("Source:");
        assertThat(answer.sources()).containsExactly("server-faq-1");
        // The source is named once, in the footer.
        assertThat(answer.footer()).contains("this server's FAQ, answer #1");
        // Another server never sees it.
        assertThat(ask(OTHER, ANN, "when does the book club meet?").sources()).noneMatch(CuratedAnswer::isCurated);

        // Answered now: the group left /insights, and the counts show the curated answer.
        Reply after = run(G, MOD, true, "insights", null, Map.of());
        assertThat(after.content())
                .doesNotContainIgnoringCase("book club here")
                .contains("**Answered:** 50 % (2 of 4) — 1 from this server's FAQ");
        assertThat(after.buttons()).noneMatch(b -> b.label().contains("book club"));
    }

    @Test
    void ratingsAreCountedOncePerMemberAndAThumbsDownKeepsItsQuestion() {
        Reply answer = ask(G, ANN, "how much is boot.dev per month?");
        String down = button(answer, "2:ask:rate:down:");
        String up = button(answer, "2:ask:rate:up:");
        assertThat(press(G, ANN, false, down).content()).contains("Thanks for telling me");
        assertThat(press(G, ANN, false, up).content()).contains("already rated");
        assertThat(press(G, BEN, false, up).content()).contains("Glad it helped");
        // A rating button of this server pressed in another: counted there, its question not carried over.
        assertThat(press(OTHER, BEN, false, down).content()).contains("Thanks for telling me");

        Reply insights = run(G, MOD, true, "insights", null, Map.of());
        assertThat(insights.content())
                .contains("**Rated helpful 👍:** 50 % (1 of 2)")
                .contains("how much is boot.dev per month?");
        assertThat(run(OTHER, MOD, true, "insights", null, Map.of()).content()).doesNotContain("boot.dev");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        faq(G, "add", Map.of("question", "When is the study call?", "answer", "Tuesdays at 18:00 UTC."));
        Map<String, List<String>> before = TableDigest.contents(app.database().dataSource());
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("   | ", "Give at least one example question");
        refusals.put("q".repeat(201), "at most 200 characters");
        refusals.put(
                String.join(
                        " | ",
                        java.util.stream.IntStream.range(0, 9)
                                .mapToObj(i -> "question " + i + "?")
                                .toList()),
                "At most 8 example questions");
        for (Map.Entry<String, String> bad : refusals.entrySet()) {
            Reply r = run(G, MOD, true, "faq", "add", Map.of("question", bad.getKey(), "answer", "fine"));
            assertThat(r.error()).as(bad.getKey()).isTrue();
            assertThat(r.content()).contains(bad.getValue());
        }
        List<String> pings = List.of(
                "Ask @everyone in #general",
                "ping @HERE please",
                "ask ＠everyone",
                "the <@&300000000000000002> role knows");
        for (String ping : pings) {
            Reply inAnswer = run(G, MOD, true, "faq", "add", Map.of("question", "who knows?", "answer", ping));
            assertThat(inAnswer.error()).as(ping).isTrue();
            assertThat(inAnswer.content()).as(ping).containsAnyOf("ping the whole server", "can't mention a role");
            Reply inQuestion = run(G, MOD, true, "faq", "add", Map.of("question", ping, "answer", "someone"));
            assertThat(inQuestion.error()).as(ping).isTrue();
        }
        assertThat(run(G, MOD, true, "faq", "add", Map.of("question", "q?", "answer", "a".repeat(1501)))
                        .content())
                .contains("too long");
        assertThat(run(G, MOD, true, "faq", "add", Map.of("question", "q?", "answer", "   "))
                        .content())
                .contains("cannot be empty");
        // The same through the form.
        assertThat(submit(
                                G,
                                MOD,
                                true,
                                "faq:add",
                                Map.of(FaqCommand.QUESTIONS_INPUT, "q?", FaqCommand.ANSWER_INPUT, ""))
                        .content())
                .contains("cannot be empty");
        assertThat(submit(G, MOD, true, "faq:add", Map.of(FaqCommand.QUESTIONS_INPUT, "", FaqCommand.ANSWER_INPUT, "a"))
                        .content())
                .contains("at least one example question");
        assertThat(submit(
                                G,
                                MOD,
                                true,
                                "faq:edit:1",
                                Map.of(FaqCommand.QUESTIONS_INPUT, "q?", FaqCommand.ANSWER_INPUT, "@everyone look"))
                        .error())
                .isTrue();
        assertThat(submit(G, MOD, true, "faq:edit:x", Map.of()).content()).contains("no longer does anything");
        assertThat(run(G, MOD, true, "faq", "edit", Map.of("number", 7L, "answer", "x"))
                        .content())
                .contains("no answer #7");
        assertThat(run(G, MOD, true, "faq", "remove", Map.of("number", 7L)).content())
                .contains("no answer #7");
        assertThat(TableDigest.contents(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void onlyModeratorsChangeTheFaqWhateverReachesTheCore() {
        Map<String, List<String>> before = TableDigest.contents(app.database().dataSource());
        assertThat(run(G, ANN, false, "faq", "add", Map.of("question", "q?", "answer", "a"))
                        .content())
                .contains("Only moderators");
        assertThat(run(G, ANN, false, "faq", "list", Map.of()).content()).contains("Only moderators");
        // A form submitted by someone the adapter did not mark as moderator: refused by the command itself.
        Reply forged = submit(
                G, ANN, false, "faq:add", Map.of(FaqCommand.QUESTIONS_INPUT, "q?", FaqCommand.ANSWER_INPUT, "a"));
        assertThat(forged.content()).contains("Only moderators");
        assertThat(TableDigest.contents(app.database().dataSource())).isEqualTo(before);
        assertThat(app.router()
                        .autocomplete(new CommandRequest(G, ANN, "Ann", false, "faq", "edit", Map.of()), "number", ""))
                .isEmpty();
    }

    // ---------------------------------------------------------------- add, edit, remove, list

    @Test
    void answersAreNumberedPerServerEditedRemovedAndListed() {
        faq(
                G,
                "add",
                Map.of(
                        "question",
                        "When is the study call? | What time is the study call?",
                        "answer",
                        "Tuesdays 18:00 UTC."));
        faq(G, "add", Map.of("question", "Where are the server rules?", "answer", "In #rules."));
        assertThat(faq(OTHER, "add", Map.of("question", "Is there a book club?", "answer", "No."))
                        .content())
                .startsWith("Added answer **#1**");

        Reply edited = faq(G, "edit", Map.of("number", 1L, "answer", "Wednesdays 19:00 UTC in #study-hall."));
        assertThat(edited.content()).startsWith("Saved answer **#1**");
        assertThat(ask(G, ANN, "what time is the study call?").content())
                .contains("Wednesdays 19:00 UTC")
                .doesNotContain("Tuesdays");
        assertThat(app.faqs().find(G, 1).orElseThrow().questions())
                .containsExactly("When is the study call?", "What time is the study call?");
        assertThat(writer(G, 1)).isEqualTo(MOD);

        assertThat(faq(G, "remove", Map.of("number", 2L)).content()).startsWith("Removed answer **#2**");
        assertThat(ask(G, ANN, "where can I read the server rules?").sources()).noneMatch(CuratedAnswer::isCurated);
        // A number is never reused: an old "#2" never means a new answer.
        assertThat(faq(G, "add", Map.of("question", "How do I get a role?", "answer", "In #roles."))
                        .content())
                .startsWith("Added answer **#3**");

        Reply list = faq(G, "list", Map.of());
        assertThat(list.content())
                .contains("**#1** When is the study call?")
                .contains("(+1 more)")
                .contains("**#3** How do I get a role?")
                .doesNotContain("#2")
                .doesNotContain("book club");
        assertThat(list.ephemeral()).isTrue();
        assertThat(app.router()
                        .autocomplete(
                                new CommandRequest(G, MOD, "Mod", true, "faq", "edit", Map.of()), "number", "role"))
                .extracting(c -> c.value())
                .containsExactly("3");
        // Without both options, add and edit open the form, with what is known filled in.
        Reply addForm = faq(G, "add", Map.of("question", "one? | two?"));
        assertThat(addForm.form().inputs().get(0).value()).isEqualTo("one?\ntwo?");
        assertThat(addForm.content()).contains("question:").contains("answer:");
        Reply editForm = faq(G, "edit", Map.of("number", 1L));
        assertThat(editForm.form().customId()).isEqualTo("2:faq:edit:1");
        assertThat(editForm.form().inputs().get(1).value()).isEqualTo("Wednesdays 19:00 UTC in #study-hall.");
    }

    @Test
    void aServerHoldsAtMostAHundredAnswers() {
        FaqStore store = new FaqStore(app.database().dataSource());
        for (int i = 0; i < FaqStore.MAX_PER_SERVER; i++) {
            store.add(G, FaqInput.of("question number " + i + "?", "answer " + i), MOD, clock.instant());
        }
        Map<String, List<String>> before = TableDigest.contents(app.database().dataSource());
        Reply refused = faq(G, "add", Map.of("question", "one more?", "answer", "no room"));
        assertThat(refused.error()).isTrue();
        assertThat(refused.content()).contains("already has 100 curated answers");
        assertThat(TableDigest.contents(app.database().dataSource())).isEqualTo(before);
    }

    // ---------------------------------------------------------------- settings

    @Test
    void aHelpChannelWithoutTheMessageContentIntentIsSavedWithAClearWarning() {
        Reply saved = faq(G, "settings", Map.of("help_channel", "400000000000000001"));
        assertThat(saved.content())
                .contains("Saved")
                .contains("<#400000000000000001>")
                .contains("can't read posts there yet")
                .contains("DISCORD_MESSAGE_CONTENT_INTENT")
                .contains("Developer Portal");
        assertThat(app.faqs().settings(G).helpChannelId()).contains("400000000000000001");
        assertThat(faq(G, "settings", Map.of()).content()).contains("can't read posts there yet");
        assertThat(faq(G, "settings", Map.of("help_channel", "not-a-channel")).content())
                .contains("must be a channel");
        assertThat(faq(G, "settings", Map.of("help_channel_off", true)).content())
                .contains("**Help channel:** none");
        assertThat(app.faqs().settings(G).helpChannelId()).isEmpty();
    }

    @Test
    void turningKeepingOffForgetsTheKeptQuestionsAndKeepsNoMore() {
        ask(G, ANN, "Is there a book club on this server?");
        ask(OTHER, ANN, "Is there a chess club on this server?");
        app.askLog().flush();
        assertThat(count("SELECT COUNT(*) FROM insights_question WHERE guild_id = '" + G + "'"))
                .isEqualTo(1);

        assertThat(faq(G, "settings", Map.of("keep_questions", false)).content())
                .contains("not kept");
        assertThat(count("SELECT COUNT(*) FROM insights_question WHERE guild_id = '" + G + "'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM insights_question WHERE guild_id = '" + OTHER + "'"))
                .isEqualTo(1);
        ask(G, ANN, "Is there a film club on this server?");
        Reply insights = run(G, MOD, true, "insights", null, Map.of());
        assertThat(insights.content()).contains("not kept in this server").contains("**2** questions asked");
        assertThat(count("SELECT COUNT(*) FROM insights_question WHERE guild_id = '" + G + "'"))
                .isZero();

        faq(G, "settings", Map.of("keep_questions", true));
        ask(G, ANN, "Is there a knitting club on this server?");
        app.askLog().flush();
        assertThat(count("SELECT COUNT(*) FROM insights_question WHERE guild_id = '" + G + "'"))
                .isEqualTo(1);
    }

    @Test
    void keptQuestionsAndCountsGoAfterThirtyDays() {
        ask(G, ANN, "Is there a book club on this server?");
        app.askLog().flush();
        clock.advance(java.time.Duration.ofDays(29));
        app.askLog().expire();
        assertThat(count("SELECT COUNT(*) FROM insights_question")).isEqualTo(1);
        assertThat(run(G, MOD, true, "insights", null, Map.of("period", "month"))
                        .content())
                .containsIgnoringCase("book club");
        assertThat(run(G, MOD, true, "insights", null, Map.of("period", "week")).content())
                .doesNotContainIgnoringCase("book club")
                .contains("**0** questions asked");
        clock.advance(java.time.Duration.ofDays(2));
        app.askLog().expire();
        assertThat(count("SELECT COUNT(*) FROM insights_question")).isZero();
        assertThat(count("SELECT COUNT(*) FROM insights_daily")).isZero();
    }

    // ---------------------------------------------------------------- privacy

    @Test
    void aModeratorsExportShowsTheAnswersTheyWroteAndTheirDeleteKeepsTheAnswersWithoutThem() throws Exception {
        faq(G, "add", Map.of("question", "When is the study call?", "answer", "Tuesdays 18:00 UTC."));
        JsonNode export = new ObjectMapper()
                .readTree(run(G, MOD, true, "privacy", "export", Map.of())
                        .attachments()
                        .get(0)
                        .data());
        JsonNode rows = export.path("data").path("faq_answer");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("answer").asText()).isEqualTo("Tuesdays 18:00 UTC.");
        assertThat(rows.get(0).path("member_id").asText()).isEqualTo(MOD);

        assertThat(run(G, MOD, true, "privacy", "delete", Map.of()).content())
                .contains("curated answers you wrote for this server's FAQ stay");
        press(G, MOD, true, PrivacyCommand.CONFIRM_DELETE);
        assertThat(app.personalData().count(G, MOD)).isZero();
        assertThat(writer(G, 1)).isNull();
        assertThat(ask(G, ANN, "what time is the study call?").content()).contains("Tuesdays 18:00 UTC.");
    }

    // ---------------------------------------------------------------- helpers

    private Reply ask(String guild, String member, String question) {
        return run(guild, member, false, "ask", null, Map.of("question", question));
    }

    private Reply faq(String guild, String sub, Map<String, Object> options) {
        Reply reply = run(guild, MOD, true, "faq", sub, options);
        return reply;
    }

    private Reply run(
            String guild, String member, boolean moderator, String command, String sub, Map<String, Object> options) {
        return app.router()
                .dispatch(new CommandRequest(guild, member, "Member " + member, moderator, command, sub, options));
    }

    private Reply press(String guild, String member, boolean moderator, String id) {
        return app.router()
                .button(new CommandRequest(guild, member, "Member " + member, moderator, "press", null, Map.of()), id);
    }

    private Reply submit(String guild, String member, boolean moderator, String formId, Map<String, String> values) {
        return app.router()
                .form(
                        new CommandRequest(guild, member, "Member " + member, moderator, "form", null, Map.of()),
                        formId,
                        values);
    }

    private static String button(Reply reply, String prefix) {
        return reply.buttons().stream()
                .map(Reply.Button::customId)
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    /** Who wrote an answer, as stored. */
    private String writer(String guild, int number) {
        return org.roadmapbot.db.Jdbc.read(app.database().dataSource(), c -> {
            try (var ps =
                    c.prepareStatement("SELECT member_id FROM faq_answer WHERE guild_id = ? AND answer_number = ?")) {
                ps.setString(1, guild);
                ps.setInt(2, number);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private long count(String sql) {
        return org.roadmapbot.db.Jdbc.read(app.database().dataSource(), c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
