package org.roadmapbot.knowledge.data;

import java.util.List;

/** roadmap-data/courses.json: the five recommended courses. */
public record CoursesFile(String section, String intro, List<Course> courses) {

    public record Course(
            String id,
            String name,
            String provider,
            Price price,
            List<String> stack,
            List<String> languages,
            List<String> covers,
            String format,
            List<String> formatTags,
            String bestFor,
            String bestForDetails,
            @OptionalField Double hours,
            List<Instructor> instructors,
            List<FreeEntryCourse> freeEntryCourses,
            @OptionalField String certification,
            List<String> requiredProjects,
            String description,
            List<String> sections,
            List<String> citations,
            List<String> askedAs) {

        public boolean isFree() {
            return price.free();
        }
    }

    /** {@code monthlyUsd} is what the full course costs per month (0 when free). */
    public record Price(String text, double monthlyUsd, boolean free, String details) {}

    public record Instructor(String name, String teaches) {}

    public record FreeEntryCourse(String id, String name, double hours, String instructor, boolean certificate) {}
}
