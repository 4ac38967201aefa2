package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roadmapbot.knowledge.data.KnowledgeLoader;

/** askedAs hints are retrieval hints, never copies of test questions (which would make a set meaningless). */
class AskedAsHintsTest {

    static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    @Test
    void noHintEqualsAQuestionOfAnyTestSet() throws IOException {
        Set<String> questions = new HashSet<>();
        for (String set : AnswerAccuracyTest.SETS) {
            AnswerQuality.load(set).forEach(c -> questions.add(key(c.question())));
        }
        assertThat(questions).hasSizeGreaterThan(1000);
        List<String> copies = Entries.of(KnowledgeLoader.loadBundled()).stream()
                .flatMap(e -> e.askedAs().stream().map(h -> e.id() + ": " + h))
                .filter(h -> questions.contains(key(h.substring(h.indexOf(": ") + 2))))
                .toList();
        assertThat(copies).isEmpty();
    }
}
