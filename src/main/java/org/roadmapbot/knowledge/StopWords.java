package org.roadmapbot.knowledge;

import java.util.List;
import java.util.stream.Stream;

/**
 * Words that carry no subject in a member's question. Kept apart from the analyzer so the
 * list can grow without touching code. Domain words (learn, free, job, time, build, test, data,
 * long...) must never be listed: they are what questions are about.
 */
final class StopWords {

    private StopWords() {
    }

    private static final List<String> FUNCTION = List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "do", "does", "did", "done",
            "for", "from", "had", "has", "have", "having", "how", "i", "i'm", "im", "i'd", "i've", "if", "in", "into",
            "is", "it", "its", "it's", "me", "my", "myself", "of", "on", "or", "our", "so", "that", "the", "their",
            "them", "then", "there", "there's", "these", "they", "this", "those", "to", "u", "ur", "us", "was", "we",
            "were", "what", "whats", "what's", "when", "where", "where's", "where'd", "which", "who", "who's", "whom",
            "why", "will", "with", "would", "you", "your", "yours", "am", "been", "being", "here", "all", "one", "ones",
            "some", "any", "about", "also", "too", "very", "much", "many", "more", "most", "than", "other", "others",
            "else", "elses", "each", "every", "only", "same", "such", "up", "out", "over", "again", "once",
            "now", "just", "really", "actually", "should", "shall", "may", "might", "must", "can't", "cant", "won't",
            "don't", "dont", "doesn't", "doesnt", "isn't", "isnt", "aren't", "arent", "didn't", "didnt", "whether",
            "via", "through", "thru", "across", "per", "vs", "versus", "between", "either", "neither", "not", "no", "yes", "without",
            "within", "after", "before", "during", "while", "until", "til", "till", "since", "because", "though",
            "although", "how's", "hows", "let", "lets", "let's", "that's", "theres", "he", "she", "her", "his", "him",
            "itself", "themselves", "yourself", "yourselves", "himself", "herself", "ourselves",
            "w", "r", "o", "ok", "okay", "e.g", "eg", "i.e", "ie", "etc", "anything", "something", "everything",
            "nothing", "someone", "somebody", "anyone", "anybody", "everyone", "ppl", "folks", "guys",
            "person", "way", "ways", "kind", "kinds", "sort", "lot", "lots", "bit", "thing", "things",
            "stuff", "case", "cases", "example", "question", "answer", "info", "information",
            "detail", "details", "version", "short", "tldr", "summary", "exactly", 
            "usually", "typically", "generally", "always", "never", "ever", "still", "already",
            "yet", "even", "ever", "pretty", "quite", "super", "totally", "literally", "probably",
            "maybe", "perhaps", "kinda", "sorta", "like", "mostly", "well", "right", "rn", "lol", "lmao", "tbh", "idk", "imo",
            "btw", "pls", "plz", "please", "thanks", "thank", "thx", "ty", "hey", "hi", "hello", "yo", "bro", "bruh",
            "dude", "wtf", "omg", "wat", "wut", "wats", "watz", "abt", "bout", "hw", "wen", "whn", "b", "n", "y", "da", "tho", "ne1", "sum1", "gonna", "wanna", "gotta", "gimme", "lemme", "ya", "yeah", "yep", "nope");

    private static final List<String> GENERIC_VERBS = List.of(
            "tell", "know", "want", "wants", "wanted", "need", "needs", "needed", "get", "gets", "got", "getting",
            "go", "goes", "going", "went", "gone", "give", "gives", "mean", "means",
            "meant", "say", "says", "said", "see", "look", "looks", "looking", "seem", "seems", 
            "guess", "wonder", "wondering", "help", "ask", "asking", "asked", "happen", "happens", "happening",
            "doing", "make", "makes", "making", "made", "take", "takes", "taking", "took", "put", "keep", "come",
            "comes", "came", "use", "used", "uses", "using", "try", "trying", "mention", "mentioned",
            "mentions", "list", "listed", "suggest", "suggests", "suggested", "suggestion",
            "recommend", "recommends", "recommended", "recommendation", "recs", 
            "mind", "involve", "involves", "involved", "explain", "explains", "explained", "explanation", "describe",
            "describes", "described", "description", "elaborate", "clarify", "understand",
            "wonder", "wondered", "interested", "consist", "consists", "comprise", "comprises", "entail", "entails", "appear", "appears",
            "exist", "exists", "discuss", "discussed", "discusses", "talk", "talks", "tip", "tips", "advice", "hint", "hints", "rundown", "breakdown", 
            "compare", "compared", "comparison", "bother", "consider", "considered", "stat", "stats",
            "number", "numbers", "guide", "guide's", "article", "roadmap's", "post", "says");

    private static final List<String> GENERIC_WORDS = List.of(
            "good", "great", "bad", "best", "better", "worse", "worst", "nice", "cool", "big", "small", "little",
            "new", "old", "main", "major", "whole", "certain", "similar",
            "usual", "typical", "general", "important", "early", "late", "soon", "next", "last",
            "stuff", "someone's", "today",
            "year's", "yr", "yrs", "ago", "away", "around", "behind", "scenes", "along", "also", "exact",
            "extra", "correct", "true", "false", "okay", "sure", "able", "possible", "actual", "actually", "quick",
            "quicker", "quickly", "rough", "around", "average", "avg", "typical",
            "amount", "total", "regarding", "re", "suppose", "supposed", "heck", "care", "define", "definition",
            "sentence", "concretely", "concrete", "besides", "argument", "recent", "recently", "honestly", "anyway",
            "whatever", "tl", "dr", "tl;dr", "worth", "worthwhile", "legit", "fine", "enough",
            "wondering", "curious", "confused", "stuck", "sorry", "short", "shortly", "brief", "briefly",
            // Chat filler and hedges: "hmm", "quick q:", "what's the deal with", "genuinely curious".
            "hmm", "hmmm", "hm", "um", "umm", "uh", "uhh", "er", "q", "qq", "genuinely", "seriously", "basically",
            "simply", "truly", "currently", "personally", "deal", "vibe", "vibes",
            "roughly", "approximately", "approx", "nearly", "almost");

    static final List<String> ALL = Stream.of(FUNCTION, GENERIC_VERBS, GENERIC_WORDS)
            .flatMap(List::stream).distinct().toList();
}
