package org.roadmapbot.phrasing;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.roadmapbot.knowledge.Entries;
import org.roadmapbot.knowledge.Entry;
import org.roadmapbot.knowledge.data.CoursesFile.Course;
import org.roadmapbot.knowledge.data.CoursesFile.FreeEntryCourse;
import org.roadmapbot.knowledge.data.CoursesFile.Instructor;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.retrieval.EnglishWords;

/**
 * What the guard knows beyond the facts of one answer, built once at start-up:
 * <ul>
 *   <li>{@code knownNames}: every name in roadmap-data (providers, courses, instructors,
 *       technologies, places, organisations), as {@link Words#key keys}. One of them in an
 *       output whose facts don't mention it is a fact from elsewhere.</li>
 *   <li>{@code ordinaryWords}: English words (the bot's word list, {@link EnglishWords#common()}) and the words the guide itself uses
 *       in lower case ("bcrypt", "fullstack"). A capitalised word opening a sentence that is one
 *       of these is no name ("Honestly", "Great"); a word that is none of these, nor in the
 *       facts or the question, is an unknown name ("Codecademy", "udemy").</li>
 *   <li>{@code instructions}: the prompts' fixed wording, which must never be echoed, and its runs of seven words.</li>
 * </ul>
 */
record GuardVocabulary(
        Set<String> knownNames, Set<String> ordinaryWords, String instructions, Set<String> instructionShingles) {

    GuardVocabulary {
        knownNames = Set.copyOf(knownNames);
        ordinaryWords = ordinaryWords instanceof OrdinaryWords words ? words.readOnly() : Set.copyOf(ordinaryWords);
        instructionShingles = Set.copyOf(instructionShingles);
    }

    static GuardVocabulary of(KnowledgeBase kb, String instructions) {
        List<String> texts = new ArrayList<>();
        texts.add(kb.sourceText());
        for (Entry entry : Entries.of(kb)) {
            texts.add(entry.title() + "\n" + entry.answer() + "\n" + entry.body());
        }
        Set<String> names = new HashSet<>();
        // The word list as EnglishWords keeps it (compact), not copied: ~60,000 words.
        Set<String> ordinary = new OrdinaryWords(EnglishWords.load().common(), new HashSet<>());
        for (String text : texts) {
            Names.collect(text, names, ordinary);
        }
        for (Course course : kb.courses()) {
            names.add(Words.key(course.provider()));
            names.add(Words.key(course.name()));
            course.instructors().stream().map(Instructor::name).map(Words::key).forEach(names::add);
            course.freeEntryCourses().stream()
                    .map(FreeEntryCourse::name)
                    .map(Words::key)
                    .forEach(names::add);
        }
        // A name that is also an everyday word ("Go", "Render", "Express") stays a name mid-sentence;
        // at a sentence start it reads as the word. Both sets keep it.
        return new GuardVocabulary(names, ordinary, instructions, FactGuard.shingles(instructions));
    }

    boolean ordinary(String lowerWord) {
        return ordinaryWords.contains(lowerWord.toLowerCase(Locale.ROOT));
    }

    boolean knownName(String key) {
        return knownNames.contains(key);
    }

    /**
     * English words and the guide's own, without copying the English ones into a hash set of their own (they
     * are most of it, and {@link EnglishWords} keeps them compact). Adding puts a word in the guide's part.
     */
    private static final class OrdinaryWords extends AbstractSet<String> {
        private final Set<String> english;
        private final Set<String> guide;

        OrdinaryWords(Set<String> english, Set<String> guide) {
            this.english = english;
            this.guide = guide;
        }

        OrdinaryWords readOnly() {
            return new OrdinaryWords(english, Set.copyOf(guide));
        }

        @Override
        public boolean contains(Object o) {
            return english.contains(o) || guide.contains(o);
        }

        @Override
        public boolean add(String word) {
            return !english.contains(word) && guide.add(word);
        }

        @Override
        public int size() {
            return english.size() + guide.size();
        }

        @Override
        public Iterator<String> iterator() {
            Iterator<String> first = english.iterator();
            Iterator<String> second = guide.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return first.hasNext() || second.hasNext();
                }

                @Override
                public String next() {
                    return first.hasNext() ? first.next() : second.next();
                }
            };
        }
    }
}
