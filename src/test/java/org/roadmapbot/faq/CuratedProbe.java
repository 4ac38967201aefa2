package org.roadmapbot.faq;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roadmapbot.knowledge.AnswerService;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.knowledge.retrieval.AnswerPolicy;

/** Diagnostics (not a test): what the policy sees for curated paraphrases and for roadmap questions they intrude on. */
public final class CuratedProbe {
    public static void main(String[] args) throws Exception {
        AnswerService bundled = new AnswerService(KnowledgeLoader.loadBundled());
        List<CuratedParaphraseTest.Case> cases;
        try (InputStream in =
                CuratedProbe.class.getResourceAsStream(System.getProperty("set", "/faq/curated-answers.json"))) {
            cases = new ObjectMapper().readValue(in, new TypeReference<List<CuratedParaphraseTest.Case>>() {});
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            entries.add(new CuratedAnswer(
                            "g", i + 1, cases.get(i).questions(), cases.get(i).answer(), Instant.EPOCH)
                    .toEntry());
        }
        AnswerService view = bundled.withEntries(entries);
        AnswerPolicy policy = AnswerPolicy.load();
        List<String> qs = new ArrayList<>(Arrays.asList(args));
        if (qs.isEmpty()) {
            cases.forEach(c -> qs.addAll(c.paraphrases()));
        }
        for (String q : qs) {
            var d = view.decision(q);
            var a = view.answer(q);
            var bd = bundled.decision(q);
            var ba = bundled.answer(q);
            System.out.printf(
                    "%-60.60s view %-28.28s p=%s best=%s | bundled %-30.30s p=%s%n",
                    q,
                    a.sources(),
                    d.map(x -> String.format("%.2f", policy.probability(x.features())))
                            .orElse("-"),
                    d.map(x -> x.ifAnswered().sources().isEmpty()
                                    ? "-"
                                    : x.ifAnswered().sources().get(0))
                            .orElse("-"),
                    ba.sources(),
                    bd.map(x -> String.format("%.2f", policy.probability(x.features())))
                            .orElse("-"));
        }
    }
}
