package org.roadmapbot.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.testing.TestBot;

class TopicMatcherTest {

    private final TopicMatcher matcher = new TopicMatcher(TestBot.knowledge());

    private String found(String typed, String track) {
        TopicMatcher.Result result = matcher.find(typed, track);
        assertThat(result).as(typed).isInstanceOf(TopicMatcher.Found.class);
        return ((TopicMatcher.Found) result).topic().id();
    }

    @Test
    void matchesIdsNamesAndUniqueParts() {
        assertThat(found("http-basics", null)).isEqualTo("http-basics");
        assertThat(found("How HTTP works", null)).isEqualTo("http-basics");
        assertThat(found("node.js", null)).isEqualTo("nodejs");
        assertThat(found("Express", null)).isEqualTo("expressjs");
        assertThat(found("docker", null)).isEqualTo("docker-basics");
        assertThat(found("sql", "python")).isEqualTo("sql-fundamentals");
    }

    @Test
    void prefersTheMembersTrackAmongPartialMatches() {
        assertThat(found("orm", "python")).isEqualTo("orm-sqlalchemy");
        assertThat(found("orm", "javascript")).isEqualTo("orm-prisma-drizzle");
        assertThat(matcher.find("orm", null)).isInstanceOf(TopicMatcher.NotFound.class);
    }

    @Test
    void nearMissesAreSuggestedNotGuessed() {
        TopicMatcher.Result result = matcher.find("redis cachng", "python");

        assertThat(result).isInstanceOf(TopicMatcher.NotFound.class);
        assertThat(((TopicMatcher.NotFound) result).suggestions())
                .extracting(Topic::id)
                .first()
                .isEqualTo("redis-caching");
    }

    @Test
    void nearMissesAreThoseWithinABoundThatGrowsWithTheLength() {
        // Six letters allow two edits: "nodeqq" is two from "nodejs", "nodqqq" three.
        assertThat(suggestions("nodeqq")).containsExactly("nodejs");
        assertThat(suggestions("nodqqq")).doesNotContain("nodejs");
        // Nineteen letters allow six: two typos in a long name still find it.
        assertThat(suggestions("authentcation basiks")).first().isEqualTo("authentication-basics");
    }

    @Test
    void editsCountsInsertionsDeletionsAndReplacements() {
        assertThat(TopicMatcher.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(TopicMatcher.edits("salery", "salary")).isEqualTo(1);
        assertThat(TopicMatcher.edits("same", "same")).isZero();
        assertThat(TopicMatcher.edits("a", "abcdef")).isEqualTo(5);
        assertThat(TopicMatcher.edits("", "abc")).isEqualTo(3);
        assertThat(TopicMatcher.edits("redisc", "rediscaching")).isEqualTo(6);
    }

    private List<String> suggestions(String typed) {
        TopicMatcher.Result result = matcher.find(typed, null);
        assertThat(result).as(typed).isInstanceOf(TopicMatcher.NotFound.class);
        return ((TopicMatcher.NotFound) result)
                .suggestions().stream().map(Topic::id).toList();
    }

    @Test
    void nonsenseAndBlankFindNothing() {
        assertThat(((TopicMatcher.NotFound) matcher.find("zzzzzzzzzzzz", null)).suggestions())
                .isEmpty();
        assertThat(((TopicMatcher.NotFound) matcher.find("  ", null)).suggestions())
                .isEmpty();
        assertThat(((TopicMatcher.NotFound) matcher.find("ab", null)).suggestions())
                .isEmpty();
    }
}
