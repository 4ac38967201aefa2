package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadmapbot.app.Main;

/**
 * The bot's jar carries no benchmark: it packs the main classes (what {@code Main} was loaded
 * from), and none of them is a benchmark, its load driver, histograms or the fake LLM server.
 */
class BotJarTest {

    @Test
    void theBotsClassesHoldNoBenchmarkCode() throws IOException, URISyntaxException {
        Path classes = Path.of(
                Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("org/roadmapbot/app/Main.class"))
                .as("the main classes of the jar")
                .exists();
        List<String> found;
        try (Stream<Path> files = Files.walk(classes)) {
            found = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class"))
                    .filter(p -> p.startsWith("org/roadmapbot/bench/")
                            || p.contains("Bench")
                            || p.contains("LocalOpenAiServer")
                            || p.contains("LoadDriver")
                            || p.contains("Latenc"))
                    .toList();
        }
        assertThat(found).isEmpty();
        assertThat(classes.resolve("org/roadmapbot/bench")).doesNotExist();
    }
}
