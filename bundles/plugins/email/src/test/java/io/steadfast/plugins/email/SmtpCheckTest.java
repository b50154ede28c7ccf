package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.steadfast.api.ops.Check;

class SmtpCheckTest {

    @Test
    void aServerThatGreetsIsFine() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer("250 OK")) {
            MailSettings s = MailSettings.from(TestMail.config("127.0.0.1", server.port(), "habits@steadfast.test"));
            Check.Finding f = new SmtpCheck(s, null).run();
            assertThat(f.verdict()).as(f.detail()).isEqualTo(Check.Verdict.OK);
            assertThat(f.detail()).startsWith("127.0.0.1:" + server.port()).contains("220 fake ESMTP");
        }
    }

    @Test
    void aServerThatIsNotThereIsAProblemSayingWhatToCheck() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        MailSettings s = MailSettings.from(TestMail.config("127.0.0.1", port, "habits@steadfast.test"));
        Check.Finding f = new SmtpCheck(s, null).run();
        assertThat(f.verdict()).isEqualTo(Check.Verdict.PROBLEM);
        assertThat(f.detail()).contains("unreachable");
        assertThat(f.fix()).contains("firewall");
    }
}
