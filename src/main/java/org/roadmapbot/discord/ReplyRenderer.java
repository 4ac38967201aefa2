package org.roadmapbot.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a core {@link Reply} into a Discord message within Discord's limits: short plain text
 * stays message content; anything with a title, fields or a footer, or longer than 2,000
 * characters, becomes embeds (4,096 per description, 25 fields of 1,024, 6,000 in all, 10
 * embeds). Buttons become action rows of five; attachments become uploads. Mentions are
 * always off, whatever the text says.
 */
final class ReplyRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyRenderer.class);

    static final int CONTENT_MAX = Message.MAX_CONTENT_LENGTH;
    static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH;
    static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    static final int FIELD_NAME_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    static final int FIELDS_MAX = MessageEmbed.MAX_FIELD_AMOUNT;
    static final int EMBED_TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int BUTTONS_MAX = 25;
    static final int BUTTON_LABEL_MAX = 80;

    private static final int COLOR_NORMAL = 0x5865F2;
    private static final int COLOR_ERROR = 0xED4245;
    private static final String CONTINUED = " (continued)";
    private static final String SHORTENED = "\n… (shortened to fit Discord)";

    private ReplyRenderer() {}

    /** Shown instead of a form Discord can no longer open (the interaction was already acknowledged). */
    static final String FORM_TOO_LATE = "I couldn't open the form in time. Please run the command again.";

    /**
     * The reply as a message. A reply that is a form ({@link Reply#form()}) is shown as a modal when it can
     * be; this message is what is shown when it cannot.
     */
    static MessageCreateData render(Reply reply) {
        if (reply.form() != null) {
            return render(Reply.error(FORM_TOO_LATE));
        }
        MessageCreateBuilder message =
                new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        boolean embedMode = reply.title() != null
                || !reply.fields().isEmpty()
                || reply.footer() != null
                || reply.content().length() > CONTENT_MAX;
        List<FileUpload> files = files(reply);
        if (embedMode) {
            message.setEmbeds(embeds(reply, firstImage(files)));
        } else if (!reply.content().isBlank()) {
            message.setContent(reply.content());
        } else if (files.isEmpty()) {
            message.setContent("(no text)");
        }
        message.setFiles(files);
        message.setComponents(rows(reply.buttons()));
        return message.build();
    }

    /** Builds embeds for the reply, spending Discord's 6,000-character budget in reading order. */
    static List<MessageEmbed> embeds(Reply reply, String imageFile) {
        Budget budget = new Budget(EMBED_TOTAL_MAX);
        String title = reply.title() == null ? null : cut(reply.title().strip(), MessageEmbed.TITLE_MAX_LENGTH);
        String footer = reply.footer() == null || reply.footer().isBlank()
                ? null
                : cut(reply.footer().strip(), MessageEmbed.TEXT_MAX_LENGTH);
        budget.reserve(title);
        budget.reserve(footer);

        List<EmbedBuilder> embeds = new ArrayList<>();
        EmbedBuilder current = newEmbed(reply);
        embeds.add(current);
        if (title != null && !title.isEmpty()) {
            current.setTitle(title);
        }
        if (imageFile != null) {
            current.setImage("attachment://" + imageFile);
        }
        List<String> chunks = chunks(reply.content(), DESCRIPTION_MAX);
        for (int i = 0; i < chunks.size() && !budget.exhausted(); i++) {
            if (i > 0) {
                if (embeds.size() == Message.MAX_EMBED_COUNT) {
                    budget.exhaust();
                    break;
                }
                current = newEmbed(reply);
                embeds.add(current);
            }
            current.setDescription(budget.take(chunks.get(i)));
        }
        for (Reply.Field field : reply.fields()) {
            String name =
                    cut(field.name().isBlank() ? "\u200B" : field.name().strip(), FIELD_NAME_MAX - CONTINUED.length());
            List<String> values = chunks(field.value().isBlank() ? "\u200B" : field.value(), FIELD_VALUE_MAX);
            for (int i = 0; i < values.size(); i++) {
                String fieldName = i == 0 ? name : name + CONTINUED;
                if (budget.exhausted() || budget.left() < fieldName.length() + 2) {
                    budget.exhaust();
                    break;
                }
                if (current.getFields().size() == FIELDS_MAX) {
                    if (embeds.size() == Message.MAX_EMBED_COUNT) {
                        budget.exhaust();
                        break;
                    }
                    current = newEmbed(reply);
                    embeds.add(current);
                }
                budget.spend(fieldName);
                current.addField(fieldName, budget.take(values.get(i)), field.inline() && values.size() == 1);
            }
        }
        if (budget.wasShortened()) {
            LOG.warn("reply titled {} was shortened to fit Discord's embed limits", reply.title());
        }
        if (footer != null) {
            current.setFooter(footer);
        }
        return embeds.stream().map(EmbedBuilder::build).toList();
    }

    /** A form as a Discord modal: one text input per input, each under its label, within Discord's limits. */
    static Modal modal(Reply.Form form) {
        Modal.Builder modal = Modal.create(form.customId(), cut(form.title(), Modal.MAX_TITLE_LENGTH));
        for (Reply.Input input : form.inputs()) {
            int max = Math.max(
                    1,
                    Math.min(
                            input.maxLength() > 0 ? input.maxLength() : TextInput.MAX_VALUE_LENGTH,
                            TextInput.MAX_VALUE_LENGTH));
            TextInput.Builder text = TextInput.create(
                            input.id(), input.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                    .setRequired(input.required())
                    .setMaxLength(max);
            if (input.value() != null && !input.value().isBlank()) {
                text.setValue(cut(input.value(), max));
            }
            modal.addComponents(Label.of(cut(input.label(), Label.LABEL_MAX_LENGTH), text.build()));
        }
        return modal.build();
    }

    static List<ActionRow> rows(List<Reply.Button> buttons) {
        if (buttons.isEmpty()) {
            return List.of();
        }
        if (buttons.size() > BUTTONS_MAX) {
            LOG.warn("reply has {} buttons; Discord shows {}", buttons.size(), BUTTONS_MAX);
        }
        List<Button> jdaButtons = buttons.stream()
                .limit(BUTTONS_MAX)
                .map(b -> Button.of(
                        style(b.style()), b.customId(), cut(b.label().isBlank() ? "…" : b.label(), BUTTON_LABEL_MAX)))
                .toList();
        return ActionRow.partitionOf(jdaButtons);
    }

    private static List<FileUpload> files(Reply reply) {
        List<FileUpload> files = new ArrayList<>();
        for (Reply.Attachment a : reply.attachments()) {
            if (files.size() == Message.MAX_FILE_AMOUNT) {
                LOG.warn(
                        "reply has {} attachments; Discord takes {}",
                        reply.attachments().size(),
                        Message.MAX_FILE_AMOUNT);
                break;
            }
            files.add(FileUpload.fromData(a.data(), safeFileName(a.fileName())));
        }
        return files;
    }

    private static String firstImage(List<FileUpload> files) {
        return files.stream()
                .map(FileUpload::getName)
                .filter(n -> n.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif|webp)"))
                .findFirst()
                .orElse(null);
    }

    /** Discord refers to attachments by name in embeds ("attachment://x.png"): keep names plain. */
    static String safeFileName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "file" + cleaned : cut(cleaned, 100);
    }

    private static EmbedBuilder newEmbed(Reply reply) {
        return new EmbedBuilder().setColor(reply.error() ? COLOR_ERROR : COLOR_NORMAL);
    }

    private static ButtonStyle style(Reply.Button.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SECONDARY -> ButtonStyle.SECONDARY;
            case SUCCESS -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
        };
    }

    /** Splits text into pieces of at most {@code max}, at a line break or space when one is near. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max <= 1) {
            return "…";
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Discord's total for all embeds of one message; reserved parts (title, footer) come first. */
    private static final class Budget {
        private int left;
        private boolean shortened;

        Budget(int total) {
            this.left = total;
        }

        void reserve(String text) {
            if (text != null) {
                left -= text.length();
            }
        }

        void spend(String text) {
            left -= text.length();
        }

        int left() {
            return left;
        }

        boolean exhausted() {
            return left <= 0 || shortened;
        }

        boolean wasShortened() {
            return shortened;
        }

        void exhaust() {
            shortened = true;
        }

        String take(String text) {
            if (text.length() <= left) {
                left -= text.length();
                return text;
            }
            shortened = true;
            String taken = cut(text, Math.max(1, left - SHORTENED.length())) + SHORTENED;
            taken = taken.length() > left ? cut(text, Math.max(1, left)) : taken;
            left = 0;
            return taken;
        }
    }
}
