package org.roadmapbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One REST call the bot made to the fake Discord. JSON bodies are parsed; multipart bodies
 * (messages with files) give their "payload_json" part as {@link #json()} and the file parts
 * as {@link #files()}.
 *
 * @param path path after /api/v10/
 */
public record RestCall(
        String method,
        String path,
        String query,
        String authorization,
        String contentType,
        JsonNode json,
        List<FilePart> files) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern DISPOSITION = Pattern.compile("name=\"([^\"]*)\"(?:; *filename=\"([^\"]*)\")?");

    /** A file the bot uploaded. */
    public record FilePart(String field, String fileName, byte[] data) {}

    static RestCall parse(
            String method, String path, String query, String authorization, String contentType, byte[] body) {
        JsonNode json = MissingNode.getInstance();
        List<FilePart> files = new ArrayList<>();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/form-data")) {
                Matcher b = BOUNDARY.matcher(contentType);
                if (b.find()) {
                    for (Part part : parts(body, b.group(1))) {
                        if (part.name().equals("payload_json")) {
                            json = JSON.readTree(part.data());
                        } else {
                            files.add(new FilePart(part.name(), part.fileName(), part.data()));
                        }
                    }
                }
            } else if (body.length > 0) {
                json = JSON.readTree(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the bot sent a body the fake cannot read: " + new String(body, StandardCharsets.UTF_8), e);
        }
        return new RestCall(method, path, query, authorization, contentType, json, List.copyOf(files));
    }

    /** The message part of a callback, follow-up or edit: callbacks wrap it in "data". */
    public JsonNode message() {
        return json.has("data") && json.has("type") ? json.get("data") : json;
    }

    /** The interaction callback type: 4 reply, 5 deferred reply, 8 autocomplete result. */
    public int callbackType() {
        return json.path("type").asInt(-1);
    }

    /** Everything a member could read in the message: content, embed titles, descriptions, fields, footers. */
    public String visibleText() {
        JsonNode m = message();
        StringBuilder text = new StringBuilder(m.path("content").asText(""));
        for (JsonNode e : m.path("embeds")) {
            text.append('\n')
                    .append(e.path("title").asText(""))
                    .append('\n')
                    .append(e.path("description").asText(""));
            for (JsonNode f : e.path("fields")) {
                text.append('\n')
                        .append(f.path("name").asText(""))
                        .append('\n')
                        .append(f.path("value").asText(""));
            }
            text.append('\n').append(e.path("footer").path("text").asText(""));
        }
        return text.toString();
    }

    /** Whether the message is ephemeral (flag 64). */
    public boolean ephemeral() {
        return (message().path("flags").asInt(0) & 64) != 0;
    }

    private record Part(String name, String fileName, byte[] data) {}

    private static List<Part> parts(byte[] body, String boundary) {
        // Latin-1 maps bytes 1:1 to chars, so binary file parts survive the round trip.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        for (String chunk : text.split(Pattern.quote(delimiter))) {
            if (chunk.isBlank() || chunk.startsWith("--")) {
                continue;
            }
            String section = chunk.startsWith("\r\n") ? chunk.substring(2) : chunk;
            int headerEnd = section.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = section.substring(0, headerEnd);
            String data = section.substring(headerEnd + 4);
            if (data.endsWith("\r\n")) {
                data = data.substring(0, data.length() - 2);
            }
            Matcher d = DISPOSITION.matcher(headers);
            if (d.find()) {
                parts.add(new Part(d.group(1), d.group(2), data.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return parts;
    }
}
