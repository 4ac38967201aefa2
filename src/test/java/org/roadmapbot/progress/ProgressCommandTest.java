package org.roadmapbot.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roadmapbot.core.Command;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.testing.BotPerTest;
import org.roadmapbot.testing.TestBot;

class ProgressCommandTest {

    private static final String G = "100";
    private static final String ME = "1";
    private static final String OTHER = "2";

    @RegisterExtension
    final BotPerTest bot = new BotPerTest(this::newBot);

    /** The database under test: H2 here; a subclass runs every test again on PostgreSQL. */
    TestBot newBot(Path dir) {
        return new TestBot(dir);
    }

    private Reply progress(String sub, Object... options) {
        return bot.run(G, ME, ProgressCommand.NAME, sub, options);
    }

    private void startPython() {
        assertThat(progress("start", "track", "python", "pace", "part-time").error())
                .isFalse();
    }

    private List<ProgressEvent> events() {
        return bot.repository().events(G, ME);
    }

    @Test
    void showBeforeStartSaysHowToStartAndStoresNothing() {
        Reply reply = progress("show");

        assertThat(reply.content())
                .contains("haven't started")
                .contains("/progress start")
                .contains("python");
        assertThat(reply.error()).isFalse();
        assertThat(bot.repository().load(G, ME).enrollment()).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void startStoresTrackPaceAndStartDateAndGivesTheFinishWindow() {
        Reply reply = progress("start", "track", "python", "pace", "part-time");

        assertThat(reply.error()).isFalse();
        assertThat(reply.content())
                .contains("**Python** track")
                .contains("part-time")
                .contains("10-15 months")
                .contains("starting 5 Jan 2026")
                .contains("between 5 Nov 2026 and 5 Apr 2027")
                .contains("Pick a primary language");
        assertThat(reply.buttons()).extracting(Reply.Button::customId).containsExactly("2:progress:next");
        assertThat(bot.repository().enrollment(G, ME)).contains(new Enrollment("python", "part-time", TestBot.T0));
        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("start");
            assertThat(e.trackId()).isEqualTo("python");
            assertThat(e.paceId()).isEqualTo("part-time");
            assertThat(e.occurredAt()).isEqualTo(TestBot.T0);
        });
    }

    @Test
    void startAcceptsChoicesInAnyCase() {
        Reply reply = progress("start", "track", "JavaScript", "pace", "Full-Time");

        assertThat(reply.error()).isFalse();
        assertThat(bot.repository().enrollment(G, ME)).map(Enrollment::trackId).contains("javascript");
        assertThat(bot.repository().enrollment(G, ME)).map(Enrollment::paceId).contains("full-time");
    }

    @Test
    void startTwiceWithTheSameChoiceChangesNothing() {
        startPython();
        bot.clock().advance(Duration.ofDays(3));

        Reply again = progress("start", "track", "python", "pace", "part-time");

        assertThat(again.error()).isTrue();
        assertThat(again.content()).contains("already on the Python track").contains("nothing changed");
        assertThat(events()).hasSize(1);
        assertThat(bot.repository().enrollment(G, ME).orElseThrow().startedAt()).isEqualTo(TestBot.T0);
    }

    @Test
    void startAgainWithAnotherTrackSwitchesAndKeepsStartDateAndTopics() {
        startPython();
        progress("done", "topic", "git-basics");
        bot.clock().advance(Duration.ofDays(30));

        Reply reply = progress("start", "track", "javascript", "pace", "full-time");

        assertThat(reply.error()).isFalse();
        assertThat(reply.content())
                .contains("Switched from Python / part-time")
                .contains("JavaScript/TypeScript")
                .contains("start date (5 Jan 2026)");
        assertThat(bot.repository().enrollment(G, ME)).contains(new Enrollment("javascript", "full-time", TestBot.T0));
        assertThat(bot.repository().load(G, ME).state("git-basics")).contains(TopicState.DONE);
        assertThat(events()).extracting(ProgressEvent::kind).containsExactly("start", "done", "start");
    }

    @Test
    void startWithAnUnknownTrackIsRefusedByTheRouter() {
        Reply reply = progress("start", "track", "rust", "pace", "part-time");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("must be one of").contains("javascript, python");
        assertThat(bot.repository().enrollment(G, ME)).isEmpty();
    }

    @Test
    void doneBeforeStartAsksToStartFirst() {
        Reply reply = progress("done", "topic", "http-basics");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).startsWith("Start first");
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();
        assertThat(events()).isEmpty();
    }

    @Test
    void doneStoresTheStateAndAnEventAndReportsPercent() {
        startPython();
        bot.clock().advance(Duration.ofHours(5));

        Reply reply = progress("done", "topic", "http-basics");

        assertThat(reply.error()).isFalse();
        assertThat(reply.content())
                .contains("Marked **How HTTP works** done")
                .contains("4% through the Python track (1/25");
        assertThat(reply.buttons())
                .extracting(Reply.Button::customId)
                .containsExactly("2:progress:undo:http-basics", "2:progress:next");
        TopicMark mark = bot.repository().load(G, ME).topics().get("http-basics");
        assertThat(mark.state()).isEqualTo(TopicState.DONE);
        assertThat(mark.since()).isEqualTo(TestBot.T0.plus(Duration.ofHours(5)));
        ProgressEvent last = events().get(events().size() - 1);
        assertThat(last.kind()).isEqualTo("done");
        assertThat(last.topicId()).isEqualTo("http-basics");
        assertThat(last.previousState()).isNull();
        assertThat(last.occurredAt()).isEqualTo(TestBot.T0.plus(Duration.ofHours(5)));
    }

    @Test
    void topicsMatchByNameCaseAndPunctuation() {
        startPython();

        assertThat(progress("done", "topic", "How HTTP works").error()).isFalse();
        assertThat(progress("done", "topic", "GIT_BASICS").error()).isFalse();
        assertThat(progress("done", "topic", "sql").error()).isFalse();

        assertThat(bot.repository().load(G, ME).topics().keySet())
                .containsExactlyInAnyOrder("http-basics", "git-basics", "sql-fundamentals");
    }

    @Test
    void doubleDoneIsPoliteAndWritesNothing() {
        startPython();
        progress("done", "topic", "http-basics");

        Reply twice = progress("done", "topic", "http-basics");

        assertThat(twice.error()).isTrue();
        assertThat(twice.ephemeral()).isTrue();
        assertThat(twice.content()).contains("already marked done").contains("nothing changed");
        assertThat(events()).extracting(ProgressEvent::kind).containsExactly("start", "done");
    }

    @Test
    void undoOfNothingIsPoliteAndWritesNothing() {
        startPython();

        Reply reply = progress("undo", "topic", "http-basics");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("Nothing to undo").contains("How HTTP works");
        assertThat(events()).extracting(ProgressEvent::kind).containsExactly("start");
    }

    @Test
    void undoClearsTheMarkAndRecordsWhatItWas() {
        startPython();
        progress("done", "topic", "http-basics");

        Reply reply = progress("undo", "topic", "http-basics");

        assertThat(reply.error()).isFalse();
        assertThat(reply.content()).contains("Removed the *done* mark").contains("0% through");
        assertThat(bot.repository().load(G, ME).state("http-basics")).isEmpty();
        ProgressEvent last = events().get(events().size() - 1);
        assertThat(last.kind()).isEqualTo("undo");
        assertThat(last.previousState()).isEqualTo("done");
    }

    @Test
    void skipTakesTheTopicOutOfThePercent() {
        startPython();
        progress("done", "topic", "http-basics");

        Reply reply = progress("skip", "topic", "oop-basics");

        assertThat(reply.content())
                .contains("Skipped **Object-oriented programming basics**")
                .contains("(1/24 topics done)");
        assertThat(bot.repository().load(G, ME).state("oop-basics")).contains(TopicState.SKIPPED);
    }

    @Test
    void studyingThenDoneRecordsBothStatesInOrder() {
        startPython();

        Reply studying = progress("studying", "topic", "git-basics");
        Reply done = progress("done", "topic", "git-basics");

        assertThat(studying.content()).contains("**Git** is now in progress").contains("Resources:");
        assertThat(done.content()).contains("(was in progress)");
        assertThat(events())
                .extracting(ProgressEvent::kind, ProgressEvent::previousState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("start", null),
                        org.assertj.core.groups.Tuple.tuple("in_progress", null),
                        org.assertj.core.groups.Tuple.tuple("done", "in_progress"));
    }

    @Test
    void unknownTopicWithNothingCloseSaysHowToFindTopics() {
        startPython();

        Reply reply = progress("done", "topic", "quantum basket weaving");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content())
                .contains("I don't know the topic `quantum basket weaving`")
                .contains("/roadmap");
        assertThat(reply.buttons()).isEmpty();
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();
    }

    @Test
    void nearMissSuggestsTheTopicWithAButtonThatWorks() {
        startPython();

        Reply reply = progress("done", "topic", "htp basics");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).contains("Did you mean").contains("**How HTTP works** (`http-basics`)");
        assertThat(reply.buttons()).extracting(Reply.Button::customId).startsWith("2:progress:done:http-basics");
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();

        // The version-1 id of a message sent before issue 16 still works.
        Reply pressed = bot.press(G, ME, "progress:done:http-basics");

        assertThat(pressed.content()).contains("Marked **How HTTP works** done");
        assertThat(bot.repository().load(G, ME).state("http-basics")).contains(TopicState.DONE);
    }

    @Test
    void ambiguousTextListsTheCandidates() {
        startPython();

        Reply reply = progress("done", "topic", "testing");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content())
                .contains("unit-testing")
                .contains("integration-testing")
                .contains("load-testing");
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();
    }

    @Test
    void aTopicOfTheOtherTrackIsRefused() {
        startPython();

        Reply reply = progress("done", "topic", "nodejs");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content())
                .contains("**Node.js** is on the JavaScript/TypeScript track")
                .contains("you're on Python");
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();
    }

    @Test
    void showGivesPhasePercentBarsAndExpectedFinish() {
        startPython();
        for (String topic : List.of("pick-primary-language", "variables-functions-control-flow", "data-structures")) {
            progress("done", "topic", topic);
        }
        progress("skip", "topic", "oop-basics");
        bot.clock().advance(Duration.ofDays(2));

        Reply reply = progress("show");

        assertThat(reply.error()).isFalse();
        assertThat(reply.ephemeral()).isFalse();
        assertThat(reply.content())
                .contains("**Member 1** · Python track · part-time pace")
                .contains("Phase 1 of 4: Programming Foundations")
                .contains("**12%** complete (3/24 topics done, 1 skipped)")
                .contains("Started 5 Jan 2026")
                .contains("expected finish between 5 Nov 2026 and 5 Apr 2027")
                .contains("ahead of your pace");
        assertThat(reply.fields()).hasSize(4);
        assertThat(reply.fields().get(0).name()).isEqualTo("Phase 1 · Programming Foundations");
        assertThat(reply.fields().get(0).value()).isEqualTo("`█████░░░░░` 3/6 done, 1 skipped");
        assertThat(reply.fields().get(1).value()).isEqualTo("`░░░░░░░░░░` 0/4 done");
    }

    @Test
    void showSaysBehindWhenTimePassesWithoutProgress() {
        startPython();
        bot.clock().advance(Duration.ofDays(120));

        assertThat(progress("show").content()).contains("a bit behind your pace");
    }

    @Test
    void showAnotherMemberOnlyReads() {
        bot.run(G, OTHER, "progress", "start", "track", "javascript", "pace", "full-time");
        bot.run(G, OTHER, "progress", "done", "topic", "nodejs");
        List<ProgressEvent> before = bot.repository().events(G, OTHER);

        Reply reply = progress("show", "member", OTHER);

        assertThat(reply.error()).isFalse();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .contains("<@2>")
                .contains("JavaScript/TypeScript track")
                .contains("1/26 topics done");
        assertThat(reply.buttons()).isEmpty();
        assertThat(bot.repository().events(G, OTHER)).isEqualTo(before);
        assertThat(bot.repository().load(G, ME).enrollment()).isEmpty();
    }

    @Test
    void showAnotherMemberWhoHidThemselvesRevealsNothing() {
        bot.run(G, OTHER, "progress", "start", "track", "javascript", "pace", "full-time");
        bot.run(G, OTHER, "privacy", "leaderboard", "visible", false);

        Reply reply = progress("show", "member", OTHER);

        assertThat(reply.content()).isEqualTo("<@2> keeps their progress private.");
        assertThat(reply.fields()).isEmpty();
    }

    @Test
    void showOfAMemberWhoNeverStarted() {
        assertThat(progress("show", "member", OTHER).content())
                .isEqualTo("<@2> hasn't started the roadmap in this server yet.");
    }

    @Test
    void showRefusesSomethingThatIsNotAMember() {
        Reply reply = progress("show", "member", "@everyone hi");

        assertThat(reply.error()).isTrue();
        assertThat(reply.content()).doesNotContain("@everyone");
    }

    @Test
    void nextListsTopicsWithResourcesAndDoneButtonsForThePresserOnly() {
        startPython();
        progress("studying", "topic", "git-basics");

        Reply reply = progress("next");

        assertThat(reply.error()).isFalse();
        assertThat(reply.content()).contains("• **Git** (in progress)").contains("• **Pick a primary language**");
        assertThat(reply.fields()).hasSize(3);
        assertThat(reply.fields().get(0).name()).isEqualTo("Phase 1 · Git");
        String gitResource = TestBot.knowledge()
                .resourceName(TestBot.knowledge()
                        .topic("git-basics")
                        .orElseThrow()
                        .resources()
                        .get(0));
        assertThat(reply.fields().get(0).value()).contains("Resources: " + gitResource);
        assertThat(reply.fields().get(1).value())
                .contains("The guide names no course for this topic; `/roadmap phase:1` shows the phase it belongs to.")
                .doesNotContain("how do I learn pick");
        assertThat(reply.buttons())
                .extracting(Reply.Button::customId)
                .containsExactly(
                        "2:progress:done:git-basics",
                        "2:progress:done:pick-primary-language",
                        "2:progress:done:variables-functions-control-flow");
        assertThat(reply.buttons().get(0).label()).isEqualTo("Mark Git done");

        bot.run(G, OTHER, "progress", "start", "track", "python", "pace", "full-time");
        Reply pressed = bot.press(G, OTHER, ProgressCommand.doneButtonId("git-basics"));

        assertThat(pressed.content()).contains("Marked **Git** done");
        assertThat(bot.repository().load(G, OTHER).state("git-basics")).contains(TopicState.DONE);
        assertThat(bot.repository().load(G, ME).state("git-basics")).contains(TopicState.IN_PROGRESS);
    }

    @Test
    void nextMovesOnAsTopicsAreDoneAndCelebratesTheEnd() {
        startPython();
        List<Topic> track = TestBot.knowledge().topicsForTrack("python");
        Reply last = null;
        for (Topic topic : track.subList(0, 7)) {
            last = progress("done", "topic", topic.id());
        }
        assertThat(last.content()).contains("Phase 1 (Programming Foundations) complete!");
        assertThat(progress("next").content()).contains("phase 2: Server-Side Basics");

        for (Topic topic : track.subList(7, track.size())) {
            last = progress("done", "topic", topic.id());
        }
        assertThat(last.content()).contains("100% through").contains("every topic of your track");
        assertThat(progress("next").content()).contains("You've handled every topic");
        assertThat(progress("show").content()).contains("Every phase complete").contains("finished");
    }

    @Test
    void undoButtonClearsTheMark() {
        startPython();
        Reply done = progress("done", "topic", "http-basics");

        Reply undone = bot.press(G, ME, done.buttons().get(0).customId());

        assertThat(undone.content()).contains("Removed the *done* mark");
        assertThat(bot.repository().load(G, ME).state("http-basics")).isEmpty();
    }

    @Test
    void buttonsForUnknownTopicsOrActionsAreRefusedPolitely() {
        startPython();

        assertThat(bot.press(G, ME, "progress:done:no-such-topic").content()).contains("no longer part of the roadmap");
        assertThat(bot.press(G, ME, "progress:explode:http-basics").content()).contains("no longer does anything");
        assertThat(bot.repository().load(G, ME).topics()).isEmpty();
    }

    @Test
    void progressIsPerGuild() {
        startPython();
        progress("done", "topic", "http-basics");

        Reply elsewhere = bot.run("200", ME, "progress", "show");
        Reply doneElsewhere = bot.run("200", ME, "progress", "done", "topic", "git-basics");

        assertThat(elsewhere.content()).contains("haven't started");
        assertThat(doneElsewhere.content()).startsWith("Start first");
        bot.run("200", ME, "progress", "start", "track", "javascript", "pace", "full-time");
        bot.run("200", ME, "progress", "done", "topic", "git-basics");
        assertThat(bot.repository().load(G, ME).topics().keySet()).containsExactly("http-basics");
        assertThat(bot.repository().load("200", ME).topics().keySet()).containsExactly("git-basics");
        assertThat(bot.repository().enrollment(G, ME)).map(Enrollment::trackId).contains("python");
        assertThat(bot.repository().enrollment("200", ME))
                .map(Enrollment::trackId)
                .contains("javascript");
    }

    @Test
    void autocompleteOffersTopicsOfTheTrackByIdOrName() {
        startPython();
        progress("done", "topic", "http-basics");
        CommandRequest typing = new CommandRequest(G, ME, "Member 1", false, "progress", "done", java.util.Map.of());

        List<Command.Choice> http = bot.router().autocomplete(typing, "topic", "http");
        List<Command.Choice> flask = bot.router().autocomplete(typing, "topic", "fla");
        List<Command.Choice> node = bot.router().autocomplete(typing, "topic", "node");
        List<Command.Choice> typo = bot.router().autocomplete(typing, "topic", "dokcer basics");
        List<Command.Choice> empty = bot.router().autocomplete(typing, "topic", "");

        assertThat(http).extracting(Command.Choice::value).containsExactly("http-basics");
        assertThat(http.get(0).name()).isEqualTo("How HTTP works · phase 1 · done");
        assertThat(flask).extracting(Command.Choice::value).containsExactly("flask-or-fastapi");
        assertThat(node).isEmpty();
        assertThat(typo).extracting(Command.Choice::value).contains("docker-basics");
        assertThat(empty)
                .hasSize(25)
                .extracting(Command.Choice::value)
                .doesNotContain("nodejs")
                .startsWith("pick-primary-language")
                .endsWith("http-basics");
    }

    @Test
    void autocompleteForUndoOffersOnlyMarkedTopics() {
        startPython();
        progress("done", "topic", "http-basics");
        progress("skip", "topic", "oop-basics");
        CommandRequest typing = new CommandRequest(G, ME, "Member 1", false, "progress", "undo", java.util.Map.of());

        assertThat(bot.router().autocomplete(typing, "topic", ""))
                .extracting(Command.Choice::value)
                .containsExactly("oop-basics", "http-basics");
    }

    @Test
    void concurrentChangesAreAllCommittedWithOneEventEach() throws Exception {
        startPython();
        List<Topic> topics = TestBot.knowledge().topicsForTrack("python");
        List<Thread> threads = new java.util.ArrayList<>();
        for (Topic topic : topics) {
            Thread thread = new Thread(() -> progress("done", "topic", topic.id()));
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(bot.repository().load(G, ME).topics()).hasSize(topics.size());
        assertThat(events()).filteredOn(e -> e.kind().equals("done")).hasSize(topics.size());
        assertThat(progress("show").content()).contains("**100%**");
    }

    @Test
    void reportIsEmptyBeforeStart() {
        assertThat(bot.progress().report(G, ME)).isEqualTo(Optional.empty());
        assertThat(Instant.now()).isAfter(TestBot.T0);
    }
}
