package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static final String[] QUESTION_SETS = {"sample-questions", "paraphrase-dev", "paraphrase-dev2", "paraphrase-dev3",
            "paraphrase-holdout", "paraphrase-fresh"};
    private static final String[] SEPARATORS = {" ", "  ", "-", ".", ". ", "/", " & ", ", ", "", " + "};

    /**
     * A rewrite is skipped when none of its literals is in the text, so every text its pattern
     * matches must contain one: checked on every entry and question we have, and on random
     * mixes of their words with the literals (which is where near matches like "node . js" come from).
     */
    @Test
    void everyRewriteMatchContainsOneOfItsLiterals() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Entry e : Entries.of(KnowledgeLoader.loadBundled())) {
            texts.add(e.title() + " " + e.keywords() + " " + e.answer() + " " + e.body());
            texts.addAll(e.askedAs());
        }
        for (String set : QUESTION_SETS) {
            AnswerQuality.load("/knowledge/" + set + ".jsonl").forEach(c -> texts.add(c.question()));
        }
        List<String> words = new ArrayList<>();
        texts.forEach(t -> words.addAll(List.of(t.toLowerCase(Locale.ROOT).split("\\s+"))));
        TextAnalyzer.rewrites().forEach(r -> r.anyOf().forEach(l -> words.add(l.strip())));
        words.addAll(List.of("go", "2", "4", "$", "$$$", "c.s", "cs", "degreee", "js", "ci", "cd", "/", "&", "n", "up", "in", "on"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder mix = new StringBuilder();
            int n = 2 + random.nextInt(8);
            for (int w = 0; w < n; w++) {
                mix.append(words.get(random.nextInt(words.size()))).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            texts.add(mix.toString());
        }

        int matches = 0;
        for (TextAnalyzer.Rewrite rewrite : TextAnalyzer.rewrites()) {
            for (String text : texts) {
                Matcher m = rewrite.pattern().matcher(text.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    matches++;
                    String found = m.group();
                    assertThat(rewrite.anyOf()).as("pattern %s matched \"%s\" in \"%s\"", rewrite.pattern(), found, text)
                            .anyMatch(found::contains);
                }
            }
        }
        assertThat(matches).as("the corpus exercises the rewrites").isGreaterThan(10_000);
    }

    @Test
    void normalisingRewritesTechNamesAndNumbers() {
        assertThat(TextAnalyzer.normalize("Node JS or Type Script for the second month?"))
                .contains("nodejs").contains("typescript").contains("month 2");
        assertThat(TextAnalyzer.normalize("is TOP a good course vs boot.dev")).contains("odin").contains("bootdev");
        assertThat(TextAnalyzer.normalize("how long 2 b a dev in phase two")).contains("to b a dev").contains("phase 2");
        // Same input, same output, also when it comes from the per-thread memo.
        String once = TextAnalyzer.normalize("CI/CD with GitHub Actions, k8s and postgres");
        assertThat(TextAnalyzer.normalize("CI/CD with GitHub Actions, k8s and postgres")).isEqualTo(once)
                .contains("cicd").contains("githubactions").contains("kubernetes").contains("postgresql");
    }
}
