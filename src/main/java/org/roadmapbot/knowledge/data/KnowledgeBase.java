package org.roadmapbot.knowledge.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;

/** The bundled facts, loaded and validated once, with the look-ups the features need. */
public final class KnowledgeBase {

    /** Ids of the whole-file overview entries the answers build (the course list...); data ids must not take them. */
    public static final List<String> RESERVED_IDS =
            List.of("roadmap", "courses", "projects", "stacks", "survey", "outlook", "takeaways", "sources");

    private final RoadmapFile roadmap;
    private final CoursesFile courses;
    private final FaqFile faq;
    private final ProjectsFile projects;
    private final StacksFile stacks;
    private final CareersFile careers;
    private final TakeawaysFile takeaways;
    private final SourcesFile sources;
    private final String sourceText;

    private final Map<String, Topic> topicsById = new LinkedHashMap<>();
    private final Map<String, Phase> phaseByTopicId = new LinkedHashMap<>();
    private final Map<String, Course> coursesById = new LinkedHashMap<>();
    private final Map<String, FreeEntryCourse> freeCoursesById = new LinkedHashMap<>();
    private final Map<String, Course> parentOfFreeCourse = new LinkedHashMap<>();

    KnowledgeBase(
            RoadmapFile roadmap,
            CoursesFile courses,
            FaqFile faq,
            ProjectsFile projects,
            StacksFile stacks,
            CareersFile careers,
            TakeawaysFile takeaways,
            SourcesFile sources,
            String sourceText) {
        this.roadmap = roadmap;
        this.courses = courses;
        this.faq = faq;
        this.projects = projects;
        this.stacks = stacks;
        this.careers = careers;
        this.takeaways = takeaways;
        this.sources = sources;
        this.sourceText = sourceText;
        for (Phase phase : roadmap.phases()) {
            for (Topic topic : phase.topics()) {
                topicsById.putIfAbsent(topic.id(), topic);
                phaseByTopicId.putIfAbsent(topic.id(), phase);
            }
        }
        for (Course course : courses.courses()) {
            coursesById.putIfAbsent(course.id(), course);
            for (FreeEntryCourse free : course.freeEntryCourses()) {
                freeCoursesById.putIfAbsent(free.id(), free);
                parentOfFreeCourse.putIfAbsent(free.id(), course);
            }
        }
    }

    public RoadmapFile roadmap() {
        return roadmap;
    }

    public CoursesFile coursesFile() {
        return courses;
    }

    public FaqFile faqFile() {
        return faq;
    }

    public ProjectsFile projectsFile() {
        return projects;
    }

    public StacksFile stacksFile() {
        return stacks;
    }

    public CareersFile careers() {
        return careers;
    }

    public TakeawaysFile takeawaysFile() {
        return takeaways;
    }

    public SourcesFile sourcesFile() {
        return sources;
    }

    public String sourceText() {
        return sourceText;
    }

    public List<Phase> phases() {
        return roadmap.phases();
    }

    public Optional<Phase> phase(int number) {
        return roadmap.phases().stream().filter(p -> p.number() == number).findFirst();
    }

    /** Every topic in roadmap order. */
    public List<Topic> topics() {
        return Collections.unmodifiableList(new ArrayList<>(topicsById.values()));
    }

    /** The topics a member on {@code trackId} studies: shared topics plus their track's. */
    public List<Topic> topicsForTrack(String trackId) {
        return topicsById.values().stream()
                .filter(t -> t.track() == null || trackId == null || t.track().equals(trackId))
                .toList();
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id));
    }

    public Phase phaseOf(Topic topic) {
        return phaseByTopicId.get(topic.id());
    }

    public List<Course> courses() {
        return courses.courses();
    }

    public Optional<Course> course(String id) {
        return Optional.ofNullable(coursesById.get(id));
    }

    public Optional<FreeEntryCourse> freeCourse(String id) {
        return Optional.ofNullable(freeCoursesById.get(id));
    }

    public Optional<Course> courseOfFreeCourse(String freeCourseId) {
        return Optional.ofNullable(parentOfFreeCourse.get(freeCourseId));
    }

    /** A display name for a course or free entry course id (used for topic resources). */
    public String resourceName(String id) {
        Course course = coursesById.get(id);
        if (course != null) {
            return course.provider() + " " + course.name() + " ("
                    + course.price().text() + ")";
        }
        FreeEntryCourse free = freeCoursesById.get(id);
        if (free != null) {
            return parentOfFreeCourse.get(id).provider() + " " + free.name() + " (free, " + Numbers.hours(free.hours())
                    + ", " + free.instructor() + ")";
        }
        return id;
    }

    public Optional<SourcesFile.Source> source(String id) {
        return sources.sources().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
