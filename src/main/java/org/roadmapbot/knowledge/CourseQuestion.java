package org.roadmapbot.knowledge;

import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.CoursesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roadmapbot.knowledge.data.CoursesFile.Course;

/**
 * Reads a course-finder question asked in words ("which course is free and covers Node.js,
 * Express and MongoDB?") as the filters of /courses, so the answer lists exactly the courses
 * that match instead of whichever one the wording favours.
 */
final class CourseQuestion {

    private static final Pattern COURSE_WORDS = Pattern.compile(
            "\\b(courses?|resources?|platforms?|paths?|bootcamps?|class(es)?|tutorials?|curricul(um|a)|programs?|options?"
                    + "|certifications?|where (can|do|should) i (learn|study))\\b");
    private static final Pattern FREE = Pattern.compile(
            "\\b(free|no cost|for nothing|costs? nothing|without paying|zero cost|\\$0)\\b");
    private static final Pattern MAX_PRICE = Pattern.compile(
            "\\b(under|below|less than|at most|max(imum)?|cheaper than|up to)\\s*\\$?(\\d+(\\.\\d+)?)");

    private final KnowledgeBase kb;
    /** The word naming each provider, normalised as questions are ("boot.dev" → "bootdev", "The Odin Project" → "odin"). */
    private final List<String> providerWords;

    CourseQuestion(KnowledgeBase kb) {
        this.kb = kb;
        this.providerWords = kb.courses().stream().map(c -> providerWord(c.provider())).toList();
    }

    private static String providerWord(String provider) {
        String[] words = TextAnalyzer.normalize(provider).split("[\\s(]");
        return words[0].equals("the") ? words[1] : words[0];
    }

    /** The courses the question's filters select, when it is a course-finder question at all. */
    Optional<List<Course>> match(String question) {
        String q = TextAnalyzer.normalize(question);
        if (!COURSE_WORDS.matcher(q).find() || namesACourse(q)) {
            return Optional.empty();
        }
        List<CourseFilter> filters = new ArrayList<>();
        if (FREE.matcher(q).find()) {
            filters.add(new CourseFilter(null, 0.0, null));
        }
        Matcher price = MAX_PRICE.matcher(q);
        if (price.find()) {
            filters.add(new CourseFilter(null, Double.parseDouble(price.group(3)), null));
        }
        Set<String> words = new java.util.HashSet<>(List.of(q.split("[^a-z0-9+#.]+")));
        words.remove("go"); // the verb; the language was normalised to "golang"
        for (String language : CourseFilter.languages(kb.courses())) {
            String key = CourseFilter.key(language);
            if (words.stream().anyMatch(w -> CourseFilter.key(w).equals(key))) {
                filters.add(new CourseFilter(language, null, null));
            }
        }
        for (String format : CourseFilter.formats(kb.courses())) {
            if (q.contains(format.toLowerCase(Locale.ROOT))) {
                filters.add(new CourseFilter(null, null, format));
            }
        }
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        List<Course> found = kb.courses().stream().filter(c -> filters.stream().allMatch(f -> f.matches(c))).toList();
        return found.isEmpty() || found.size() == kb.courses().size() ? Optional.empty() : Optional.of(found);
    }

    /** A question naming a provider ("is Scrimba free?") is about that course, not a search. */
    private boolean namesACourse(String normalized) {
        return providerWords.stream().anyMatch(normalized::contains);
    }
}
