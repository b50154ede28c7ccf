package io.steadfast.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

class NetworkProblemsTest {

    @Test
    void describesCommonFailures() {
        assertThat(NetworkProblems.describe(new ConnectException("Connection refused")))
                .isEqualTo("the connection was refused");
        assertThat(NetworkProblems.describe(new SocketTimeoutException("Read timed out")))
                .isEqualTo("the receiver did not answer in time");
        assertThat(NetworkProblems.describe(new UnknownHostException("hooks.example.com")))
                .isEqualTo("the host name was not found (hooks.example.com)");
        assertThat(NetworkProblems.describe(new SSLHandshakeException("No subject alternative DNS name")))
                .isEqualTo("the TLS connection failed (No subject alternative DNS name)");
        assertThat(NetworkProblems.describe(new IOException())).isEqualTo("the request failed");
        assertThat(NetworkProblems.describe(new IOException("x".repeat(500)))).hasSizeLessThan(200);
    }
}
