package org.roadmapbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.testing.CapturedOutput;

/** `bench startup --baseline-jar`: both jars answer a one-shot ask in turn, in their own directories. */
class StartupBenchComparisonTest {

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @TempDir
    Path dir;

    @Test
    void comparesTheTwoJarsOneShotAskAndPrintsBothMediansAndTheRatio() throws Exception {
        StartupBench bench = new StartupBench();
        bench.jar = jar("current.jar", FakeBotMain.class.getName());
        bench.baselineJar = jar("before.jar", FakeBotMain.class.getName());
        bench.runs = 2;

        bench.printComparison(dir);

        assertThat(output.out())
                .containsPattern("\\| one-shot `ask` of the packaged jar, process start to exit \\(median of 2, "
                        + "taking turns\\) \\| \\d+ ms \\|")
                .containsPattern("\\| … of the baseline jar before.jar, the same way \\| \\d+ ms \\(this build: "
                        + "[0-9.]+× its time\\) \\|");
        // Each jar ran in its own directory, where its database goes.
        assertThat(dir.resolve("one-shot-current/data")).isDirectory();
        assertThat(dir.resolve("one-shot-baseline/data")).isDirectory();
        assertThat(dir.resolve("one-shot-baseline/one-shot.log"))
                .content()
                .contains("An answer to: " + StartupBench.ONE_SHOT_QUESTION);
    }

    @Test
    void aJarThatCannotAnswerFailsTheBenchWithWhatItPrinted() throws Exception {
        Path broken = jar("broken.jar", "org.roadmapbot.NoSuchMain");

        assertThatThrownBy(() -> StartupBench.oneShotAsk(broken, dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.jar: one-shot ask failed (exit 1)")
                .hasMessageContaining("NoSuchMain");
        assertThatThrownBy(() -> StartupBench.oneShotAsk(dir.resolve("missing.jar"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no jar at");
    }

    /** A jar holding FakeBotMain, started by {@code mainClass}. */
    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = dir.resolve(name);
        String entry = FakeBotMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream in = FakeBotMain.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
