package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.steadfast.api.reminder.spi.ReminderChannel.ConfigProblem;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.api.reminder.spi.ReminderChannel.Outcome;
import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The e-mail channel against GreenMail on a loopback port. */
class EmailChannelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-11-14T22:13:20Z"), ZoneOffset.UTC);
    private static final UUID ADA = UUID.fromString("6a1f2f4e-9b1a-4a6b-8f55-1d1b2c3d4e5f");
    private static final UUID GONE = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    private static final UUID DELIVERY = UUID.fromString("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a");

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private EmailChannel channel(int port) {
        MailSettings settings =
                MailSettings.from(TestMail.config("127.0.0.1", port, "Steadfast <habits@steadfast.test>"));
        return new EmailChannel(
                TestMail.directory(Map.of(ADA, TestMail.user(ADA, "ada@example.test"))),
                new SmtpSender(settings),
                CLOCK);
    }

    private EmailChannel channel() {
        return channel(greenMail.getSmtp().getPort());
    }

    private static Message reminder(UUID user) {
        return new Message(
                DELIVERY,
                Message.REMINDER_DUE,
                user,
                UUID.randomUUID(),
                "Time to read ☕",
                "Read 20 pages <b>today</b> & \"tomorrow\"\nsecond line",
                "https://habits.example.org/habits/6a1f",
                "https://habits.example.org/unsubscribe/tok123",
                Instant.parse("2023-11-14T22:00:00Z"),
                Map.of());
    }

    @Test
    void sendsAReminderWithTextAndHtml() throws Exception {
        Result r = channel().deliver(reminder(ADA), Map.of());

        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Time to read ☕");
        assertThat(mail.getRecipients(RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("ada@example.test");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("Steadfast <habits@steadfast.test>");
        assertThat(mail.getMessageID()).isEqualTo("<" + DELIVERY + "@steadfast.test>");
        assertThat(mail.getHeader("X-Steadfast-Delivery", null)).isEqualTo(DELIVERY.toString());
        assertThat(mail.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://habits.example.org/unsubscribe/tok123>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(CLOCK.instant());

        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text)
                .contains("Read 20 pages <b>today</b> & \"tomorrow\"")
                .contains("https://habits.example.org/habits/6a1f")
                .contains("Turn these e-mails off: https://habits.example.org/unsubscribe/tok123");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html)
                .contains("Read 20 pages &lt;b&gt;today&lt;/b&gt; &amp; &quot;tomorrow&quot;<br>")
                .doesNotContain("<b>today</b>")
                .contains("<h1 style=\"font-size:20px;margin:0 0 16px\">Time to read ☕</h1>")
                .contains("href=\"https://habits.example.org/habits/6a1f\"")
                .contains("href=\"https://habits.example.org/unsubscribe/tok123\"");
    }

    @Test
    void sendsOnlyPlainTextWhenAsked() throws Exception {
        assertThat(channel()
                        .deliver(reminder(ADA), Map.of("plainTextOnly", true))
                        .outcome())
                .isEqualTo(Outcome.DELIVERED);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.isMimeType("text/plain")).isTrue();
        assertThat((String) mail.getContent()).contains("Read 20 pages <b>today</b>");
    }

    @Test
    void leavesOutTheUnsubscribeHeadersWithoutALink() throws Exception {
        Message m = new Message(
                DELIVERY, Message.CHANNEL_TEST, ADA, UUID.randomUUID(), "Test", "It works", null, null, null, null);
        assertThat(channel().deliver(m, Map.of()).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void failsWhenTheAccountIsGone() {
        Result r = channel().deliver(reminder(GONE), Map.of());
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).isEqualTo("the account no longer exists");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void retriesWhenTheServerIsDown() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result r = channel(closed).deliver(reminder(ADA), Map.of());
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.detail()).startsWith("the mail server could not be reached");
    }

    @Test
    void failsAPermanentRejection() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer("550 5.1.1 <ada@example.test>: no such user")) {
            Result r = channel(server.port()).deliver(reminder(ADA), Map.of());
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.detail())
                    .startsWith("the mail server refused the message: ")
                    .contains("550 5.1.1");
        }
    }

    @Test
    void retriesATemporaryRejection() throws IOException {
        try (FakeSmtpServer server = new FakeSmtpServer("451 4.7.1 greylisted, try again later")) {
            Result r = channel(server.port()).deliver(reminder(ADA), Map.of());
            assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(r.detail())
                    .startsWith("the mail server deferred the message: ")
                    .contains("451 4.7.1");
        }
    }

    @Test
    void validatesItsOneField() {
        EmailChannel c = channel();
        assertThat(c.validate(Map.of())).isEmpty();
        assertThat(c.validate(Map.of("plainTextOnly", false))).isEmpty();
        assertThat(c.validate(Map.of("plainTextOnly", "yes")))
                .containsExactly(new ConfigProblem("plainTextOnly", "must be true or false"));
        assertThat(c.key()).isEqualTo("email");
        assertThat(c.name()).isEqualTo("E-mail");
        assertThat(c.events(Map.of())).isNull();
    }
}
