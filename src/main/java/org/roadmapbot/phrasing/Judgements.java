package org.roadmapbot.phrasing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opinions, verdicts and advice the facts don't give: "a scam", "better than", "avoid", "the
 * best", "overpriced", "I recommend", "honestly". A phrase the facts themselves use ("Best for",
 * "the most popular programming language", "not harder") may be repeated; friendliness aimed at
 * the member ("Great question!", "Nice work") is no judgement of anything in the guide.
 */
final class Judgements {

    private static final String GOOD_OR_BAD =
            "great|good|excellent|solid|fantastic|amazing|awesome|perfect|ideal|outstanding"
                    + "|terrible|awful|bad|poor|mediocre|weak|horrible|fine|decent|smart|wise|safe|risky|top";
    private static final Pattern JUDGEMENT = Pattern.compile("(?i)\\b(?:"
            + "scam(?:s|my|mers?)?|fraud(?:ulent)?|rip-?offs?|con\\s+artists?|waste\\s+of\\s+(?:time|money)|worthless|useless|pointless"
            + "|over-?priced|over-?rated|under-?rated|pricey|(?:too\\s+|very\\s+|quite\\s+)?expensive|cheap(?:er|est|ly)?|affordable"
            + "|inexpensive|bargain|(?:good|great|best|better|poor|bad)\\s+value|(?:not\\s+)?worth\\s+(?:it|the|every|your|paying)"
            + "|better|worse|worst|superior|inferior|best\\s+for|the\\s+best(?!\\s+for\\b)|best\\s+(?:option|choice|course|pick|way|bet|resource|platform"
            + "|language|path|program|investment)|(?:is|are|'s|’s)\\s+best(?!\\s+for\\b)"
            + "|avoid(?:s|ed|ing)?|stay\\s+away|steer\\s+clear|(?:don't|don’t|do\\s+not)\\s+bother"
            + "|recommend(?:s|ed|ing|ations?)?|suggest(?:s|ed|ion)?|my\\s+(?:advice|pick|favou?rite|view|take)"
            + "|in\\s+my\\s+(?:opinion|view|experience)|personally|honestly|frankly|imo|imho|trust\\s+me|to\\s+be\\s+honest"
            + "|(?:i|we)\\s+(?:really\\s+)?(?:think|believe|feel|love|like|prefer|hate|'d\\s+go|would\\s+go)"
            + "|go\\s+with|stick\\s+with|(?:is|are|'s|’s|was|were)\\s+(?:really\\s+|very\\s+|so\\s+|pretty\\s+|quite\\s+)?(?:"
            + GOOD_OR_BAD + "|outdated|obsolete|legit|sketchy|shady|dodgy|reliable|trustworthy|overkill|enough)"
            + "|(?:" + GOOD_OR_BAD
            + ")\\s+(?:choice|option|pick|course|platform|program|investment|value|deal|fit|resource|way"
            + "|path|bet)"
            + "|top-notch|world-class|industry-leading|guarantee[sd]?|easy|easiest|easier|harder|hardest|simplest|strongest"
            + "|fastest|most\\s+popular|popular|leading|premier|must-have|essential|mandatory|required"
            + ")\\b");

    private Judgements() {}

    static Optional<String> check(String output, String facts) {
        String allowed = facts.toLowerCase(Locale.ROOT).replace('’', '\'');
        Matcher m = JUDGEMENT.matcher(output.replace('’', '\''));
        while (m.find()) {
            String phrase = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!allowed.contains(phrase)) {
                return Optional.of("added the judgement '" + m.group() + "'");
            }
        }
        return Optional.empty();
    }
}
