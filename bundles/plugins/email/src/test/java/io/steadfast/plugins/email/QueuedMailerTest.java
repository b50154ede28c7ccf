package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.steadfast.api.mail.spi.Mailer.Mail;
import jakarta.mail.internet.MimeMessage;

class QueuedMailerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-11-14T22:13:20Z"), ZoneOffset.UTC);

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

    private static QueuedMailer mailer(int port) {
        return new QueuedMailer(
                new SmtpSender(MailSettings.from(TestMail.config("127.0.0.1", port, "habits@steadfast.test"))), CLOCK);
    }

    @Test
    void sendsAMailInTheBackground() throws Exception {
        try (QueuedMailer mailer = mailer(greenMail.getSmtp().getPort())) {
            mailer.send(new Mail("ada@example.test", "Reset your password", "Open https://habits.example.org/r/abc"));
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        }
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Reset your password");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.test");
        assertThat(mail.isMimeType("text/plain")).isTrue();
        assertThat(((String) mail.getContent()).strip()).isEqualTo("Open https://habits.example.org/r/abc");
    }

    @Test
    void returnsAtOnceAndOnlyLogsWhenTheServerIsDown() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (QueuedMailer mailer = mailer(closed)) {
            mailer.send(new Mail("ada@example.test", "Reset", "text"));
            mailer.send(new Mail(null, "Reset", "text"));
        }
        // close() waited for the queue: the failed send was logged, nothing thrown
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
