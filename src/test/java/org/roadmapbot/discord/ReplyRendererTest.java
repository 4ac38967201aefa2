package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.Reply;

/** Discord's message limits, checked on what the renderer builds (JDA itself rejects oversize parts). */
class ReplyRendererTest {

    private static int total(List<MessageEmbed> embeds) {
        return embeds.stream().mapToInt(MessageEmbed::getLength).sum();
    }

    @Test
    void shortPlainTextStaysMessageContent() {
        MessageCreateData message = ReplyRenderer.render(Reply.text("Hello"));
        assertThat(message.getContent()).isEqualTo("Hello");
        assertThat(message.getEmbeds()).isEmpty();
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    void textLongerThan2000MovesIntoAnEmbedDescription() {
        String text = "word ".repeat(600).strip(); // 2,999 characters
        MessageCreateData message = ReplyRenderer.render(Reply.text(text));
        assertThat(message.getContent()).isEmpty();
        assertThat(message.getEmbeds()).hasSize(1);
        assertThat(message.getEmbeds().get(0).getDescription()).isEqualTo(text);
    }

    @Test
    void textLongerThanOneDescriptionContinuesInASecondEmbedWithinTheTotal() {
        String text = "line of the answer\n".repeat(300); // 5,700 characters
        List<MessageEmbed> embeds =
                ReplyRenderer.render(Reply.builder(text).title("Long").build()).getEmbeds();
        assertThat(embeds).hasSize(2);
        assertThat(embeds.get(0).getDescription().length()).isLessThanOrEqualTo(4096);
        assertThat(embeds.get(0).getDescription()).endsWith("line of the answer");
        assertThat(total(embeds)).isLessThanOrEqualTo(6000);
        assertThat(String.join(
                        "\n", embeds.get(0).getDescription(), embeds.get(1).getDescription()))
                .isEqualTo(text.strip());
    }

    @Test
    void overlongTextIsShortenedWithANoteNeverBeyond6000() {
        String text = "x".repeat(20_000);
        List<MessageEmbed> embeds = ReplyRenderer.render(
                        Reply.builder(text).title("T").footer("Source: guide").build())
                .getEmbeds();
        assertThat(total(embeds)).isLessThanOrEqualTo(6000);
        assertThat(embeds.get(embeds.size() - 1).getDescription()).endsWith("(shortened to fit Discord)");
        assertThat(embeds.get(embeds.size() - 1).getFooter().getText()).isEqualTo("Source: guide");
        assertThat(embeds.get(0).getTitle()).isEqualTo("T");
    }

    @Test
    void fieldsAreSplitToDiscordLimits() {
        Reply.Builder reply = Reply.builder("Many fields").title("Fields");
        for (int i = 1; i <= 30; i++) {
            reply.field("Field " + i, "value " + i, true);
        }
        reply.field("N".repeat(300), "v".repeat(1500), false);
        List<MessageEmbed> embeds = ReplyRenderer.render(reply.build()).getEmbeds();
        assertThat(embeds).hasSize(2);
        assertThat(embeds.get(0).getFields()).hasSize(25);
        List<MessageEmbed.Field> rest = embeds.get(1).getFields();
        assertThat(rest).hasSize(7); // fields 26-30, and the long one in two parts
        assertThat(rest.get(5).getName().length()).isLessThanOrEqualTo(256);
        assertThat(rest.get(5).getValue().length()).isLessThanOrEqualTo(1024);
        assertThat(rest.get(6).getName()).endsWith("(continued)");
        assertThat(rest.get(5).getValue() + rest.get(6).getValue()).isEqualTo("v".repeat(1500));
        assertThat(total(embeds)).isLessThanOrEqualTo(6000);
    }

    @Test
    void buttonsGoFivePerRowAtMost25() {
        Reply.Builder reply = Reply.builder("Buttons");
        for (int i = 0; i < 30; i++) {
            reply.button(new Reply.Button("x:" + i, "Button " + i, Reply.Button.Style.SECONDARY));
        }
        MessageCreateData message = ReplyRenderer.render(reply.build());
        assertThat(message.getComponents()).hasSize(5);
        assertThat(message.getComponentTree().findAll(net.dv8tion.jda.api.components.buttons.Button.class))
                .hasSize(25);
    }

    @Test
    void attachmentsBecomeUploadsAndTheFirstImageShowsInTheEmbed() {
        MessageCreateData message = ReplyRenderer.render(Reply.builder("Card")
                .title("Card")
                .attachment(new Reply.Attachment("my card (1).png", "image/png", new byte[] {1, 2, 3}))
                .attachment(new Reply.Attachment("export.json", "application/json", new byte[] {'{', '}'}))
                .build());
        assertThat(message.getFiles()).extracting(f -> f.getName()).containsExactly("my_card__1_.png", "export.json");
        assertThat(message.getEmbeds().get(0).getImage().getUrl()).isEqualTo("attachment://my_card__1_.png");
    }

    @Test
    void errorsAreRedWhenEmbedded() {
        MessageEmbed embed = ReplyRenderer.render(
                        Reply.builder("No.").title("Refused").error(true).build())
                .getEmbeds()
                .get(0);
        assertThat(embed.getColorRaw()).isEqualTo(0xED4245);
    }

    @Test
    void chunksNeverSplitASurrogatePair() {
        String text = "a".repeat(9) + "😀" + "b".repeat(9);
        List<String> chunks = ReplyRenderer.chunks(text, 10);
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(10));
    }
}
