package org.roadmapbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.roadmapbot.fuzz.HostileStrings;

class ButtonIdTest {

    @Test
    void newIdsAreWrittenInVersionTwoAndReadBack() {
        ButtonId id = ButtonId.of("progress", "done", "100", "http-basics");
        assertThat(id.encode()).isEqualTo("2:progress:done:100:http-basics");
        assertThat(ButtonId.parse(id.encode())).contains(id);
        assertThat(ButtonId.of("privacy", "confirm-delete").encode()).isEqualTo("2:privacy:confirm-delete");
    }

    @Test
    void versionOneIdsInOldMessagesStillParseToTheSameCommandActionAndArguments() {
        assertThat(ButtonId.parse("progress:done:100:http-basics"))
                .contains(new ButtonId(1, "progress", "done", List.of("100", "http-basics")));
        assertThat(ButtonId.parse("ask:more:course-boot-dev"))
                .contains(new ButtonId(1, "ask", "more", List.of("course-boot-dev")));
        assertThat(ButtonId.parse("leaderboard:page:all-time:2"))
                .contains(new ButtonId(1, "leaderboard", "page", List.of("all-time", "2")));
        assertThat(ButtonId.parse("privacy:cancel-delete"))
                .contains(new ButtonId(1, "privacy", "cancel-delete", List.of()));
        assertThat(ButtonId.parse("progress:next").orElseThrow().encode()).isEqualTo("progress:next");
    }

    @Test
    void anythingTheEncoderCouldNotHaveWrittenIsRefused() {
        for (String forged : new String[] {
            "",
            "progress",
            "progress:",
            ":done",
            "progress::x",
            "progress:done:",
            "Progress:done",
            "progress:done:a b",
            "progress:done:<@123>",
            "3:progress:done:x",
            "2:",
            "2:progress",
            "progress:done:" + "x".repeat(65),
            "progress:" + "d".repeat(33),
            "a:b:" + "c".repeat(60) + ":" + "d".repeat(40)
        }) {
            assertThat(ButtonId.parse(forged)).as(forged).isEmpty();
        }
        assertThat(ButtonId.parse(null)).isEmpty();
        assertThatThrownBy(() -> ButtonId.of("progress", "done", "a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonId.of("progress", "done", "x".repeat(64), "y".repeat(64))
                        .encode())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
    }

    /** Fuzzed: hostile text never throws, and whatever parses is exactly what encoding it writes back. */
    @Test
    void fuzzedIdsNeverThrowAndWhatParsesEncodesBackUnchanged() {
        SplittableRandom random = new SplittableRandom(0x5EED2026L);
        String[] prefixes = {"", "2:", "progress:", "2:progress:done:", "leaderboard:page:", "ask:more:", "privacy:"};
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            String id = prefixes[random.nextInt(prefixes.length)] + HostileStrings.next(random);
            Optional<ButtonId> button = ButtonId.parse(id);
            if (button.isPresent()) {
                parsed++;
                assertThat(button.get().encode()).as(id).isEqualTo(id);
            }
        }
        // Valid ids built at random from the alphabet round-trip too.
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 2000; i++) {
            String[] args = new String[random.nextInt(4)];
            for (int a = 0; a < args.length; a++) {
                args[a] = word(random, alphabet + "ABC.", 1 + random.nextInt(12));
            }
            ButtonId id = ButtonId.of(
                    "c" + word(random, alphabet, random.nextInt(12)),
                    "a" + word(random, alphabet, random.nextInt(12)),
                    args);
            assertThat(ButtonId.parse(id.encode())).contains(id);
            parsed++;
        }
        assertThat(parsed).isGreaterThan(2000);
    }

    private static String word(SplittableRandom random, String alphabet, int length) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return w.toString();
    }
}
