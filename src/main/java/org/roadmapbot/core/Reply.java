package org.roadmapbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command answers, for any adapter: text, embed-like fields, images, buttons.
 * Discord renders it as a message with an embed; the console prints it.
 *
 * @param content     the main text (markdown); always carries every fact for screen readers
 * @param title       embed title or null
 * @param fields      embed fields in order
 * @param footer      embed footer (sources) or null
 * @param ephemeral   only the asker sees it
 * @param error       the reply is a refusal or an error message
 * @param attachments files (PNG images, JSON exports)
 * @param buttons     buttons with stable custom ids
 * @param sources     ids of the roadmap-data entries the answer came from
 */
public record Reply(
        String content,
        String title,
        List<Field> fields,
        String footer,
        boolean ephemeral,
        boolean error,
        List<Attachment> attachments,
        List<Button> buttons,
        List<String> sources) {

    public Reply {
        Objects.requireNonNull(content, "content");
        fields = List.copyOf(fields);
        attachments = List.copyOf(attachments);
        buttons = List.copyOf(buttons);
        sources = List.copyOf(sources);
    }

    public static Reply text(String content) {
        return builder(content).build();
    }

    /** An expected problem (bad input, not allowed): private, polite, says what to do. */
    public static Reply error(String message) {
        return builder(message).ephemeral(true).error(true).build();
    }

    public static Builder builder(String content) {
        return new Builder(content);
    }

    public Builder toBuilder() {
        Builder b = new Builder(content).title(title).footer(footer).ephemeral(ephemeral).error(error);
        fields.forEach(f -> b.field(f.name(), f.value(), f.inline()));
        attachments.forEach(b::attachment);
        buttons.forEach(b::button);
        b.sources(sources);
        return b;
    }

    /** An embed field. */
    public record Field(String name, String value, boolean inline) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A file sent with the reply. */
    public record Attachment(String fileName, String contentType, byte[] data) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A button. {@code customId} is stable and self-describing ("progress:done:http-basics"),
     * so a press after a restart still means the same thing.
     */
    public record Button(String customId, String label, Style style) {
        public enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

        public Button {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
            if (customId.length() > 100) {
                throw new IllegalArgumentException("custom id longer than Discord's 100 chars: " + customId);
            }
        }
    }

    public static final class Builder {
        private final String content;
        private String title;
        private String footer;
        private boolean ephemeral;
        private boolean error;
        private final List<Field> fields = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        private Builder(String content) {
            this.content = content;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder footer(String value) { this.footer = value; return this; }
        public Builder ephemeral(boolean value) { this.ephemeral = value; return this; }
        public Builder error(boolean value) { this.error = value; return this; }
        public Builder field(String name, String value, boolean inline) { fields.add(new Field(name, value, inline)); return this; }
        public Builder attachment(Attachment value) { attachments.add(value); return this; }
        public Builder button(Button value) { buttons.add(value); return this; }
        public Builder sources(List<String> ids) { sources.addAll(ids); return this; }

        public Reply build() {
            return new Reply(content, title, fields, footer, ephemeral, error, attachments, buttons, sources);
        }
    }
}
