package org.roadmapbot.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    @Test
    void aRememberedAnswerIsFoundByItsTokenWithItsServerAndQuestion() {
        RecentAnswers recent = new RecentAnswers();
        String token = recent.remember("g1", "how long is phase 1");
        String other = recent.remember("g2", "what is docker");

        assertThat(token).hasSize(12).matches("[0-9a-z]{12}");
        assertThat(RecentAnswers.wellFormed(token)).isTrue();
        assertThat(recent.find(token)).hasValueSatisfying(r -> {
            assertThat(r.guildId()).isEqualTo("g1");
            assertThat(r.question()).isEqualTo("how long is phase 1");
        });
        assertThat(recent.find(other).map(RecentAnswers.Recent::question)).contains("what is docker");
    }

    @Test
    void unknownAndForgedTokensFindNothing() {
        RecentAnswers recent = new RecentAnswers();
        recent.remember("g1", "q");
        assertThat(recent.find("000000000000")).isEmpty();
        assertThat(recent.find("zzzzzzzzzzzz")).isEmpty(); // beyond any token's number
        assertThat(recent.find("ABCDEFGHIJKL")).isEmpty();
        assertThat(recent.find("-00000000001")).isEmpty();
        assertThat(recent.find("short")).isEmpty();
        assertThat(RecentAnswers.wellFormed("ABCDEFGHIJKL")).isFalse();
        assertThat(RecentAnswers.wellFormed("abc")).isFalse();
        assertThat(RecentAnswers.wellFormed("abcdefghijk!")).isFalse();
    }

    @Test
    void aMemberRatesAnAnswerOnce() {
        RecentAnswers recent = new RecentAnswers();
        RecentAnswers.Recent answer = recent.find(recent.remember("g1", "q")).orElseThrow();
        assertThat(answer.rate("m1")).isTrue();
        assertThat(answer.rate("m1")).isFalse();
        assertThat(answer.rate("m2")).isTrue();
        // The same answer found again remembers its raters.
        String token = recent.remember("g1", "q2");
        assertThat(recent.find(token).orElseThrow().rate("m1")).isTrue();
        assertThat(recent.find(token).orElseThrow().rate("m1")).isFalse();
    }

    @Test
    void tokensAreTwelveBase36DigitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = RecentAnswers.newToken();
            assertThat(RecentAnswers.wellFormed(token)).as(token).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(10_000);
    }
}
