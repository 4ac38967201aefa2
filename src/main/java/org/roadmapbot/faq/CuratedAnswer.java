package org.roadmapbot.faq;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.roadmapbot.knowledge.Entry;

/**
 * A moderator's answer for one server: the example questions members ask it by, and the answer.
 *
 * @param number    what moderators see and edit it by ("#3"), unique within the server
 *
 * <p>Who wrote it is stored (faq_answer.member_id, for /privacy) but never held here: a moderator's
 * /privacy delete clears it in the database, and no cached copy outlives that.
 */
public record CuratedAnswer(String guildId, int number, List<String> questions, String answer, Instant updatedAt) {

    /** Entry ids of curated answers start with this; no bundled entry's does (a test checks). */
    public static final String ID_PREFIX = "server-faq-";
    /** How an answer is cited: the server's FAQ, not the guide. */
    public static final String SECTION = "this server's FAQ";

    public CuratedAnswer {
        Objects.requireNonNull(guildId, "guildId");
        questions = List.copyOf(questions);
        Objects.requireNonNull(answer, "answer");
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a curated answer needs a question");
        }
    }

    public String entryId() {
        return ID_PREFIX + number;
    }

    public static boolean isCurated(String entryId) {
        return entryId.startsWith(ID_PREFIX);
    }

    /**
     * The answer as a document of the knowledge: its questions are the question-shaped hints a bundled
     * entry has in {@code askedAs}, the answer is its one fact (shown whole), cited as this server's FAQ.
     */
    public Entry toEntry() {
        return new Entry(
                entryId(),
                Entry.Kind.FAQ,
                questions.get(0),
                List.of(answer),
                SECTION + ", answer #" + number,
                "",
                "",
                questions,
                null);
    }
}
