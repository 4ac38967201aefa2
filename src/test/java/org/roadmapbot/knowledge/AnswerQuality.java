package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer contract of shared/tools/score-answers, in process: a question passes when every
 * keyword group has an alternative in the answer (or, for "none", when there are no sources).
 * Used by the accuracy test and, with {@code main}, to list misses while tuning retrieval.
 */
public final class AnswerQuality {

    public record Case(String question, List<List<String>> all, boolean none) {
    }

    public record Miss(Case testCase, Answer answer) {
    }

    public static List<Case> load(String resource) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AnswerQuality.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                List<List<String>> groups = new ArrayList<>();
                if (node.has("all")) {
                    node.get("all").forEach(g -> {
                        List<String> alts = new ArrayList<>();
                        g.forEach(a -> alts.add(a.asText()));
                        groups.add(alts);
                    });
                }
                cases.add(new Case(node.get("q").asText(), groups, node.path("none").asBoolean(false)));
            }
        }
        return cases;
    }

    static String norm(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ');
        t = t.replaceAll("\\s*-\\s*", "-");
        return t.replaceAll("\\s+", " ");
    }

    public static boolean passes(Case c, Answer answer) {
        if (c.none()) {
            return !answer.found();
        }
        String text = norm(answer.text());
        return answer.found() && c.all().stream().allMatch(g -> g.stream().anyMatch(a -> text.contains(norm(a))));
    }

    public static List<Miss> misses(AnswerService service, List<Case> cases) {
        List<Miss> misses = new ArrayList<>();
        for (Case c : cases) {
            Answer a = service.answer(c.question());
            if (!passes(c, a)) {
                misses.add(new Miss(c, a));
            }
        }
        return misses;
    }

    public static void main(String[] args) throws IOException {
        AnswerService service = new AnswerService(KnowledgeLoader.loadBundled());
        for (String resource : args) {
            List<Case> cases = load(resource);
            List<Miss> misses = misses(service, cases);
            for (Miss m : misses) {
                System.out.println("MISS " + (m.testCase().none() ? "[none] " : "") + m.testCase().question()
                        + "  want=" + m.testCase().all() + "  got=" + m.answer().sources());
                System.out.println("     terms: " + service.explain(m.testCase().question()));
                for (Retriever.Hit h : service.hits(m.testCase().question(), 3)) {
                    System.out.printf(Locale.ROOT, "     %-32s score=%.2f cov=%.2f%n", h.entry().id(), h.score(), h.coverage());
                }
            }
            System.out.printf(Locale.ROOT, "%s: %d/%d passed (%.1f%%)%n", resource, cases.size() - misses.size(), cases.size(),
                    100.0 * (cases.size() - misses.size()) / cases.size());
        }
    }
}
