package org.roadmapbot.knowledge.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads roadmap-data/*.json into records, from a directory (for editing without a rebuild) or
 * from the copy bundled in the jar, and refuses anything malformed or inconsistent with one
 * message that names the file and the entry.
 */
public final class KnowledgeLoader {

    static final String CLASSPATH_ROOT = "roadmap-data/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final FileSource files;
    /** The folder as its messages name it: "roadmap-data" for the bundled copy, else the folder as given. */
    private final String where;

    private KnowledgeLoader(FileSource files, String where) {
        this.files = files;
        this.where = where;
    }

    /** The data bundled in the jar. */
    public static KnowledgeBase loadBundled() {
        return new KnowledgeLoader(KnowledgeLoader::readClasspath, "roadmap-data").load();
    }

    /** The data in a directory laid out like roadmap-data/; every message names that directory as given. */
    public static KnowledgeBase loadFrom(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataError(dir
                    + ": no such folder (ROADMAP_BOT_KNOWLEDGE_DIR must name a folder laid out like roadmap-data/)");
        }
        return new KnowledgeLoader(
                        name -> {
                            Path file = dir.resolve(name);
                            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
                        },
                        dir.toString())
                .load();
    }

    private KnowledgeBase load() {
        String sourceText = text("source.txt");
        KnowledgeBase kb = new KnowledgeBase(
                read("roadmap.json", RoadmapFile.class),
                read("courses.json", CoursesFile.class),
                read("faq.json", FaqFile.class),
                read("projects.json", ProjectsFile.class),
                read("stacks.json", StacksFile.class),
                read("careers.json", CareersFile.class),
                read("takeaways.json", TakeawaysFile.class),
                read("sources.json", SourcesFile.class),
                sourceText);
        new KnowledgeValidator(kb, where).validate();
        return kb;
    }

    private String text(String name) {
        try {
            String content = files.read(name);
            if (content == null) {
                throw new DataError(where + "/" + name + ": file is missing");
            }
            return content;
        } catch (IOException e) {
            throw new DataError(where + "/" + name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private <T> T read(String name, Class<T> type) {
        String json = text(name);
        T value;
        JsonNode tree = null;
        try {
            tree = MAPPER.readTree(json);
            value = MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new DataError(where + "/" + name + ": " + entryAt(tree, e) + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new DataError(
                    where + "/" + name + ": not valid JSON at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()
                            + " (" + e.getOriginalMessage() + ")",
                    e);
        }
        if (value == null) {
            throw new DataError(where + "/" + name + ": file is empty");
        }
        requireFields(name, value, null, "");
        return value;
    }

    /** "entry 'x': " for the innermost object with an id on the error's path, or "". */
    private static String entryAt(JsonNode tree, JsonMappingException e) {
        String id = null;
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (node == null) {
                break;
            }
            if (node.hasNonNull("id")) {
                id = node.get("id").asText();
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        if (node != null && node.isObject() && node.hasNonNull("id")) {
            id = node.get("id").asText();
        }
        return id == null ? "" : "entry '" + id + "': ";
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        if (cut < 0) {
            cut = message.indexOf(", not marked as ignorable");
        }
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        return (path.isEmpty() ? "" : "at " + path + ": ")
                + message.replace('"', '\'')
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")");
    }

    /** Walks the records: a null or blank component not marked {@link OptionalField} is an error. */
    private void requireFields(String file, Object value, String entryId, String path) {
        if (value instanceof Record record) {
            String id = entryIdOf(record, entryId);
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String childPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
                boolean optional = component.isAnnotationPresent(OptionalField.class);
                if (!optional && (child == null || (child instanceof String s && s.isBlank()))) {
                    throw new DataError(where + "/" + file + ": "
                            + (id == null ? "" : "entry '" + id + "': ")
                            + "missing field '" + component.getName() + "' (at " + childPath + ")");
                }
                requireFields(file, child, id, childPath);
            }
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                if (item == null) {
                    throw new DataError(where + "/" + file + ": " + (entryId == null ? "" : "entry '" + entryId + "': ")
                            + "empty item at " + path + "[" + i + "]");
                }
                requireFields(file, item, entryId, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireFields(file, v, entryId, path + "." + k));
        }
    }

    private static String entryIdOf(Record record, String fallback) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals("id")) {
                try {
                    return Objects.toString(component.getAccessor().invoke(record), fallback);
                } catch (ReflectiveOperationException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    private static String readClasspath(String name) throws IOException {
        try (InputStream in = KnowledgeLoader.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface FileSource {
        String read(String name) throws IOException;
    }
}
