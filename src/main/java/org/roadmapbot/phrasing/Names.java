package org.roadmapbot.phrasing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.roadmapbot.phrasing.Words.Word;

/**
 * Names in a text, and the check that an output names nothing the facts and the question don't:
 * no product, organisation, course, person or place from elsewhere in the guide, and no unknown
 * one (a capitalised word that is no English word at a sentence start, a capitalised word inside
 * a sentence, a brand-like token such as "CodeAcademy" or "x.ai", a lowercase word that is no
 * English word).
 */
final class Names {

    /** Capitalised words that are never names. */
    private static final Set<String> NOT_NAMES =
            Set.of("i", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d", "ok");
    /** Lowercase abbreviations a friendly answer may use. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "approx", "hrs", "hr", "mins", "min", "yr", "yrs", "mo", "mos", "wk", "wks",
            "info", "ok", "okay", "dev", "devs", "app", "apps", "repo", "repos");

    private static final Pattern LEADING_DIGITS = Pattern.compile("^[\\d.,]+");

    /** A run of name words ("Tom Chant", "University of Helsinki", "Learn Node.js"). */
    record Run(List<Word> words) {

        String key(int from, int to) {
            StringBuilder b = new StringBuilder();
            for (int i = from; i <= to; i++) {
                b.append(i == from ? "" : " ").append(Words.key(words.get(i).text()));
            }
            return b.toString();
        }
    }

    /** The names of some facts: what an output may name. */
    record Allowed(Set<String> units, Set<String> lowercaseWords, Set<String> anyCaseWords) {

        static Allowed of(String facts, String question, GuardVocabulary vocabulary) {
            Set<String> units = new HashSet<>();
            Set<String> lower = new HashSet<>();
            Set<String> any = new HashSet<>();
            String clean = Words.withoutMarkup(facts);
            for (Run run : runs(clean)) {
                int n = run.words().size();
                units.add(run.key(0, n - 1));
                // A surname alone ("Chant teaches...") and any brand-like word alone ("Node.js") name the same.
                units.add(run.key(n - 1, n - 1));
                for (int i = 0; i < n; i++) {
                    if (run.words().get(i).brandLike()) {
                        units.add(run.key(i, i));
                    }
                    // Sub-runs after a first word that only opens the sentence ("Learn Node.js" → "Node.js").
                    if (i > 0) {
                        units.add(run.key(i, n - 1));
                    }
                    // A name of the guide inside a longer one ("Scrimba" in "Scrimba Backend Developer Path").
                    for (int j = i; j < n; j++) {
                        if (vocabulary.knownName(run.key(i, j))) {
                            units.add(run.key(i, j));
                        }
                    }
                }
            }
            for (Word w : Words.of(clean)) {
                addWord(w.text(), any);
                if (!w.capitalised()) {
                    addWord(w.text(), lower);
                }
            }
            // The member may name anything in their question: the answer may repeat it.
            for (Word w : Words.of(Words.withoutMarkup(question))) {
                units.add(Words.key(w.text()));
                addWord(w.text(), lower);
                addWord(w.text(), any);
            }
            for (Run run : runs(Words.withoutMarkup(question))) {
                units.add(run.key(0, run.words().size() - 1));
            }
            return new Allowed(units, lower, any);
        }
    }

    private Names() {}

    /**
     * Maximal runs of capitalised or brand-like words, joined by single spaces or " of "; a
     * possessive ends a run ("Scrimba's Backend Developer Path" is two).
     */
    static List<Run> runs(String text) {
        List<Word> words = Words.of(text);
        List<Run> runs = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            boolean nameish =
                    !w.number() && !Character.isDigit(w.text().codePointAt(0)) && (w.capitalised() || w.brandLike());
            if (!nameish) {
                boolean connector = w.text().equals("of")
                        && !current.isEmpty()
                        && i + 1 < words.size()
                        && words.get(i + 1).capitalised()
                        && gap(text, current.get(current.size() - 1), w).equals(" ")
                        && gap(text, w, words.get(i + 1)).equals(" ");
                if (connector) {
                    current.add(w);
                    continue;
                }
                close(current, runs);
                continue;
            }
            if (!current.isEmpty()) {
                Word previous = current.get(current.size() - 1);
                boolean possessive = !previous.text().equals(Words.stripPossessive(previous.text()));
                if (possessive || !gap(text, previous, w).equals(" ")) {
                    close(current, runs);
                }
            }
            current.add(w);
        }
        close(current, runs);
        return runs;
    }

    /** Adds the names and the lowercase words of a guide text to the vocabulary being built. */
    static void collect(String text, Set<String> names, Set<String> ordinary) {
        String clean = Words.withoutMarkup(text);
        for (Run run : runs(clean)) {
            List<Word> words = run.words();
            Word first = words.get(0);
            // "Honestly" opening a sentence is a word; "Scrimba" opening one is still a name.
            int from = first.sentenceStart()
                            && !first.brandLike()
                            && ordinary.contains(
                                    Words.stripPossessive(first.text()).toLowerCase(Locale.ROOT))
                    ? 1
                    : 0;
            for (int i = from; i < words.size(); i++) {
                if (!words.get(i).text().equals("of")) {
                    names.add(Words.key(words.get(i).text()));
                }
            }
            if (from < words.size()) {
                names.add(run.key(from, words.size() - 1));
            }
        }
        for (Word w : Words.of(clean)) {
            if (!w.capitalised() && !w.brandLike()) {
                addWord(w.text(), ordinary);
            }
        }
    }

    /** The first name in {@code output} that is in neither the facts nor the question, with why. */
    static Optional<String> newName(String output, Allowed allowed, GuardVocabulary vocabulary) {
        String clean = Words.withoutMarkup(output);
        Set<Integer> inRuns = new HashSet<>();
        for (Run run : runs(clean)) {
            run.words().forEach(w -> inRuns.add(w.start()));
            Optional<String> bad = checkRun(run, allowed, vocabulary);
            if (bad.isPresent()) {
                return bad;
            }
        }
        for (Word w : Words.of(clean)) {
            if (inRuns.contains(w.start()) || w.number()) {
                continue;
            }
            for (String part : parts(w.text())) {
                if (!vocabulary.ordinary(part)
                        && !allowed.anyCaseWords().contains(part)
                        && !ABBREVIATIONS.contains(part)) {
                    return Optional.of(
                            vocabulary.knownName(Words.key(w.text()))
                                    ? "named '" + w.text() + "', which these facts don't mention"
                                    : "used the unknown word '" + w.text() + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkRun(Run run, Allowed allowed, GuardVocabulary vocabulary) {
        List<Word> words = run.words();
        int i = 0;
        while (i < words.size()) {
            int matched = -1;
            for (int j = words.size() - 1; j >= i; j--) {
                if (allowed.units().contains(run.key(i, j))) {
                    matched = j;
                    break;
                }
            }
            if (matched >= 0) {
                i = matched + 1;
                continue;
            }
            Word w = words.get(i);
            String lower = Words.stripPossessive(w.text()).toLowerCase(Locale.ROOT);
            boolean ordinaryAtStart = i == 0 && w.sentenceStart() && !w.brandLike() && ordinary(w.text(), vocabulary);
            boolean ordinaryInFacts = !w.brandLike() && allowed.lowercaseWords().contains(lower);
            if (w.text().equals("of") || NOT_NAMES.contains(lower) || ordinaryAtStart || ordinaryInFacts) {
                i++;
                continue;
            }
            String name = run.key(i, words.size() - 1);
            return Optional.of(
                    vocabulary.knownName(Words.key(w.text())) || vocabulary.knownName(name)
                            ? "named '" + w.text() + "', which these facts don't mention"
                            : "named something new: '" + w.text() + "'");
        }
        return Optional.empty();
    }

    /** An English word, or a contraction or compound of them ("You've", "Job-ready"). */
    static boolean ordinary(String word, GuardVocabulary vocabulary) {
        List<String> parts = parts(word);
        return !parts.isEmpty() && parts.stream().allMatch(vocabulary::ordinary);
    }

    /** The parts of a word to look up: "job-ready" → job, ready; "you'll" → you; "30.1-hour" → hour. */
    private static List<String> parts(String word) {
        String w = Words.stripPossessive(word).toLowerCase(Locale.ROOT).replace('’', '\'');
        if (ABBREVIATIONS.contains(w)) {
            return List.of();
        }
        if (w.endsWith("n't")) {
            // Contractions: isn't → is, can't → can, won't → will.
            String base = w.substring(0, w.length() - 3);
            w = base.equals("ca") ? "can" : base.equals("wo") ? "will" : base.equals("sha") ? "shall" : base;
        }
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0) {
            w = w.substring(0, apostrophe);
        }
        List<String> parts = new ArrayList<>();
        for (String part : w.split("-")) {
            String letters = LEADING_DIGITS.matcher(part).replaceFirst("");
            if (!letters.isEmpty() && !letters.chars().allMatch(Character::isDigit)) {
                parts.add(letters);
            }
        }
        return parts;
    }

    private static void addWord(String word, Set<String> into) {
        String w = Words.stripPossessive(word).toLowerCase(Locale.ROOT).replace('’', '\'');
        into.add(w);
        into.addAll(parts(word));
    }

    private static String gap(String text, Word a, Word b) {
        return text.substring(a.end(), b.start());
    }

    private static void close(List<Word> current, List<Run> runs) {
        if (!current.isEmpty()) {
            // A trailing connector ("of") is no part of the name.
            while (!current.isEmpty() && current.get(current.size() - 1).text().equals("of")) {
                current.remove(current.size() - 1);
            }
            if (!current.isEmpty()) {
                runs.add(new Run(List.copyOf(current)));
            }
            current.clear();
        }
    }
}
