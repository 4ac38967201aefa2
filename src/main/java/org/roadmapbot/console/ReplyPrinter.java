package org.roadmapbot.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.roadmapbot.core.Reply;

/** Prints a reply for a terminal, or as one JSON object per line for tools and tests. */
public final class ReplyPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyPrinter() {}

    public static String text(Reply reply) {
        return text(reply, List.of());
    }

    /**
     * The reply for a terminal; {@code savedFiles} are where its attachments were written
     * ({@code console --files}), in order, or empty when they were not written.
     */
    public static String text(Reply reply, List<Path> savedFiles) {
        StringBuilder out = new StringBuilder();
        if (reply.error()) {
            out.append("⚠ ");
        }
        if (reply.title() != null && !reply.content().contains(reply.title())) {
            out.append("== ").append(reply.title()).append(" ==\n");
        }
        out.append(reply.content());
        for (Reply.Field f : reply.fields()) {
            out.append("\n\n[").append(f.name()).append("]\n").append(f.value());
        }
        if (reply.footer() != null && !reply.content().contains(reply.footer())) {
            out.append("\n— ").append(reply.footer());
        }
        for (int i = 0; i < reply.attachments().size(); i++) {
            Reply.Attachment a = reply.attachments().get(i);
            out.append("\n📎 ")
                    .append(a.fileName())
                    .append(" (")
                    .append(a.data().length)
                    .append(" bytes)");
            if (i < savedFiles.size()) {
                out.append(" → ").append(savedFiles.get(i));
            }
        }
        if (!reply.buttons().isEmpty()) {
            out.append('\n');
            for (Reply.Button b : reply.buttons()) {
                out.append("[")
                        .append(b.label())
                        .append(" → /press ")
                        .append(b.customId())
                        .append("] ");
            }
        }
        if (reply.ephemeral()) {
            out.append("\n(only you can see this)");
        }
        return out.toString().stripTrailing();
    }

    public static ObjectNode json(Reply reply) {
        return json(reply, null);
    }

    /**
     * The reply as JSON. {@code attachments} lists file names; when the files were written
     * ({@code savedFiles} not null, {@code console --files}) each is an object with
     * {@code name}, {@code bytes} and {@code path} instead.
     */
    public static ObjectNode json(Reply reply, List<Path> savedFiles) {
        ObjectNode node = JSON.createObjectNode();
        node.put("content", reply.content());
        node.put("title", reply.title());
        ArrayNode fields = node.putArray("fields");
        reply.fields()
                .forEach(f -> fields.addObject()
                        .put("name", f.name())
                        .put("value", f.value())
                        .put("inline", f.inline()));
        node.put("footer", reply.footer());
        node.put("ephemeral", reply.ephemeral());
        node.put("error", reply.error());
        ArrayNode attachments = node.putArray("attachments");
        for (int i = 0; i < reply.attachments().size(); i++) {
            Reply.Attachment a = reply.attachments().get(i);
            if (savedFiles == null) {
                attachments.add(a.fileName());
            } else {
                attachments
                        .addObject()
                        .put("name", a.fileName())
                        .put("bytes", a.data().length)
                        .put("path", savedFiles.get(i).toString());
            }
        }
        ArrayNode buttons = node.putArray("buttons");
        reply.buttons()
                .forEach(b -> buttons.addObject()
                        .put("id", b.customId())
                        .put("label", b.label())
                        .put("style", b.style().name().toLowerCase(java.util.Locale.ROOT)));
        ArrayNode sources = node.putArray("sources");
        reply.sources().forEach(sources::add);
        return node;
    }

    public static String jsonLine(Reply reply) {
        return json(reply).toString();
    }

    public static String jsonLine(Reply reply, List<Path> savedFiles) {
        return json(reply, savedFiles).toString();
    }
}
