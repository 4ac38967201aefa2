package org.roadmapbot.smalltalk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.roadmapbot.core.JsonResource;

/**
 * Messages that are only small talk — "hi", "thanks!", "what can you do?" — and the friendly reply to
 * each, from {@code smalltalk.json}. A message is small talk only when the file's phrases and filler
 * words cover all of it, so a greeting with a question in it ("hi, how long is phase 2?") is never
 * caught. Why a word list and not the answers' analysis: these messages are short and fixed, and the
 * answers' pipeline is built to find facts, not to tell "thanks" from a question it can't answer.
 */
public final class SmallTalk {

    static final String RESOURCE = "/smalltalk.json";

    /** One kind of small talk and its reply; examples and counterexamples are checked by SmallTalkTest. */
    public record Kind(
            String id,
            String why,
            List<String> phrases,
            String reply,
            List<String> examples,
            List<String> counterexamples) {

        public Kind {
            Objects.requireNonNull(id, "id");
            if (phrases == null || phrases.isEmpty() || reply == null || reply.isBlank()) {
                throw new IllegalArgumentException("small-talk kind '" + id + "' needs phrases and a reply");
            }
            if (examples == null || examples.isEmpty()) {
                throw new IllegalArgumentException("small-talk kind '" + id + "' has no examples");
            }
            phrases = List.copyOf(phrases);
            examples = List.copyOf(examples);
            counterexamples = counterexamples == null ? List.of() : List.copyOf(counterexamples);
        }
    }

    record File(String why, List<String> filler, List<Kind> kinds) {}

    /** The kind index of a filler phrase ({@link #phrasesByFirstWord}): it covers words but gives no reply. */
    private static final int FILLER = -1;

    private final List<Kind> kinds;
    /** Every phrase as its words, with the kind it belongs to (its index, or {@link #FILLER}). */
    private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

    private record Phrase(List<String> words, int kind) {}

    private SmallTalk(File file) {
        this.kinds = List.copyOf(file.kinds());
        for (String filler : file.filler()) {
            add(filler, FILLER);
        }
        for (int k = 0; k < kinds.size(); k++) {
            for (String phrase : kinds.get(k).phrases()) {
                add(phrase, k);
            }
        }
    }

    public static SmallTalk load() {
        return new SmallTalk(JsonResource.read(RESOURCE, File.class));
    }

    public List<Kind> kinds() {
        return kinds;
    }

    /** The kind of small talk the message is, when it is nothing else; the first kind it uses wins. */
    public Optional<Kind> classify(String message) {
        List<String> words = words(message);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        // best[i]: the lowest kind index that covers words i.. completely (FILLER alone: covered, no kind);
        // absent: words i.. can't be covered.
        Integer[] best = new Integer[words.size() + 1];
        best[words.size()] = Integer.MAX_VALUE; // covered, no kind yet
        for (int i = words.size() - 1; i >= 0; i--) {
            for (Phrase phrase : phrasesByFirstWord.getOrDefault(words.get(i), List.of())) {
                int end = i + phrase.words().size();
                if (end > words.size()
                        || best[end] == null
                        || !words.subList(i, end).equals(phrase.words())) {
                    continue;
                }
                int kind = phrase.kind() == FILLER ? best[end] : Math.min(phrase.kind(), best[end]);
                best[i] = best[i] == null ? kind : Math.min(best[i], kind);
            }
        }
        Integer kind = best[0];
        return kind == null || kind == Integer.MAX_VALUE ? Optional.empty() : Optional.of(kinds.get(kind));
    }

    /** The reply to a message that is only small talk. */
    public Optional<String> reply(String message) {
        return classify(message).map(Kind::reply);
    }

    private void add(String phrase, int kind) {
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty small-talk phrase");
        }
        phrasesByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Phrase(words, kind));
    }

    /**
     * The message's words as the phrases are written: lower case, accents, apostrophes, punctuation and
     * emoji dropped, a letter typed three times or more read once ("hellooo", "thanksss").
     */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .replaceAll("(\\p{L})\\1{2,}", "$1")
                .strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
    }
}
