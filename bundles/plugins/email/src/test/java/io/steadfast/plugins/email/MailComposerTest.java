package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.reminder.spi.ReminderChannel.Message;

class MailComposerTest {

    private static Message message(String body, String link, String unsubscribe) {
        return new Message(
                UUID.randomUUID(),
                Message.REMINDER_DUE,
                UUID.randomUUID(),
                null,
                "<T>",
                body,
                link,
                unsubscribe,
                null,
                Map.of());
    }

    @Test
    void escapesEverythingInHtml() {
        assertThat(MailComposer.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        String html = MailComposer.html(message("<script>alert(1)</script>", null, null));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("<title>&lt;T&gt;</title>");
    }

    @Test
    void makesNoButtonForALinkThatIsNotTheWeb() {
        String html = MailComposer.html(message("b", "javascript:alert(1)", "data:text/html,x"));
        assertThat(html).doesNotContain("javascript:").doesNotContain("data:text");
    }

    @Test
    void writesTheFooterOnlyWithAnUnsubscribeLink() {
        assertThat(MailComposer.text(message("b", null, null))).isEqualTo("b\n");
        assertThat(MailComposer.text(message("b", "https://h/x", "https://h/u")))
                .isEqualTo("b\n\nOpen Steadfast: https://h/x\n\n-- \n"
                        + "You get this because you added this address as a notification channel.\n"
                        + "Turn these e-mails off: https://h/u\n");
    }
}
