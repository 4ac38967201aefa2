package org.roadmapbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapbot.knowledge.data.CoursesFile;
import org.roadmapbot.knowledge.data.DataError;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.KnowledgeLoader;
import org.roadmapbot.knowledge.data.ProjectsFile;
import org.roadmapbot.knowledge.data.RoadmapFile;

class KnowledgeLoaderTest {

    private static final Path DATA = Path.of("roadmap-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    /** A copy of the data in a folder named as the real one, so messages read "roadmap-data/…". */
    Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createDirectories(temp.resolve("roadmap-data"));
    }

    @Test
    void bundledDataLoadsWithEveryPartOfTheSource() {
        KnowledgeBase kb = KnowledgeLoader.loadBundled();

        assertThat(kb.phases()).hasSize(4);
        assertThat(kb.phases()).extracting(RoadmapFile.Phase::months).containsExactly("1-2", "3-4", "5-6", "7-8");
        assertThat(kb.roadmap().tracks()).extracting(RoadmapFile.Track::id).containsExactly("javascript", "python");
        assertThat(kb.roadmap().paces()).extracting(RoadmapFile.Pace::months).containsExactly("6-10", "10-15", "3-4");
        assertThat(kb.courses())
                .extracting(CoursesFile.Course::provider)
                .containsExactly(
                        "Scrimba",
                        "freeCodeCamp",
                        "The Odin Project",
                        "boot.dev",
                        "Fullstack Open (University of Helsinki)");
        assertThat(kb.faqFile().faq()).hasSize(5);
        assertThat(kb.projectsFile().projects())
                .extracting(ProjectsFile.Project::level)
                .containsExactly("beginner", "intermediate", "advanced", "capstone");
        assertThat(kb.stacksFile().stacks()).hasSize(5);
        assertThat(kb.takeawaysFile().takeaways()).hasSize(7);
        assertThat(kb.sourcesFile().sources()).hasSize(11);
        assertThat(kb.topics()).hasSizeGreaterThan(20);
    }

    @Test
    void directoryCopyLoadsLikeTheBundledData() throws IOException {
        copyData();
        assertThat(KnowledgeLoader.loadFrom(dir).topics())
                .hasSameSizeAs(KnowledgeLoader.loadBundled().topics());
    }

    @Test
    void everyNumberInTheDataIsInTheSourceText() throws IOException {
        String source = Files.readString(DATA.resolve("source.txt"));
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String json = Files.readString(file);
                // Skip the askedAs hints (questions, not facts) and ids.
                String facts = json.replaceAll("(?s)\"askedAs\"\\s*:\\s*\\[[^\\]]*\\]", "")
                        .replaceAll("\"(id|resources|topics|citations)\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])", "");
                var numbers =
                        java.util.regex.Pattern.compile("\\d[\\d,.]*\\d|\\d").matcher(facts);
                while (numbers.find()) {
                    String n = numbers.group();
                    if (n.equals("0")) {
                        continue; // monthlyUsd of a free course
                    }
                    assertThat(source)
                            .as("number %s in %s", n, file.getFileName())
                            .contains(n);
                }
            }
        }
    }

    @Test
    void duplicateIdStopsStartupNamingFileAndEntry() throws IOException {
        copyData();
        editJson(
                "faq.json",
                root -> ((ObjectNode) root.get("faq").get(1))
                        .put("id", root.get("faq").get(0).get("id").asText()));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/faq.json")
                .hasMessageContaining("entry 'faq-how-long'")
                .hasMessageContaining("duplicate id");
    }

    @Test
    void unknownTopicReferenceStopsStartup() throws IOException {
        copyData();
        editJson(
                "projects.json",
                root -> ((ArrayNode) root.get("projects").get(0).get("topics")).add("quantum-computing"));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/projects.json")
                .hasMessageContaining("unknown topic 'quantum-computing'");
    }

    @Test
    void missingFieldStopsStartupNamingTheEntry() throws IOException {
        copyData();
        editJson("courses.json", root -> ((ObjectNode) root.get("courses").get(3)).remove("format"));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/courses.json")
                .hasMessageContaining("boot-dev-backend")
                .hasMessageContaining("format");
    }

    @Test
    void blankRequiredFieldIsMissing() throws IOException {
        copyData();
        editJson("stacks.json", root -> ((ObjectNode) root.get("stacks").get(0)).put("use", " "));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/stacks.json: entry 'stack-node-express': missing field 'use'");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        copyData();
        editJson("faq.json", root -> ((ObjectNode) root.get("faq").get(0)).put("anwser", "typo"));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/faq.json")
                .hasMessageContaining("anwser");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        copyData();
        Files.writeString(dir.resolve("stacks.json"), "{\n \"section\": \"x\",\n \"stacks\": [ {\"id\": \"a\" \n");

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessageContaining("roadmap-data/stacks.json")
                .hasMessageContaining("line");
    }

    @Test
    void unknownCitationAndUnknownSectionAreRejected() throws IOException {
        copyData();
        editJson("faq.json", root -> ((ArrayNode) root.get("faq").get(2).get("citations")).add("wikipedia"));
        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir)).hasMessageContaining("unknown citation 'wikipedia'");

        copyData();
        editJson(
                "stacks.json",
                root -> ((ObjectNode) root.get("stacks").get(1)).put("section", "A Heading Nobody Wrote"));
        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .hasMessageContaining("roadmap-data/stacks.json")
                .hasMessageContaining("not a heading of source.txt");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        copyData();
        Files.delete(dir.resolve("projects.json"));

        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(dir))
                .isInstanceOf(DataError.class)
                .hasMessage(dir.resolve("projects.json") + ": file is missing");
    }

    @Test
    void aFolderThatIsNotThereIsNamedAsGiven() {
        Path nowhere = temp.resolve("nonexistent");
        assertThatThrownBy(() -> KnowledgeLoader.loadFrom(nowhere))
                .isInstanceOf(DataError.class)
                .hasMessageStartingWith(nowhere + ": no such folder");
    }

    private void copyData() throws IOException {
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void editJson(String name, Consumer<com.fasterxml.jackson.databind.JsonNode> edit) throws IOException {
        var root = JSON.readTree(dir.resolve(name).toFile());
        edit.accept(root);
        JSON.writeValue(dir.resolve(name).toFile(), root);
    }
}
