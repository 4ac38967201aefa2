package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void mentionsAreBrokenAndMarkdownEscaped() {
        String escaped = Text.escape("@everyone **bold** <@123> @here");
        assertThat(escaped).doesNotContain("@everyone").doesNotContain("@here").doesNotContain("<@123>");
        assertThat(escaped).contains("\\*\\*bold\\*\\*");
    }

    @Test
    void massMentionsInAnyCaseAreBroken() {
        // Found by CommandFuzzTest: "@HERE" in a course filter came back intact.
        assertThat(Text.escape("@HERE @Everyone @eVeRyOnE"))
                .doesNotContainIgnoringCase("@here")
                .doesNotContainIgnoringCase("@everyone");
    }

    @Test
    void nonLatinAndEmojiNamesSurvive() {
        assertThat(Text.escape("Ана 🚀 مرحبا")).isEqualTo("Ана 🚀 مرحبا");
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(Text.escape("a\u0000b\nc")).isEqualTo("a b c");
    }
}
