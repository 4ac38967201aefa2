package org.roadmapbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roadmapbot.core.Reply;
import org.roadmapbot.progress.TopicState;
import org.roadmapbot.testing.BotPerTest;
import org.roadmapbot.testing.TestBot;

class PrivacyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String G = "100";
    private static final String ME = "1";

    @RegisterExtension
    final BotPerTest bot = new BotPerTest(this::newBot);

    /** The database under test: H2 here; a subclass runs every test again on PostgreSQL. */
    TestBot newBot(Path dir) {
        return new TestBot(dir);
    }

    private void someProgress(String guild, String member) {
        bot.run(guild, member, "progress", "start", "track", "python", "pace", "full-time");
        bot.run(guild, member, "progress", "done", "topic", "http-basics");
        bot.run(guild, member, "progress", "studying", "topic", "git-basics");
    }

    @Test
    void exportAttachesEveryRecordOfTheMemberInThisGuildOnly() throws Exception {
        someProgress(G, ME);
        bot.run(G, ME, "privacy", "leaderboard", "visible", false);
        someProgress(G, "2");
        someProgress("200", ME);

        Reply reply = bot.run(G, ME, "privacy", "export");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).contains("7 records");
        assertThat(reply.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("roadmap-bot-data-100-1.json");
            assertThat(a.contentType()).isEqualTo("application/json");
        });
        JsonNode export = JSON.readTree(reply.attachments().get(0).data());
        assertThat(export.get("guild_id").asText()).isEqualTo(G);
        assertThat(export.get("member_id").asText()).isEqualTo(ME);
        JsonNode data = export.get("data");
        assertThat(data.get("member_track")).hasSize(1);
        assertThat(data.get("member_track").get(0).get("track_id").asText()).isEqualTo("python");
        assertThat(data.get("member_track").get(0).get("started_at").asText()).isEqualTo(TestBot.T0.toString());
        assertThat(data.get("topic_progress")).hasSize(2);
        assertThat(data.get("progress_event")).hasSize(3);
        assertThat(data.get("member_settings").get(0).get("leaderboard_hidden").asBoolean())
                .isTrue();
        for (String table : PersonalData.TABLES) {
            for (JsonNode row : data.get(table)) {
                assertThat(row.get("guild_id").asText()).isEqualTo(G);
                assertThat(row.get("member_id").asText()).isEqualTo(ME);
            }
        }
    }

    @Test
    void exportWithNothingStoredIsAnEmptyRecord() throws Exception {
        Reply reply = bot.run(G, ME, "privacy", "export");

        assertThat(reply.content()).contains("I store nothing about you");
        JsonNode data = JSON.readTree(reply.attachments().get(0).data()).get("data");
        PersonalData.TABLES.forEach(t -> assertThat(data.get(t)).isEmpty());
    }

    @Test
    void deleteAsksFirstAndTheConfirmButtonDeletesEverythingOfThePresserInThisGuild() throws Exception {
        someProgress(G, ME);
        bot.run(G, ME, "privacy", "leaderboard", "visible", false);
        someProgress(G, "2");
        someProgress("200", ME);

        Reply ask = bot.run(G, ME, "privacy", "delete");

        assertThat(ask.content()).contains("all 7 records").contains("cannot be undone");
        assertThat(ask.buttons())
                .extracting(Reply.Button::customId)
                .containsExactly("2:privacy:confirm-delete", "2:privacy:cancel-delete");
        assertThat(bot.personalData().count(G, ME)).isEqualTo(7);

        Reply done = bot.press(G, ME, PrivacyCommand.CONFIRM_DELETE);

        assertThat(done.content()).contains("deleted 7 records");
        assertThat(bot.personalData().count(G, ME)).isZero();
        assertThat(rowsFor(G, ME)).isZero();
        assertThat(bot.repository().leaderboardHidden(G, ME)).isFalse();
        assertThat(bot.repository().load(G, "2").state("http-basics")).contains(TopicState.DONE);
        assertThat(bot.repository().load("200", ME).state("http-basics")).contains(TopicState.DONE);
        assertThat(bot.run(G, ME, "progress", "show").content()).contains("haven't started");
        JsonNode after = JSON.readTree(
                        bot.run(G, ME, "privacy", "export").attachments().get(0).data())
                .get("data");
        PersonalData.TABLES.forEach(t -> assertThat(after.get(t)).isEmpty());
    }

    @Test
    void cancelDeletesNothing() {
        someProgress(G, ME);
        bot.run(G, ME, "privacy", "delete");

        Reply cancelled = bot.press(G, ME, PrivacyCommand.CANCEL_DELETE);

        assertThat(cancelled.content()).contains("nothing was deleted");
        assertThat(bot.personalData().count(G, ME)).isEqualTo(6);
    }

    @Test
    void deleteWithNothingStoredOffersNoButton() {
        Reply reply = bot.run(G, ME, "privacy", "delete");

        assertThat(reply.content()).contains("nothing to delete");
        assertThat(reply.buttons()).isEmpty();
    }

    @Test
    void exportDeleteRoundTripLeavesOtherMembersExportsUnchanged() throws Exception {
        someProgress(G, "2");
        JsonNode before = JSON.readTree(bot.run(G, "2", "privacy", "export")
                        .attachments()
                        .get(0)
                        .data())
                .get("data");
        someProgress(G, ME);

        bot.press(G, ME, PrivacyCommand.CONFIRM_DELETE);

        JsonNode after = JSON.readTree(bot.run(G, "2", "privacy", "export")
                        .attachments()
                        .get(0)
                        .data())
                .get("data");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void leaderboardVisibilityIsStoredPerGuildAndSaysWhenNothingChanged() {
        Reply hide = bot.run(G, ME, "privacy", "leaderboard", "visible", false);
        Reply hideAgain = bot.run(G, ME, "privacy", "leaderboard", "visible", false);

        assertThat(hide.content()).contains("now hidden from leaderboards");
        assertThat(hideAgain.content()).contains("already hidden");
        assertThat(bot.repository().leaderboardHidden(G, ME)).isTrue();
        assertThat(bot.repository().leaderboardHidden("200", ME)).isFalse();

        Reply show = bot.run(G, ME, "privacy", "leaderboard", "visible", true);

        assertThat(show.content()).contains("visible again");
        assertThat(bot.repository().leaderboardHidden(G, ME)).isFalse();
        assertThat(bot.run(G, ME, "privacy", "leaderboard", "visible", true).content())
                .contains("already visible");
    }

    @Test
    void aVisibilityThatIsAlreadySoWritesNothing() throws Exception {
        // Never set: visible by default, so "visible:true" stores no row at all.
        Reply already = bot.run(G, ME, "privacy", "leaderboard", "visible", true);
        assertThat(already.content()).contains("already visible");
        assertThat(JSON.readTree(bot.run(G, ME, "privacy", "export")
                                .attachments()
                                .get(0)
                                .data())
                        .toString())
                .doesNotContain("leaderboard_hidden");

        bot.run(G, ME, "privacy", "leaderboard", "visible", false);
        JsonNode before = JSON.readTree(
                        bot.run(G, ME, "privacy", "export").attachments().get(0).data())
                .get("data");
        bot.clock().advance(java.time.Duration.ofHours(1));
        assertThat(bot.run(G, ME, "privacy", "leaderboard", "visible", false).content())
                .contains("already hidden");
        JsonNode after = JSON.readTree(
                        bot.run(G, ME, "privacy", "export").attachments().get(0).data())
                .get("data");
        assertThat(after).as("same rows, same updated_at").isEqualTo(before);
    }

    /** The list in PersonalData must name every table that holds member data, or delete would miss it. */
    @Test
    void everyTableWithAMemberIdColumnIsListedForExportAndDelete() throws Exception {
        List<String> tablesWithMembers = new ArrayList<>();
        try (Connection c = bot.database().dataSource().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.columns WHERE column_name = 'member_id' "
                                        + "AND table_schema = 'public'")) {
            while (rs.next()) {
                tablesWithMembers.add(rs.getString(1));
            }
        }
        assertThat(tablesWithMembers).isNotEmpty();
        List<String> listed = new ArrayList<>(PersonalData.TABLES);
        listed.addAll(PersonalData.LINKED_TABLES);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(tablesWithMembers);
    }

    private int rowsFor(String guild, String member) throws Exception {
        int total = 0;
        try (Connection c = bot.database().dataSource().getConnection()) {
            for (String table : java.util.stream.Stream.concat(
                            PersonalData.TABLES.stream(), PersonalData.LINKED_TABLES.stream())
                    .toList()) {
                try (var ps =
                        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE guild_id = ? AND member_id = ?")) {
                    ps.setString(1, guild);
                    ps.setString(2, member);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getInt(1);
                    }
                }
            }
        }
        return total;
    }
}
