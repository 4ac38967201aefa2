package org.roadmapbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.knowledge.retrieval.KnowledgeIndex;

/**
 * The answer contract of shared/tools/score-answers, in process: a question passes when every
 * keyword group has an alternative in the answer (or, for "none", when there are no sources), and
 * the answer is no longer than the case's "max_chars". Used by the accuracy tests, the fitting
 * command and, with {@code main}, to list misses with what the search saw.
 */
public final class AnswerQuality {

    public record Case(String question, List<List<String>> all, boolean none, String style, int maxChars) {}

    public record Miss(Case testCase, Answer answer) {}

    public static List<Case> load(String resource) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = AnswerQuality.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
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
                cases.add(new Case(
                        node.get("q").asText(),
                        groups,
                        node.path("none").asBoolean(false),
                        node.path("style").asText(""),
                        node.path("max_chars").asInt(Integer.MAX_VALUE)));
            }
        }
        return cases;
    }

    static String norm(String s) {
        String t = s.toLowerCase(Locale.ROOT)
                .replace('\u2013', '-')
                .replace('\u2014', '-')
                .replace('\u00a0', ' ');
        t = t.replaceAll("\\s*-\\s*", "-");
        return t.replaceAll("\\s+", " ");
    }

    public static boolean passes(Case c, Answer answer) {
        if (c.none()) {
            return !answer.found();
        }
        String text = norm(answer.text());
        return answer.found()
                && answer.text().length() <= c.maxChars()
                && c.all().stream().allMatch(g -> g.stream().anyMatch(a -> text.contains(norm(a))));
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

    /** Lists each set's misses with what the search saw, then accuracy per style and answer lengths. */
    public static void main(String[] args) throws IOException {
        AnswerService service = new AnswerService(KnowledgeLoader.loadBundled());
        boolean quiet = List.of(args).contains("-q");
        for (String resource : args) {
            if (resource.equals("-q")) {
                continue;
            }
            List<Case> cases = load(resource);
            List<Miss> misses = misses(service, cases);
            Map<String, int[]> byStyle = new TreeMap<>();
            List<Integer> lengths = new ArrayList<>();
            for (Case c : cases) {
                Answer a = service.answer(c.question());
                int[] tally = byStyle.computeIfAbsent(c.style(), k -> new int[2]);
                tally[0] += passes(c, a) ? 1 : 0;
                tally[1]++;
                if (!c.none()) {
                    lengths.add(a.text().length());
                }
            }
            for (Miss m : quiet ? List.<Miss>of() : misses) {
                AnswerService.Diagnosis d = service.diagnose(m.testCase().question());
                System.out.println("MISS "
                        + (m.testCase().none() ? "[none] " : "[" + m.testCase().style() + "] ")
                        + m.testCase().question() + "  want=" + m.testCase().all() + "  got="
                        + m.answer().sources()
                        + " len=" + m.answer().text().length());
                System.out.println("     corrected: " + d.corrected() + "  effects: " + d.effects());
                System.out.println("     slots: " + d.slots() + "  features: " + d.features());
                for (KnowledgeIndex.Hit h : d.hits().stream().limit(3).toList()) {
                    System.out.printf(Locale.ROOT, "     %-32s score=%.2f cov=%.2f%n", h.id(), h.score(), h.coverage());
                }
                System.out.println("     answer: "
                        + m.answer()
                                .text()
                                .replace("\n", " | ")
                                .substring(0, Math.min(240, m.answer().text().length())));
            }
            lengths.sort(null);
            StringBuilder styles = new StringBuilder();
            byStyle.forEach((k, v) -> styles.append(k.isEmpty() ? "-" : k)
                    .append(' ')
                    .append(v[0])
                    .append('/')
                    .append(v[1])
                    .append(", "));
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d/%d passed (%.1f%%); length median %d, p90 %d; %s%n",
                    resource,
                    cases.size() - misses.size(),
                    cases.size(),
                    100.0 * (cases.size() - misses.size()) / cases.size(),
                    lengths.isEmpty() ? 0 : lengths.get(lengths.size() / 2),
                    lengths.isEmpty() ? 0 : lengths.get(Math.min(lengths.size() - 1, (int) (0.9 * lengths.size()))),
                    styles);
        }
    }
}
