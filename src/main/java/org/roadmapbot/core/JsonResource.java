package org.roadmapbot.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a bundled JSON data file (rules, answer types, small talk) into its record. Strict: a property
 * the record doesn't have is an error, so a misspelt key in the data stops start-up instead of being
 * ignored.
 */
public final class JsonResource {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonResource() {}

    /** The classpath resource (an absolute path, e.g. {@code /smalltalk.json}) read as {@code type}. */
    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = JsonResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return STRICT.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
