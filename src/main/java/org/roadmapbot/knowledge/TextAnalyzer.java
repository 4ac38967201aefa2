package org.roadmapbot.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into search terms: tech names normalised ("Node.js" and "node js" are one
 * term), number words made digits, stop words dropped, English stems (Lucene's Porter).
 */
final class TextAnalyzer {

    /**
     * Words that say nothing about what is asked: function words, chat filler and generic
     * verbs/adverbs. Removing them keeps the coverage check honest, so that what is left of
     * a question is its subject; an unknown subject ("weather", "Rust") means out of scope.
     */
    private static final CharArraySet STOP_WORDS = new CharArraySet(StopWords.ALL, true);
    /** The same words after stemming, so "answered" goes the way of "answer". */
    private static final CharArraySet STEMMED_STOP_WORDS = stemmedStopWords();

    /**
     * Rewrites applied in order to lower-cased text. Each names literals one of which every match
     * contains, so a rule whose literals are absent is skipped without running its expression:
     * normalising indexes every entry at start-up and every question, and 50 full regex scans were
     * most of both ({@code TextAnalyzerTest} checks the literals against the patterns).
     */
    private static final List<Rewrite> REWRITES = List.of(
            rule("\\bnode(\\s*\\.?\\s*js)?\\b", "nodejs", "node"),
            rule("express\\s*\\.?\\s*js", "express", "express"),
            rule("type\\s*script", "typescript", "type"),
            rule("java\\s*script", "javascript", "java"),
            rule("\\bjs\\b", "javascript", "js"),
            rule("\\bts\\b", "typescript", "ts"),
            rule("\\bpy\\b", "python", "py"),
            rule("spring\\s*boot", "springboot", "spring"),
            rule("boot\\s*\\.\\s*dev|bootdev|boot dev", "bootdev", "boot"),
            rule("free\\s*code\\s*camp|\\bfcc\\b", "freecodecamp", "free", "fcc"),
            rule("\\btop\\b(?=.*\\b(course|path|odin|free|learn|curriculum|good|worth)\\b)|the odin project|odin project", "odin", "top", "odin"),
            rule("full\\s*stack\\s*open|\\bfso\\b", "fullstackopen", "full", "fso"),
            rule("full[\\s-]*stack", "fullstack", "full"),
            rule("full[\\s-]*time", "fulltime", "full"),
            rule("part[\\s-]*time", "parttime", "part"),
            rule("server[\\s-]*side", "backend", "server"),
            // "logging in the roadmap" and "logging in production" are logs, not a login.
            rule("\\bsign(ing|s|ed)?[\\s-]*(in|into|on|onto)\\b", "login", "sign"),
            rule("\\blog(ging|s|ged)?[\\s-]*(?:into|onto|(?:in|on)\\b(?!\\s+(?:the|a|an|this|that|production|prod|phase|roadmap|guide)\\b))", "login", "log"),
            rule("\\bversion[\\s-]*control\\b", "git", "version"),
            rule("\\bpick(s|ing|ed)? up\\b", "learn", "pick"),
            rule("\\b(react|vue|angular|svelte)(\\s*\\.?\\s*js)?\\s+(devs?|developers?|engineers?|person|people|folks)\\b", "frontend $3", "react", "vue", "angular", "svelte"),
            rule("back[\\s-]*end", "backend", "back"),
            rule("front[\\s-]*end", "frontend", "front"),
            rule("dev\\s*ops", "devops", "dev"),
            rule("\\bci\\s*(/|&|\\+|and|n)?\\s*cd\\b|\\bcicd\\b", "cicd", "ci"),
            rule("github\\s+actions", "githubactions", "github"),
            rule("cloudflare\\s+workers", "cloudflareworkers", "cloudflare"),
            rule("open\\s*api", "openapi", "open"),
            rule("\\bk8s\\b", "kubernetes", "k8s"),
            rule("\\bpostgres\\b", "postgresql", "postgres"),
            rule("\\bmongo\\b", "mongodb", "mongo"),
            rule("\\b(learn|learning|in|use|using|about|is|and|or|vs|versus|like|teach|teaches|with|for)\\s+go\\b(?!\\s+(to|through|with|for|from|into|over|back|ahead|on|about)\\b)", "$1 golang", "go"),
            rule("^go\\b(?=\\s+(or|is|vs|used|developer|dev|good|worth))|\\bgo(?=\\s+(or|and|vs|versus|developer|devs?|backend|language|lang|used|good|worth|course|stack|microservices?)\\b)", "golang", "go"),
            rule("data\\s+engineers?", "dataengineer", "data"),
            rule("machine\\s+learning|\\bml\\b", "machinelearning", "machine", "ml"),
            rule("\\bai\\b", "artificialintelligence", "ai"),
            rule("(?<![a-z])(c\\.?s\\.?|computer science) degre+\\b", "degree", "degre"),
            rule("\\bproj\\b", "project", "proj"),
            // Text-speak "2"/"4" for "to"/"for" ("how long 2 b a dev", "orm 4 py"); never after phase/month words.
            rule("(?<!(phase|stage|month|months|part|step|level|top|and|or|,) )\\b2 (?=(b|be|become|learn|pick|get|start|do|use|go|finish|land)\\b)", "to ", "2 "),
            rule("(?<!(phase|stage|month|months|part|step|level|top|and|or|,) )\\b4 (?=(wat|what|py|python|js|node|nodejs|beginners?|me|a|an|the|free|backend|juniors?|newbies?)\\b)", "for ", "4 "),
            rule("\\buni\\b|\\bcollege\\b", "university", "uni", "college"),
            rule("\\bhow much\\b(?=.*\\b(make|earn|paid|pay)\\b)", "salary", "how much"),
            rule("\\${2,}|\\bbucks\\b", " money ", "$$", "bucks"),
            rule("\\bdiff\\b", "difference", "diff"),
            rule("\\bbls\\b", "bureau of labor statistics", "bls"),
            rule("\\b(\\d{1,3}),(\\d{3})\\b", "$1,$2 $1k", ","),
            rule("\\benv\\b", "environment", "env"),
            rule("\\bconfig\\b", "configuration", "config"),
            rule("\\bauth\\b", "authentication", "auth"),
            rule("\\brepo\\b", "repository", "repo"),
            rule("hands[\\s-]*on", "handson", "hands"),
            rule("\\bused by (more|most|the most|fewer)\\b|\\b(used|use) (more|less|most|the most)\\b|\\b(more|most|less) (used|widely used)\\b|\\busage\\b", "popular", "use", "usage")
    );

    /** One rewrite: the pattern, its replacement, and literals one of which any match contains. */
    record Rewrite(Pattern pattern, String replacement, List<String> anyOf) {
        String apply(String text) {
            for (String literal : anyOf) {
                if (text.contains(literal)) {
                    return pattern.matcher(text).replaceAll(replacement);
                }
            }
            return text;
        }
    }

    private static Rewrite rule(String regex, String replacement, String... anyOf) {
        return new Rewrite(Pattern.compile(regex), replacement, List.of(anyOf));
    }

    static List<Rewrite> rewrites() {
        return REWRITES;
    }

    private static final Pattern ODIN_ACRONYM = Pattern.compile("\\bTOP\\b");
    /** "Go" with a capital inside a sentence is the language; "go" in lower case is usually the verb. */
    private static final Pattern GO_LANGUAGE = Pattern.compile(
            "\\b(Go|GO)\\b(?!\\s+(to|for|with|through|ahead|back|over|on|about|into|from|over)\\b)");
    private static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten"};
    private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth"};
    /** Per thread: the last four texts normalised and their results (input, output, input, output...). */
    private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[8]);
    private static final Pattern ORDINAL_DIGITS = Pattern.compile("\\b(\\d+)(st|nd|rd|th)\\b");
    // Compiled once: normalize runs for every question (compiling these per call was most of its time).
    private static final String ORDINAL_ALTERNATIVES = String.join("|", List.of(ORDINALS).subList(1, ORDINALS.length));
    private static final Pattern ORDINAL_PHASE = Pattern.compile("\\b(" + ORDINAL_ALTERNATIVES + ")\\s+(month|phase|stage)\\b");
    private static final Pattern PHASE_ONE = Pattern.compile("\\b(phase|stage|month)\\s+one\\b");
    private static final Pattern ORDINAL_WORD = Pattern.compile("\\b(" + ORDINAL_ALTERNATIVES + ")\\b");
    /** From "two": "one" is too often not a number. */
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(" + String.join("|", List.of(NUMBER_WORDS).subList(2, NUMBER_WORDS.length)) + ")\\b");

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            stream = new StopFilter(stream, STEMMED_STOP_WORDS);
            return new TokenStreamComponents(source, stream);
        }
    };

    private static CharArraySet stemmedStopWords() {
        CharArraySet stems = new CharArraySet(StopWords.ALL.size(), true);
        Analyzer stemmer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
            }
        };
        for (String word : StopWords.ALL) {
            try (TokenStream stream = stemmer.tokenStream("w", word)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    stems.add(term.toString());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        stemmer.close();
        return stems;
    }

    /** Lower-cases and rewrites names, numbers and ordinals so paraphrases meet the data. */
    static String normalize(String text) {
        // One answer normalises the same question several times (retrieval, course filters, fact
        // check); about 30 µs of regular expressions each, so each thread keeps its last results.
        String[] memo = RECENT.get();
        for (int i = 0; i < memo.length; i += 2) {
            if (text.equals(memo[i])) {
                return memo[i + 1];
            }
        }
        String normalized = rewrite(text);
        System.arraycopy(memo, 0, memo, 2, memo.length - 2);
        memo[0] = text;
        memo[1] = normalized;
        return normalized;
    }

    private static String rewrite(String text) {
        // "TOP" in capitals is The Odin Project; in lower case "top" is just a word.
        String s = ODIN_ACRONYM.matcher(text).replaceAll("odin");
        s = GO_LANGUAGE.matcher(s).replaceAll("golang");
        s = s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('–', '-').replace('—', '-');
        for (Rewrite rewrite : REWRITES) {
            s = rewrite.apply(s);
        }
        // "first month" and "phase one" name a phase; "one month" is a duration.
        s = ORDINAL_PHASE.matcher(s).replaceAll(r -> r.group(2) + " " + ordinal(r.group(1)));
        s = PHASE_ONE.matcher(s).replaceAll("$1 1");
        s = ORDINAL_DIGITS.matcher(s).replaceAll("$1");
        s = ORDINAL_WORD.matcher(s).replaceAll(r -> String.valueOf(ordinal(r.group())));
        return NUMBER_WORD.matcher(s).replaceAll(r -> String.valueOf(List.of(NUMBER_WORDS).indexOf(r.group())));
    }

    private static int ordinal(String word) {
        return List.of(ORDINALS).indexOf(word);
    }

    /** Search terms of already normalised text. */
    List<String> terms(String normalized) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(normalized))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (!t.isEmpty()) {
                    terms.add(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    List<String> analyze(String text) {
        return terms(normalize(text));
    }
}
