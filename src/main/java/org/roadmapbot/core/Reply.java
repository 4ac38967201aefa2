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
 * @param form        a form to fill in instead of a message (a Discord modal), or null; {@code content}
 *                    then says how to do the same without it (the console shows only that)
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
        List<String> sources,
        Form form) {

    public Reply {
        Objects.requireNonNull(content, "content");
        fields = List.copyOf(fields);
        attachments = List.copyOf(attachments);
        buttons = List.copyOf(buttons);
        sources = List.copyOf(sources);
    }

    /** A reply without a form. */
    public Reply(
            String content,
            String title,
            List<Field> fields,
            String footer,
            boolean ephemeral,
            boolean error,
            List<Attachment> attachments,
            List<Button> buttons,
            List<String> sources) {
        this(content, title, fields, footer, ephemeral, error, attachments, buttons, sources, null);
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
        Builder b = new Builder(content)
                .title(title)
                .footer(footer)
                .ephemeral(ephemeral)
                .error(error);
        fields.forEach(f -> b.field(f.name(), f.value(), f.inline()));
        attachments.forEach(b::attachment);
        buttons.forEach(b::button);
        b.sources(sources);
        b.form(form);
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
        public enum Style {
            PRIMARY,
            SECONDARY,
            SUCCESS,
            DANGER
        }

        public Button {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(style, "style");
            if (customId.length() > 100) {
                throw new IllegalArgumentException("custom id longer than Discord's 100 chars: " + customId);
            }
        }
    }

    /**
     * A form the member fills in (a Discord modal): submitted, it comes back to the command that made
     * it as {@link Command#onForm} with the value of each input by id. {@code customId} is routed like
     * a button's ("faq:add").
     */
    public record Form(String customId, String title, List<Input> inputs) {
        public Form {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(title, "title");
            inputs = List.copyOf(inputs);
            if (customId.length() > 100) {
                throw new IllegalArgumentException("form id longer than Discord's 100 chars: " + customId);
            }
            if (inputs.isEmpty() || inputs.size() > 5) {
                throw new IllegalArgumentException("a form has 1 to 5 inputs: " + customId);
            }
        }
    }

    /**
     * One text input of a form: {@code value} is filled in already (null for none), {@code paragraph}
     * for several lines.
     */
    public record Input(String id, String label, String value, boolean paragraph, int maxLength, boolean required) {
        public Input {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
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
        private Form form;

        private Builder(String content) {
            this.content = content;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder footer(String value) {
            this.footer = value;
            return this;
        }

        public Builder ephemeral(boolean value) {
            this.ephemeral = value;
            return this;
        }

        public Builder error(boolean value) {
            this.error = value;
            return this;
        }

        public Builder field(String name, String value, boolean inline) {
            fields.add(new Field(name, value, inline));
            return this;
        }

        public Builder attachment(Attachment value) {
            attachments.add(value);
            return this;
        }

        public Builder button(Button value) {
            buttons.add(value);
            return this;
        }

        public Builder sources(List<String> ids) {
            sources.addAll(ids);
            return this;
        }

        public Builder form(Form value) {
            this.form = value;
            return this;
        }

        public Reply build() {
            return new Reply(content, title, fields, footer, ephemeral, error, attachments, buttons, sources, form);
        }
    }
}
