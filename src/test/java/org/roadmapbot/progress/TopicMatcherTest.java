package org.roadmapbot.progress;

import static org.assertj.core.api.Assertions.assertThat;

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
    void nonsenseAndBlankFindNothing() {
        assertThat(((TopicMatcher.NotFound) matcher.find("zzzzzzzzzzzz", null)).suggestions())
                .isEmpty();
        assertThat(((TopicMatcher.NotFound) matcher.find("  ", null)).suggestions())
                .isEmpty();
        assertThat(((TopicMatcher.NotFound) matcher.find("ab", null)).suggestions())
                .isEmpty();
    }
}
