package org.roadmapbot.knowledge;

import java.util.List;

/**
 * A composed answer. {@code sources} lists the entry ids it was built from and is empty
 * exactly when the data has no answer ({@code text} then says so).
 */
public record Answer(String question, String text, List<Entry> entries) {

    public Answer {
        entries = List.copyOf(entries);
    }

    public boolean found() {
        return !entries.isEmpty();
    }

    public List<String> sources() {
        return entries.stream().map(Entry::id).toList();
    }
}
