package org.roadmapbot.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.roadmapbot.knowledge.data.CoursesFile.Course;

/**
 * The course finder: exact filters on language/stack, monthly price and format. A language
 * matches a course when it names one of its languages or stack items ("Go", "node" for
 * Node.js); a format matches one of its format tags or a word of its format.
 */
public record CourseFilter(String language, Double maxMonthlyUsd, String format) {

    public boolean matches(Course course) {
        return matchesLanguage(course) && matchesPrice(course) && matchesFormat(course);
    }

    public List<Course> apply(List<Course> courses) {
        return courses.stream().filter(this::matches).toList();
    }

    private boolean matchesLanguage(Course course) {
        if (language == null) {
            return true;
        }
        String wanted = key(language);
        return Stream.concat(course.languages().stream(), course.stack().stream())
                .anyMatch(v -> key(v).equals(wanted));
    }

    private boolean matchesPrice(Course course) {
        return maxMonthlyUsd == null || course.price().monthlyUsd() <= maxMonthlyUsd + 1e-9;
    }

    private boolean matchesFormat(Course course) {
        if (format == null) {
            return true;
        }
        String wanted = key(format);
        return course.formatTags().stream().anyMatch(t -> key(t).equals(wanted))
                || words(course.format()).contains(wanted);
    }

    /** Every language/stack value a member can filter on, for autocomplete and hints. */
    public static TreeSet<String> languages(List<Course> courses) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        courses.forEach(c -> {
            all.addAll(c.languages());
            all.addAll(c.stack());
        });
        return all;
    }

    public static TreeSet<String> formats(List<Course> courses) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        courses.forEach(c -> all.addAll(c.formatTags()));
        return all;
    }

    /** "Node.js", "nodejs", "node" and "NODE" are one key; "Golang" is "go". */
    static String key(String value) {
        String k = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+#]", "");
        if (k.endsWith("js") && k.length() > 2 && !k.equals("nodejs")) {
            k = k.substring(0, k.length() - 2);
        }
        return switch (k) {
            case "node" -> "nodejs";
            case "golang" -> "go";
            case "ts" -> "typescript";
            case "js" -> "javascript";
            case "postgres" -> "postgresql";
            case "mongo" -> "mongodb";
            default -> k;
        };
    }

    private static List<String> words(String text) {
        return Stream.of(text.split("[\\s,/+]+"))
                .map(CourseFilter::key)
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
